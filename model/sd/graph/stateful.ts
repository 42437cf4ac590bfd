/**
 * Stateful builtins become hidden nodes, so the compiler only ever integrates stocks and the loop analysis
 * sees every accumulation:
 * - SMTH1/SMTH3/SMTHN(input, time, [n,] [initial]): a chain of n first-order information delays, each
 *   stock adjusting toward the previous one over time/n, all starting at `initial` (default: the input).
 *   XMILE 1.0 section 3.5.5; Vensim's SMOOTH, SMOOTH3, SMOOTH N; Simlin's stdlib `smth1.stmx`, `smth3.stmx`.
 * - DELAY1/DELAY3/DELAYN(input, time, [n,] [initial]): a chain of n material stocks, each draining at
 *   stock/(time/n), each starting at initial*time/n; the output is the last outflow (Vensim's DELAY3
 *   equations, Simlin's stdlib `delay3.stmx`).
 * - TREND(input, averaging time, [initial trend]): Vensim's definition, avval = INTEG((input-avval)/time,
 *   input/(1+initial trend*time)), TREND = ZIDZ(input-avval, time*ABS(avval)).
 * - INIT(x): x's value at the start; PREVIOUS(x, [initial]): x one dt ago, `initial` (default 0, as
 *   Simlin's stdlib `previous.stmx`) at the start; DELAY(x, time, [initial]): x as it was `time` ago, the
 *   delay time read once at the start and at least one dt (Stella's help on DELAY; Vensim's DELAY FIXED).
 * The order of SMTHN and DELAYN is fixed when the model is compiled, from its value at the start.
 */
import type { BinaryOperator, CallNode, Expr, Span } from '../equation/ast';
import type { LoweringContext } from './builder';
import { foldConstants } from './fold';
import type { ModelNode } from './nodes';
import { StartValueError, valueAtStart } from './start-value';

const ref = (id: string, span: Span): Expr => ({ kind: 'ref', name: id, id, span });
const num = (value: number, span: Span): Expr => ({ kind: 'number', value, span });
const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
  span: { start: left.span.start, end: right.span.end },
});

/** A number or a reference is used as it is; anything else becomes a hidden auxiliary computed once a step. */
export function argumentNode(expr: Expr, label: string, context: LoweringContext): Expr {
  if (expr.kind === 'number' || expr.kind === 'ref') return expr;
  const id = context.builder.hiddenId(context.variable, label);
  context.builder.add(hidden(id, 'aux', context, { equation: expr }));
  return ref(id, expr.span);
}

function hidden(
  id: string,
  kind: ModelNode['kind'],
  context: LoweringContext,
  parts: Partial<Pick<ModelNode, 'equation' | 'initial' | 'rate' | 'input' | 'delayTime'>>,
): ModelNode {
  return {
    id,
    name: id,
    kind,
    hidden: true,
    owner: context.variable,
    text: context.text,
    nonNegative: false,
    ...parts,
  };
}

/** The order argument of SMTHN/DELAYN as a whole number of stages, known before the run. */
function chainOrder(expr: Expr, call: CallNode, context: LoweringContext): number | undefined {
  const { builder } = context;
  let value: number;
  try {
    const folded = foldConstants(expr, builder.dialect);
    value =
      folded.kind === 'number'
        ? folded.value
        : valueAtStart(folded, builder.nodes, builder.bounds, builder.dialect, builder.ensureLowered);
  } catch (error) {
    if (!(error instanceof StartValueError)) throw error;
    builder.error(
      'bad-argument',
      context.variable,
      context.text,
      expr.span,
      `the order of ${call.name.toUpperCase()} must be known when the run starts (${error.message})`,
    );
    return undefined;
  }
  const order = Math.round(value);
  if (!(order >= 1)) {
    builder.error(
      'bad-argument',
      context.variable,
      context.text,
      expr.span,
      `the order of ${call.name.toUpperCase()} must be at least 1 (it is ${value})`,
    );
    return undefined;
  }
  return order;
}

function smoothChain(
  order: number,
  input: Expr,
  time: Expr,
  initial: Expr,
  label: string,
  context: LoweringContext,
): Expr {
  const stageTime = order === 1 ? time : bin('/', time, num(order, time.span));
  let previous = input;
  for (let stage = 1; stage <= order; stage++) {
    const id = context.builder.hiddenId(context.variable, `${label}.stock${stage}`);
    const own = ref(id, input.span);
    context.builder.add(
      hidden(id, 'stock', context, { initial, rate: bin('/', bin('-', previous, own), stageTime) }),
    );
    previous = own;
  }
  return previous;
}

