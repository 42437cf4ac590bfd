/**
 * Splits an XMILE equation into tokens. Follows XMILE 1.0 section 3.2-3.3: numbers such as `1e-3` and `.5`,
 * identifiers (Unicode letters, digits, `_`, `$`), quoted names with `\"` escapes, `{...}` comments, the
 * operators of 3.3.1 and the keywords IF THEN ELSE AND OR NOT MOD (case-insensitive). `&&`, `||`, `!=` and
 * `!` are accepted as the C-style spellings Stella also reads.
 */
import type { Span } from './ast';

export type TokenKind =
  | 'number'
  | 'ident'
  | 'quoted'
  | 'keyword'
  | 'op'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The text as written; for keywords and operators, the normalised spelling (`and`, `<>`). */
  readonly text: string;
  readonly span: Span;
}

export const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

/** A token the lexer cannot read, with where it is. */
export class LexError extends Error {
  override readonly name = 'LexError';
  readonly span: Span;
  constructor(message: string, span: Span) {
    super(message);
    this.span = span;
  }
}

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[\p{L}\p{M}_$][\p{L}\p{M}\p{N}_$]*/uy;
const OPERATORS: readonly (readonly [string, string])[] = [
  ['<=', '<='],
  ['>=', '>='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['==', '='],
  ['&&', 'and'],
  ['||', 'or'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['^', '^'],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
  ['!', 'not'],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    // Whitespace, including a Vensim-style line continuation (a backslash before a line break).
    if (/\s/.test(char) || (char === '\\' && /^\\\s*\n/.test(text.slice(index, index + 8)))) {
      index++;
      continue;
    }
    if (char === '{') {
      const close = text.indexOf('}', index);
      if (close < 0)
        throw new LexError('a comment opened with "{" is never closed', { start: index, end: index + 1 });
      index = close + 1;
      continue;
    }
    const start = index;
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number !== null) {
      index += number[0].length;
      tokens.push({ kind: 'number', text: number[0], span: { start, end: index } });
      continue;
    }
    IDENT.lastIndex = index;
    const ident = IDENT.exec(text);
    if (ident !== null) {
      index += ident[0].length;
      const lower = ident[0].toLowerCase();
      tokens.push({
        kind: KEYWORDS.has(lower) ? 'keyword' : 'ident',
        text: KEYWORDS.has(lower) ? lower : ident[0],
        span: { start, end: index },
      });
      continue;
    }
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length)
        throw new LexError('a quoted name is never closed', { start, end: text.length });
      index = end + 1;
      tokens.push({ kind: 'quoted', text: text.slice(start, index), span: { start, end: index } });
      continue;
    }
    const single: Partial<Record<string, TokenKind>> = {
      '(': 'lparen',
      ')': 'rparen',
      '[': 'lbracket',
      ']': 'rbracket',
      ',': 'comma',
    };
    const punctuation = single[char];
    if (punctuation !== undefined) {
      index++;
      tokens.push({ kind: punctuation, text: char, span: { start, end: index } });
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => text.startsWith(spelling, index));
    if (operator !== undefined) {
      index += operator[0].length;
      tokens.push({ kind: 'op', text: operator[1], span: { start, end: index } });
      continue;
    }
    throw new LexError(`unexpected character "${char}"`, { start, end: start + 1 });
  }
  tokens.push({ kind: 'end', text: '', span: { start: text.length, end: text.length } });
  return tokens;
}
