/**
 * Variables whose equation is one stateful builtin or macro call (`SMTH1(x, 3)`, `DELAY(x, 12, 0)`, after
 * expose.ts), scored as the black boxes they are to a run: their hidden state is not reported.
 *
 * - A link from a variable read by the builtin's input expression e (its first argument) goes through e:
 *   LS(x → y) = |Δx(e) / D| · sign(Δx(e) / Δx), with Δx(e) the change in e x alone makes (the same
 *   "changed first" partial as any link, Schoenberg, Davidsen & Eberlein 2020, equation 1).
 *   - SMTH1 is one stock y with net flow (e − y)/τ, so D = Δe − Δy: the product of the link scores of
 *     e → flow (|Δe / (Δe − Δy)|, the flow being linear in e and y) and flow → y (1, its only flow; 2023
 *     revision), a composite link score as Schoenberg & Eberlein (2020, "Seamlessly integrating Loops That
 *     Matter into model development and analysis") define for macros.
 *   - Other builtins (SMTH3, DELAYn, DELAY, TREND, PREVIOUS) pass their input through with gain 1 over time:
 *     D = Δe, so the input's own links share the box's unit transfer (Simlin's treatment of modules with no
 *     composite score, docs/reference/ltm--loops-that-matter.md).
 *   Its polarity is that of e: each of these builtins rises with its input.
 * - Any other link (a varying delay time, a macro's arguments) gets the signed unit transfer
 *   sign(Δy) · sign(Δx), 0 when either is unchanged (same reference): exact in sign for a single input.
 */
import { referencedIds } from '../equation/ast';
import { canonicalFunction } from '../functions';
import { canonicalName, parseEquation, type Expr, type ModelDocument } from '../index';
import { compileEquation, type EvaluationContext, type Evaluator } from './evaluate';
import { isStatefulCall } from './expose';

/** Builtins whose first argument is the input they hold, smooth or delay. */
const INPUT_FIRST = new Set([
  'smth1',
  'smth3',
  'smthn',
  'delay1',
  'delay3',
  'delayn',
  'delay',
  'trend',
  'previous',
]);

export interface BlackBox {
  /** The builtin (canonical), or the macro's canonical name. */
  readonly call: string;
  /** The input expression over the run's columns, when the builtin has one. */
  readonly input: Evaluator | undefined;
  /** Columns the input expression reads. */
  readonly inputColumns: ReadonlySet<number>;
}

/** The black box a variable's equation makes, when its whole equation is one stateful call. */
export function blackBoxOf(
  document: ModelDocument,
  name: string,
  context: EvaluationContext,
): BlackBox | undefined {
  const variable = document.variables.find(
    (candidate) => canonicalName(candidate.name) === canonicalName(name),
  );
  if (variable === undefined) return undefined;
  let expr: Expr;
  try {
    expr = parseEquation(variable.eqn);
  } catch {
    return undefined;
  }
  if (expr.kind !== 'call' || !isStatefulCall(expr, document)) return undefined;
  const call = canonicalFunction(expr.id);
  const first = expr.args[0];
  if (!INPUT_FIRST.has(call) || first === undefined)
    return { call, input: undefined, inputColumns: new Set() };
  const inputColumns = new Set(
    [...referencedIds(first)]
      .map((id) => context.column(id))
      .filter((column): column is number => column !== undefined),
  );
  return { call, input: compileEquation(first, context), inputColumns };
}
