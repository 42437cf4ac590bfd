/**
 * Where an equation names a variable, found with the engine's own parser so a rename rewrites exactly the
 * names the compiler would resolve, and nothing else of the text (spacing, comments, the author's choice of
 * `Room_Temperature` or `room temperature`) changes. Names are compared canonically (XMILE 1.0 section
 * 3.2.2: case, spaces and underscores ignored).
 */
import type { Span } from '../equation/ast';
import { walk, type Expr } from '../equation/ast';
import { tokenize, type Token } from '../equation/lexer';
import { parseEquation } from '../equation/parser';
import { canonicalName, equationReference, unquoteName } from '../names';
import { remembered } from './memo';

function parsed(text: string): Expr | undefined {
  try {
    return parseEquation(text);
  } catch {
    return undefined;
  }
}

function tokens(text: string): Token[] | undefined {
  try {
    return tokenize(text);
  } catch {
    return undefined;
  }
}

const isNameToken = (token: Token): boolean =>
  token.kind === 'ident' || token.kind === 'quoted' || token.kind === 'keyword';

/**
 * The span of the name that starts at or after `from`: a quoted name, or identifiers in a row (the parser
 * reads `EXPRESSION MACRO` as one name), skipping the parentheses the parser folds into a node's span.
 */
function nameSpanAt(all: readonly Token[], from: number): Span | undefined {
  let index = all.findIndex((token) => token.span.start >= from && token.kind !== 'lparen');
  const first = all[index];
  if (first === undefined || !isNameToken(first)) return undefined;
  let end = first.span.end;
  if (first.kind !== 'quoted') {
    while (all[index + 1]?.kind === 'ident') {
      index++;
      end = (all[index] as Token).span.end;
    }
  }
  return { start: first.span.start, end };
}

/** Name groups straight from the tokens, for an equation that lexes but does not parse (being typed). */
function tokenNameSpans(all: readonly Token[]): { span: Span; id: string; called: boolean }[] {
  const found: { span: Span; id: string; called: boolean }[] = [];
  for (let index = 0; index < all.length; index++) {
    const token = all[index] as Token;
    if (token.kind === 'quoted') {
      const called = all[index + 1]?.kind === 'lparen';
      found.push({ span: token.span, id: canonicalName(unquoteName(token.text)), called });
    } else if (token.kind === 'ident') {
      let name = token.text;
      let end = token.span.end;
      while (all[index + 1]?.kind === 'ident') {
        index++;
        const next = all[index] as Token;
        name = `${name} ${next.text}`;
        end = next.span.end;
      }
      const called = all[index + 1]?.kind === 'lparen';
      found.push({ span: { start: token.span.start, end }, id: canonicalName(name), called });
    }
  }
  return found;
}

/**
 * The spans of `text` that name the variable with canonical name `id`. A call `name(x)` names it only when it
 * is a graphical function (`table`): otherwise the call is the builtin of that name (graph/lower.ts resolves
 * tables first, then builtins).
 */
export function referenceSpans(text: string, id: string, table = false): Span[] {
  const all = tokens(text);
  if (all === undefined) return [];
  const expr = parsed(text);
  if (expr === undefined) {
    return tokenNameSpans(all)
      .filter((name) => name.id === id && (table || !name.called))
      .map((name) => name.span);
  }
  const spans: Span[] = [];
  walk(expr, (node) => {
    if ((node.kind === 'ref' || (node.kind === 'call' && table)) && node.id === id) {
      const span = nameSpanAt(all, node.span.start);
      if (span !== undefined) spans.push(span);
    }
  });
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with every reference to `id` replaced by `newName`, written as an equation writes it. */
export function renameReferences(text: string, id: string, newName: string, table = false): string {
  const spans = referenceSpans(text, id, table);
  if (spans.length === 0) return text;
  const replacement = equationReference(newName);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    result += text.slice(cursor, span.start) + replacement;
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** The names an equation reads: as values, and called like a function (a table, or a builtin). */
export interface EquationReads {
  readonly values: ReadonlySet<string>;
  readonly calls: ReadonlySet<string>;
}

/** The canonical names an equation reads, or undefined when it does not parse (remembered by text). */
export const equationReads = remembered(readsOfText);

function readsOfText(text: string): EquationReads | undefined {
  if (text.trim() === '') return { values: new Set(), calls: new Set() };
  const expr = parsed(text);
  if (expr === undefined) return undefined;
  const values = new Set<string>();
  const calls = new Set<string>();
  walk(expr, (node) => {
    if (node.kind === 'ref') values.add(node.id);
    else if (node.kind === 'call') calls.add(node.id);
  });
  return { values, calls };
}
