/**
 * Stateful builtins on loops: a SMTH1 inside a larger equation is moved into an auxiliary of its own so a
 * run reports it (the model computes the same values), loops read in the model's own variables, and the
 * SMTH1's composite link score equals the product of the link scores of the same smooth written out as a
 * stock and its flow (Schoenberg & Eberlein 2020, composite link scores).
 */
import { describe, expect, it } from 'vitest';
import { readXmile, simulate, compileModel, seriesOf } from '../../../../model/sd';
import { exposeStatefulCalls } from '../../../../model/sd/loops/expose';
import { aux, flow, stock, xmile } from '../helpers';
import { analyse } from './setup';

/** Staff adjust toward the workload perceived through a smooth; the perception is also scaled. */
const smoothed = (perception: string) => ({
  stop: 40,
  variables: [
    stock('Staff', '10', ['Hiring']),
    flow('Hiring', '(Target staff - Staff) / 4'),
    aux('Target staff', 'Perceived demand / 2'),
    perception,
    aux('Demand', 'Staff * 3 + 5'),
  ].join(''),
});

const inline = smoothed(aux('Perceived demand', 'SMTH1(Demand, 3) * 1'));
const explicit = {
  stop: 40,
  variables: [
    stock('Staff', '10', ['Hiring']),
    flow('Hiring', '(Target staff - Staff) / 4'),
    aux('Target staff', 'Perceived demand / 2'),
    stock('Perceived demand', 'Demand', ['Perception change']),
    flow('Perception change', '(Demand - Perceived demand) / 3'),
    aux('Demand', 'Staff * 3 + 5'),
  ].join(''),
};

function read(model: Parameters<typeof xmile>[0]) {
  const document = readXmile(xmile(model));
  if (!document.ok) throw new Error('does not read');
  return document.value;
}

describe('stateful calls on loops', () => {
  it('moves a SMTH1 inside a larger equation into an auxiliary, and the model computes the same values', () => {
    const document = read(inline);
    const exposed = exposeStatefulCalls(document);
    expect([...exposed.owners]).toEqual([['perceived_demand_smth1', 'Perceived demand']]);
    const perceived = exposed.document.variables.find((variable) => variable.name === 'Perceived demand');
    expect(perceived?.eqn).toBe('(Perceived_demand_SMTH1*1)');
    const before = compileModel(document);
    const after = compileModel(exposed.document);
    if (!before.ok || !after.ok) throw new Error('does not compile');
    const a = simulate(before.value);
    const b = simulate(after.value);
    for (const name of a.names) expect(seriesOf(b, name)).toEqual(seriesOf(a, name));
  });

  it('leaves a variable that is one stateful call, and stocks, as they are', () => {
    const document = read(smoothed(aux('Perceived demand', 'SMTH1(Demand, 3)')));
    expect(exposeStatefulCalls(document).owners.size).toBe(0);
  });

  it('reads loops in the model’s own variables', () => {
    const analysis = analyse(inline);
    expect(analysis.loops).toHaveLength(2);
    const outer = analysis.loops.find((loop) => loop.variables.length > 2);
    expect(outer?.variables).toEqual(['Staff', 'Demand', 'Perceived demand', 'Target staff', 'Hiring']);
    expect(outer?.links.map((link) => link.polarity)).toEqual(['+', '+', '+', '+', '+']);
    expect(outer?.polarity).toBe('reinforcing');
    expect(analysis.notes.join(' ')).toContain('"Perceived demand"');
  });

  it('scores the smooth like the same smooth written out as a stock and its flow', () => {
    const black = analyse(inline).loops.find((loop) => loop.variables.length > 2);
    const open = analyse(explicit).loops.find(
      (loop) => loop.variables.includes('Staff') && loop.variables.length > 2,
    );
    expect(open?.variables).toEqual([
      'Staff',
      'Demand',
      'Perception change',
      'Perceived demand',
      'Target staff',
      'Hiring',
    ]);
    expect(black?.score.length).toBe(41);
    black?.score.forEach((value, t) => expect(value).toBeCloseTo(open?.score[t] as number, 9));
  });
});
