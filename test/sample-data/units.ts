/**
 * Dimensional analysis of a model's equations, for the sample-data tests (the engine does not check units
 * yet, model/sd/README.md "Not yet"). A unit is a map from base unit to exponent; the model's unit strings
 * are products and quotients of names (`hours/person/Month`, `1/Month`, `dmnl`), with singular and plural
 * spellings and Stella's time aliases taken as one unit, as the model's `<model_units>` aliases declare.
 *
 * Numbers in equations carry no unit: in a sum or comparison they take the unit of the other side, in a
 * product they count as dimensionless (XMILE 1.0 leaves literal units to the vendor; Stella and Vensim both
 * accept `1 - x` for a dimensionless x). So a model passes only if every named quantity is consistent.
 */
import type { Expr } from '../../model/sd';

export type Unit = ReadonlyMap<string, number>;

/** The same unit under its declared aliases (sample-data/empathy-smb.xmile `<model_units>`). */
const ALIASES: Readonly<Record<string, string>> = {
  month: 'Months',
  months: 'Months',
  mo: 'Months',
  customer: 'customers',
  customers: 'customers',
  contact: 'contacts',
  contacts: 'contacts',
  person: 'people',
  people: 'people',
  hour: 'hours',
  hours: 'hours',
  dollar: 'dollars',
  dollars: 'dollars',
  idea: 'ideas',
  ideas: 'ideas',
};

const DIMENSIONLESS = new Set(['dmnl', '1', '']);

function multiply(a: Unit, b: Unit, sign: 1 | -1): Unit {
  const result = new Map(a);
  for (const [name, power] of b) {
    const next = (result.get(name) ?? 0) + sign * power;
    if (next === 0) result.delete(name);
    else result.set(name, next);
  }
  return result;
}

/** Parses `a*b/c/d` (the forms the model uses). Throws on anything else, so a typo cannot pass silently. */
export function parseUnit(text: string): Unit {
  const [numerator = '', ...denominators] = text.split('/').map((part) => part.trim());
  let unit: Unit = new Map();
  const factor = (part: string, sign: 1 | -1): void => {
    for (const name of part.split('*').map((piece) => piece.trim())) {
      if (DIMENSIONLESS.has(name.toLowerCase())) continue;
      const base = ALIASES[name.toLowerCase()];
      if (base === undefined) throw new Error(`unknown unit "${name}" in "${text}"`);
      unit = multiply(unit, new Map([[base, 1]]), sign);
    }
  };
  factor(numerator, 1);
  for (const denominator of denominators) factor(denominator, -1);
  return unit;
}

export function formatUnit(unit: Unit | undefined): string {
  if (unit === undefined) return 'any (a number)';
  if (unit.size === 0) return 'dmnl';
  const part = (sign: 1 | -1): string =>
    [...unit]
      .filter(([, power]) => Math.sign(power) === sign)
      .map(([name, power]) => (Math.abs(power) === 1 ? name : `${name}^${Math.abs(power)}`))
      .join('*');
  const numerator = part(1) || '1';
  const denominator = part(-1);
  return denominator === '' ? numerator : `${numerator}/${denominator}`;
}

export const sameUnit = (a: Unit, b: Unit): boolean =>
  a.size === b.size && [...a].every(([name, power]) => b.get(name) === power);

/** What an expression's unit is, or `undefined` for a bare number that adapts to its context. */
export interface UnitContext {
  readonly unitOf: (id: string) => Unit;
  readonly timeUnit: Unit;
}

export class UnitError extends Error {
  override readonly name = 'UnitError';
}

/** Both sides must agree (a number adapts); returns the common unit. */
function agree(a: Unit | undefined, b: Unit | undefined, what: string): Unit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (!sameUnit(a, b)) throw new UnitError(`${what}: ${formatUnit(a)} against ${formatUnit(b)}`);
  return a;
}

const argument = (args: readonly Expr[], index: number, call: string): Expr => {
  const arg = args[index];
  if (arg === undefined) throw new UnitError(`${call} needs argument ${index + 1}`);
  return arg;
};

export function unitOfExpression(expr: Expr, context: UnitContext): Unit | undefined {
  const of = (inner: Expr): Unit | undefined => unitOfExpression(inner, context);
  switch (expr.kind) {
    case 'number':
      return undefined;
    case 'ref':
      return context.unitOf(expr.id);
    case 'unary':
      return expr.op === 'not' ? new Map() : of(expr.operand);
    case 'binary': {
      const left = of(expr.left);
      const right = of(expr.right);
      switch (expr.op) {
        case '+':
        case '-':
          return agree(left, right, `"${expr.op}"`);
        case '*':
        case '/':
          // A product of numbers is still a number (`0.3 / 12` adapts to its declared unit).
          if (left === undefined && right === undefined) return undefined;
          return multiply(left ?? new Map(), right ?? new Map(), expr.op === '*' ? 1 : -1);
        case '<':
        case '<=':
        case '>':
        case '>=':
        case '=':
        case '<>':
          agree(left, right, `comparison "${expr.op}"`);
          return new Map();
        default:
          throw new UnitError(`operator "${expr.op}" is not checked here`);
      }
    }
    case 'if':
      of(expr.condition);
      return agree(of(expr.then), of(expr.otherwise), 'IF THEN ELSE branches');
    case 'call': {
      switch (expr.id) {
        case 'min':
        case 'max':
          return agree(
            of(argument(expr.args, 0, expr.name)),
            of(argument(expr.args, 1, expr.name)),
            expr.name,
          );
        case 'smth1':
        case 'delay': {
          const input = of(argument(expr.args, 0, expr.name));
          agree(of(argument(expr.args, 1, expr.name)), context.timeUnit, `${expr.name} delay time`);
          const initial = expr.args[2];
          return initial === undefined ? input : agree(input, of(initial), `${expr.name} initial value`);
        }
        default:
          throw new UnitError(`function ${expr.name} is not checked here`);
      }
    }
    case 'lookup':
      throw new UnitError('lookups appear only after lowering');
  }
}
