/**
 * Programs (compile/program.ts) compute exactly what the equations say: every fused instruction shape, the
 * hoisted constant parts and the table lookups that remember their segment give the same bits as the
 * closure compiler of expression.ts evaluating the same syntax tree directly, on random equations and
 * values (including zeros of both signs, NaN and infinities).
 */
import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr } from '../../../../model/sd/equation/ast';
import { compileExpression, type ExpressionEnvironment } from '../../../../model/sd/compile/expression';
import { lookup } from '../../../../model/sd/compile/instructions';
import { link, ProgramBuilder, type Linkable } from '../../../../model/sd/compile/program';
import { toTree } from '../../../../model/sd/compile/tree';
import { buildTable, makeLookup, type LookupTable } from '../../../../model/sd/graphical';
import { RandomStream } from '../../../../model/sd/random';
import { aux, compile, flow, series, stock, xmile } from '../helpers';
import { copyResult } from '../../../../model/sd';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPAN = { start: 0, end: 0 };
const VARIABLES = 10;
/** Slots 6 to 9 are constants: parts reading only them and numbers are hoisted. */
const CONSTANTS = new Set([6, 7, 8, 9]);
const TABLES: Readonly<Record<string, LookupTable>> = {
  continuous: buildTable({ type: 'continuous', xpts: [0, 1, 1, 2, 4], ypts: [0, 1, 3, 2, 5] }),
  extrapolate: buildTable({ type: 'extrapolate', xpts: [-1, 0, 3], ypts: [2, -1, 4] }),
  discrete: buildTable({ type: 'discrete', xpts: [0, 1, 2, 3], ypts: [5, 6, 7, 8] }),
  single: buildTable({ type: 'continuous', xpts: [1], ypts: [3] }),
};
const OPERATORS: readonly BinaryOperator[] = [
  '+',
  '-',
  '*',
  '/',
  '+',
  '-',
  '*',
  '/',
  '^',
  'mod',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  '<>',
  'and',
  'or',
];
const FUNCTIONS = ['min', 'max', 'safediv', 'abs', 'exp', 'int', 'mean', 'step', 'ramp', 'pulse'];

function randomExpr(random: () => number, depth: number): Expr {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (depth === 0 || random() < 0.2) {
    if (random() < 0.3) return { kind: 'number', value: pick([0, 1, 2, -0.5, 3.25, -0]), span: SPAN };
    const id = `v${Math.floor(random() * VARIABLES)}`;
    return { kind: 'ref', name: id, id, span: SPAN };
  }
  const next = (): Expr => randomExpr(random, depth - 1);
  const choice = random();
  if (choice < 0.55) {
    const op = pick(OPERATORS);
    const right = op === '^' && random() < 0.5 ? ({ kind: 'number', value: 2, span: SPAN } as const) : next();
    return { kind: 'binary', op, left: next(), right, span: SPAN };
  }
  if (choice < 0.65)
    return { kind: 'unary', op: pick(['-', 'not', '+'] as const), operand: next(), span: SPAN };
  if (choice < 0.78) return { kind: 'if', condition: next(), then: next(), otherwise: next(), span: SPAN };
  if (choice < 0.86) return { kind: 'lookup', table: pick(Object.keys(TABLES)), input: next(), span: SPAN };
  const id = pick(FUNCTIONS);
  const arity = { min: 2, max: 2, safediv: pick([2, 3]), mean: pick([1, 2, 4]), ramp: pick([2, 3]) }[id];
  const count = arity ?? (id === 'step' ? 2 : id === 'pulse' ? pick([1, 2, 3]) : 1);
  return { kind: 'call', name: id, id, args: Array.from({ length: count }, next), span: SPAN };
}

function randomValue(random: () => number): number {
  const choice = random();
  if (choice < 0.05) return Number.NaN;
  if (choice < 0.08) return Infinity;
  if (choice < 0.14) return 0;
  if (choice < 0.18) return -0;
  if (choice < 0.3) return Math.round(random() * 8 - 2);
  return (random() - 0.3) * 10;
}

