/**
 * Recursive-descent parser for XMILE equations, with the operator precedence of XMILE 1.0 section 3.3.1,
 * lowest first: IF-THEN-ELSE, OR, AND, = <>, < <= > >=, + -, * / MOD, unary + - NOT, ^, calls and atoms.
 * `^` is right-associative and binds tighter than a unary minus, so `-2^2 = -4` as in Vensim
 * (test-models `exponentiation`) and Simlin's parser (`src/simlin-engine/src/parser/mod.rs`).
 */
import { canonicalName, unquoteName } from '../names';
import type { BinaryOperator, Expr, Span } from './ast';
import { LexError, tokenize, type Token } from './lexer';

/** An equation that does not parse, with the span of the offending text. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly span: Span;
  constructor(message: string, span: Span) {
    super(message);
    this.span = span;
  }
}

/** Parses one equation. Throws ParseError (with a span) when it does not parse. */
export function parseEquation(text: string): Expr {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof LexError) throw new ParseError(error.message, error.span);
    throw error;
  }
  const parser = new Parser(tokens);
  if (parser.peek().kind === 'end') throw new ParseError('the equation is empty', { start: 0, end: 0 });
  const expr = parser.expression();
  const rest = parser.peek();
  if (rest.kind !== 'end')
    throw new ParseError(`unexpected ${describe(rest)} after a complete expression`, rest.span);
  return expr;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of the equation';
    case 'number':
      return `number "${token.text}"`;
    case 'ident':
    case 'quoted':
      return `name ${token.kind === 'quoted' ? token.text : `"${token.text}"`}`;
    case 'keyword':
      return `keyword "${token.text.toUpperCase()}"`;
    default:
      return `"${token.text}"`;
  }
}

const span = (start: Span, end: Span): Span => ({ start: start.start, end: end.end });

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  private isOp(...ops: string[]): boolean {
    const token = this.peek();
    return (token.kind === 'op' || token.kind === 'keyword') && ops.includes(token.text);
  }

  private expect(kind: Token['kind'], text: string | undefined, what: string): Token {
    const token = this.peek();
    if (token.kind !== kind || (text !== undefined && token.text !== text)) {
      throw new ParseError(`expected ${what} but found ${describe(token)}`, token.span);
    }
    return this.next();
  }

  expression(): Expr {
    const token = this.peek();
    if (token.kind === 'keyword' && token.text === 'if') {
      this.next();
      const condition = this.expression();
      this.expect('keyword', 'then', 'THEN');
      const then = this.expression();
      this.expect('keyword', 'else', 'ELSE');
      const otherwise = this.expression();
      return { kind: 'if', condition, then, otherwise, span: span(token.span, otherwise.span) };
    }
    return this.binaryLevel(0);
  }

  /** Left-associative binary levels, lowest precedence first. */
  private static readonly LEVELS: readonly (readonly BinaryOperator[])[] = [
    ['or'],
    ['and'],
    ['=', '<>'],
    ['<', '<=', '>', '>='],
    ['+', '-'],
    ['*', '/', 'mod'],
  ];

  private binaryLevel(level: number): Expr {
    const operators = Parser.LEVELS[level];
    if (operators === undefined) return this.unary();
    let left = this.binaryLevel(level + 1);
    while (this.isOp(...operators)) {
      const op = this.next().text as BinaryOperator;
      const right = this.binaryLevel(level + 1);
      left = { kind: 'binary', op, left, right, span: span(left.span, right.span) };
    }
    return left;
  }

  private unary(): Expr {
    const token = this.peek();
    if (this.isOp('-', '+', 'not')) {
      this.next();
      const operand = this.unary();
      const op = token.text === 'not' ? 'not' : token.text === '-' ? '-' : '+';
      return { kind: 'unary', op, operand, span: span(token.span, operand.span) };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    this.next();
    // The exponent is a full unary expression: `2^-3` parses, and `a^b^c` is `a^(b^c)`.
    const exponent = this.unary();
    return { kind: 'binary', op: '^', left: base, right: exponent, span: span(base.span, exponent.span) };
  }

  private primary(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case 'number': {
        this.next();
        return { kind: 'number', value: Number(token.text), span: token.span };
      }
      case 'lparen': {
        this.next();
        const inner = this.expression();
        const close = this.expect('rparen', undefined, '")"');
        return { ...inner, span: span(token.span, close.span) };
      }
      case 'keyword':
        if (token.text === 'if') return this.expression();
        // `mod`, `and`, `or` where an operand is expected are names (test-models `lookups_funcnames` has a
        // variable called "mod"); MOD(a, b) is the function.
        if (token.text === 'mod' || token.text === 'and' || token.text === 'or') return this.nameOrCall();
        throw new ParseError(`unexpected ${describe(token)}`, token.span);
      case 'ident':
      case 'quoted':
        return this.nameOrCall();
      case 'lbracket':
        throw new ParseError('array subscripts are not supported yet', token.span);
      default:
        throw new ParseError(`expected a number, a name or "(" but found ${describe(token)}`, token.span);
    }
  }

  private nameOrCall(): Expr {
    const first = this.next();
    let name = first.kind === 'quoted' ? unquoteName(first.text) : first.text;
    let last = first;
    // Names converted from Vensim sometimes keep their spaces (`EXPRESSION MACRO(x)`): two identifiers in a
    // row are never valid otherwise, so they are read as one name with the space kept.
    while (first.kind !== 'quoted' && this.peek().kind === 'ident') {
      last = this.next();
      name = `${name} ${last.text}`;
    }
    if (this.peek().kind === 'lbracket') {
      throw new ParseError('array subscripts are not supported yet', this.peek().span);
    }
    if (this.peek().kind !== 'lparen') {
      return { kind: 'ref', name, id: canonicalName(name), span: span(first.span, last.span) };
    }
    this.next();
    const args: Expr[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.expression());
        if (this.peek().kind !== 'comma') break;
        this.next();
      }
    }
    const close = this.expect('rparen', undefined, '"," or ")"');
    return { kind: 'call', name, id: canonicalName(name), args, span: span(first.span, close.span) };
  }
}