function delayChain(
  order: number,
  input: Expr,
  time: Expr,
  initial: Expr,
  label: string,
  context: LoweringContext,
  lagged: boolean,
): Expr {
  const stageTime = order === 1 ? time : bin('/', time, num(order, time.span));
  // Vensim's DELAY N: "the output of the DELAY N function depends only on the values delay time had in
  // previous Time Steps" (Vensim help, DELAY N). The test-models `delays` output (Vensim 7) pins down how:
  // the last stage drains with the previous step's delay time, the inner stages with the current one.
  let lastStageTime = stageTime;
  if (lagged && time.kind !== 'number') {
    const previous = context.builder.hiddenId(context.variable, `${label}.previous_time`);
    context.builder.add(hidden(previous, 'previous', context, { input: time, initial: time }));
    const previousTime = ref(previous, time.span);
    lastStageTime = order === 1 ? previousTime : bin('/', previousTime, num(order, time.span));
  }
  let inflow = input;
  for (let stage = 1; stage <= order; stage++) {
    const id = context.builder.hiddenId(context.variable, `${label}.stock${stage}`);
    const outflow = bin('/', ref(id, input.span), stage === order ? lastStageTime : stageTime);
    context.builder.add(
      hidden(id, 'stock', context, {
        initial: bin('*', initial, stageTime),
        rate: bin('-', inflow, outflow),
      }),
    );
    inflow = outflow;
  }
  return inflow;
}

export function lowerStateful(
  id: string,
  call: CallNode,
  args: readonly Expr[],
  context: LoweringContext,
): Expr {
  const label = `${id}`;
  const arg = (index: number, role: string): Expr =>
    argumentNode(args[index] as Expr, `${label}.${role}`, context);
  switch (id) {
    case 'smth1':
    case 'smth3':
    case 'delay1':
    case 'delay3':
    case 'smthn':
    case 'delayn': {
      const nth = id.endsWith('n');
      let order = id.endsWith('3') ? 3 : 1;
      if (nth) {
        const found = chainOrder(args[2] as Expr, call, context);
        if (found === undefined) return num(Number.NaN, call.span);
        order = found;
      }
      const input = arg(0, 'input');
      const time = arg(1, 'time');
      const initialIndex = nth ? 3 : 2;
      const initial = args.length > initialIndex ? arg(initialIndex, 'initial') : input;
      return id.startsWith('smth')
        ? smoothChain(order, input, time, initial, label, context)
        : delayChain(order, input, time, initial, label, context, id === 'delayn');
    }
    case 'trend': {
      const input = arg(0, 'input');
      const time = arg(1, 'time');
      const initialTrend = args.length > 2 ? arg(2, 'initial') : num(0, call.span);
      const average = context.builder.hiddenId(context.variable, `${label}.average`);
      const avval = ref(average, call.span);
      context.builder.add(
        hidden(average, 'stock', context, {
          initial: bin('/', input, bin('+', num(1, call.span), bin('*', initialTrend, time))),
          rate: bin('/', bin('-', input, avval), time),
        }),
      );
      const scale = bin('*', time, { kind: 'call', name: 'ABS', id: 'abs', args: [avval], span: call.span });
      return {
        kind: 'call',
        name: 'SAFEDIV',
        id: 'safediv',
        args: [bin('-', input, avval), scale],
        span: call.span,
      };
    }
    case 'init': {
      const node = context.builder.hiddenId(context.variable, label);
      context.builder.add(hidden(node, 'initial', context, { initial: args[0] as Expr }));
      return ref(node, call.span);
    }
    case 'previous': {
      const node = context.builder.hiddenId(context.variable, label);
      const initial = args.length > 1 ? (args[1] as Expr) : num(0, call.span);
      context.builder.add(hidden(node, 'previous', context, { input: arg(0, 'input'), initial }));
      return ref(node, call.span);
    }
    case 'delay': {
      const node = context.builder.hiddenId(context.variable, label);
      const input = arg(0, 'input');
      const initial = args.length > 2 ? (args[2] as Expr) : input;
      context.builder.add(hidden(node, 'delay', context, { input, delayTime: arg(1, 'time'), initial }));
      return ref(node, call.span);
    }
    default:
      throw new Error(`no lowering for stateful builtin ${id}`);
  }
}