/** Compiles `expr` both ways over one array and checks they agree on `rounds` random assignments. */
function check(expr: Expr, random: () => number, rounds: number): void {
  // Slots: the variables, TIME, DT, the result, then what the builder takes.
  const timeSlot = VARIABLES;
  const dtSlot = VARIABLES + 1;
  const slot = VARIABLES + 2;
  const builder = new ProgramBuilder(VARIABLES + 3, CONSTANTS);
  const context = {
    dialect: 'xmile' as const,
    timeSlot,
    dtSlot,
    slotOf: (id: string) => Number(id.slice(1)),
    tableOf: (id: string) => TABLES[id] as LookupTable,
  };
  const program: Linkable[] = [];
  builder.emit(builder.hoist(toTree(expr, context)), slot, program);
  const values = new Float64Array(builder.slotCount);
  const env: ExpressionEnvironment = {
    values,
    dialect: 'xmile',
    timeSlot,
    dtSlot,
    stepSlot: 0,
    slotOf: context.slotOf,
    tableOf: context.tableOf,
    randomStream: () => new RandomStream(1),
  };
  const instructions = link(program, env);
  const hoisted = link(builder.hoisted, env);
  const thunk = compileExpression(expr, env);
  const numbers = builder.numberTable();
  for (let round = 0; round < rounds; round++) {
    values.fill(0);
    for (let index = 0; index < VARIABLES; index++) values[index] = randomValue(random);
    values[timeSlot] = Math.floor(random() * 8) * 0.5;
    values[dtSlot] = 0.5;
    numbers.slots.forEach((numberSlot, index) => (values[numberSlot] = numbers.values[index] as number));
    for (const instruction of hoisted) instruction();
    for (const instruction of instructions) instruction();
    const expected = thunk();
    if (!Object.is(values[slot], expected)) {
      throw new Error(
        `${JSON.stringify(expr)} with ${JSON.stringify([...values.subarray(0, VARIABLES)])}: program ${values[slot]}, closures ${expected}`,
      );
    }
  }
}

describe('programs', () => {
  it('give the same bits as the closure compiler on random equations and values', () => {
    const random = generator(20240601);
    for (let index = 0; index < 3000; index++) check(randomExpr(random, 1 + (index % 5)), random, 12);
  });

  it('fuse every pair of arithmetic operators the same way the tree nests them', () => {
    const random = generator(7);
    const ref = (index: number): Expr => ({ kind: 'ref', name: `v${index}`, id: `v${index}`, span: SPAN });
    const ops = ['+', '-', '*', '/'] as const;
    for (const inner of ops)
      for (const outer of ops) {
        const left: Expr = { kind: 'binary', op: inner, left: ref(0), right: ref(1), span: SPAN };
        const right: Expr = { kind: 'binary', op: inner, left: ref(1), right: ref(2), span: SPAN };
        check({ kind: 'binary', op: outer, left, right: ref(2), span: SPAN }, random, 50);
        check({ kind: 'binary', op: outer, left: ref(0), right, span: SPAN }, random, 50);
        check({ kind: 'binary', op: outer, left, right: { ...right, left: ref(3) }, span: SPAN }, random, 50);
      }
  });

  it('run chains of four operands of one kind straight, in the order the tree nests them', () => {
    const random = generator(11);
    const ref = (index: number): Expr => ({ kind: 'ref', name: `v${index}`, id: `v${index}`, span: SPAN });
    for (const kind of [
      ['+', '-'],
      ['*', '/'],
    ] as const)
      for (const first of kind)
        for (const second of kind)
          for (const third of kind) {
            const inner: Expr = { kind: 'binary', op: first, left: ref(0), right: ref(1), span: SPAN };
            const middle: Expr = { kind: 'binary', op: second, left: inner, right: ref(2), span: SPAN };
            check({ kind: 'binary', op: third, left: middle, right: ref(3), span: SPAN }, random, 50);
          }
  });

  it('look tables up as graphical.ts does, whatever the order of the inputs', () => {
    const random = generator(3);
    for (const table of Object.values(TABLES)) {
      const reference = makeLookup(table);
      const values = new Float64Array(2);
      const instruction = lookup(values, table, 1, 0);
      const inputs = [
        ...Array.from({ length: 200 }, () => random() * 7 - 2),
        ...Array.from({ length: 100 }, (_, index) => -2 + index * 0.07),
        ...Array.from({ length: 100 }, (_, index) => 5 - index * 0.07),
        ...[0, 1, 2, 3, 4, -1, Number.NaN, Infinity, -Infinity, -0, 1, 1, 0.5],
      ];
      for (const input of inputs) {
        values[0] = input;
        instruction();
        expect(values[1]).toBe(reference(input));
      }
    }
  });
});

describe('hoisted constant parts', () => {
  const model = xmile({
    stop: 8,
    dt: 0.5,
    variables:
      stock('Stock', '100', [], ['Outflow']) +
      flow('Outflow', 'Stock * (1 - Share) * Rate / (Days * 2)') +
      aux('Share', '0.25') +
      aux('Rate', '0.5') +
      aux('Days', '3') +
      aux('Kept', 'Stock * (1 - Share)'),
  });

  it('follow the constants a run overrides', () => {
    const compiled = compile(model);
    const runner = compiled.createRunner();
    const vector = compiled.parameterVector({ Share: 0.75, Days: 1 });
    if (!vector.ok) throw new Error('not ok');
    const overridden = copyResult(runner.run({ parameters: vector.value }));
    expect(series(overridden, 'Kept')[0]).toBe(100 * (1 - 0.75));
    expect(series(overridden, 'Outflow')[0]).toBe((100 * (1 - 0.75) * 0.5) / (1 * 2));
    const base = runner.run();
    expect(series(base, 'Kept')[0]).toBe(100 * (1 - 0.25));
    expect(series(base, 'Outflow')[0]).toBe((100 * (1 - 0.25) * 0.5) / (3 * 2));
  });
});
