/**
 * Loop polarity from the signs of numerical partial derivatives along the run (Richardson 1995): the teacup
 * (one balancing loop), logistic growth (a reinforcing and a balancing loop), a loop through a hump-shaped
 * graphical function whose sign changes during the run, and a threshold the run never crosses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aux, compile, flow, stock } from '../helpers';
import { analyse } from './setup';

const TEACUP = resolve(
  import.meta.dirname,
  '../../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile',
);

describe('loop polarity', () => {
  it('the teacup has one loop, balancing: temperature raises heat loss, which lowers temperature', () => {
    const analysis = analyse(compile(readFileSync(TEACUP, 'utf8')));
    expect(analysis.loops).toHaveLength(1);
    const [loop] = analysis.loops;
    expect(loop?.name).toBe('B1');
    expect(loop?.polarity).toBe('balancing');
    expect(loop?.variables).toEqual(['Teacup Temperature', 'Heat Loss to Room']);
    expect(loop?.links).toEqual([
      { from: 'Teacup Temperature', to: 'Heat Loss to Room', polarity: '+' },
      { from: 'Heat Loss to Room', to: 'Teacup Temperature', polarity: '-' },
    ]);
    // Alone on its stock, it accounts for all the change (relative score −1 after the start).
    loop?.relativeScore.forEach((value, t) => expect(value).toBeCloseTo(t === 0 ? 0 : -1, 12));
  });

  it('logistic growth has two loops: births reinforcing, crowding balancing', () => {
    const analysis = analyse({
      stop: 40,
      variables: [
        stock('Population', '5', ['Births']),
        flow('Births', 'Growth * Population'),
        aux('Growth', '0.2 * (1 - Population / Capacity)'),
        aux('Capacity', '100'),
      ].join(''),
    });
    expect(analysis.loops.map((loop) => [loop.name, loop.polarity]).sort()).toEqual([
      ['B1', 'balancing'],
      ['R1', 'reinforcing'],
    ]);
    // Reinforcing dominates early, balancing late: the shift of dominance logistic growth is known for.
    const r1 = analysis.loops.find((loop) => loop.name === 'R1');
    const b1 = analysis.loops.find((loop) => loop.name === 'B1');
    expect(r1?.relativeScore[1]).toBeGreaterThan(0.9);
    expect(b1?.relativeScore[40]).toBeLessThan(-0.9);
  });

  it('marks a loop whose polarity changes during the run', () => {
    // Effort rises with pressure up to a point and falls beyond it (a hump); the backlog grows past the peak.
    const analysis = analyse({
      stop: 30,
      variables: [
        stock('Backlog', '1', ['Arrivals'], ['Work done']),
        flow('Arrivals', '2'),
        flow('Work done', 'Effort'),
        aux(
          'Effort',
          'Backlog',
          '<gf><xscale min="0" max="20"/><yscale min="0" max="1"/><ypts>0,0.8,0.9,0.8,0.5</ypts></gf>',
        ),
      ].join(''),
    });
    expect(analysis.loops).toHaveLength(1);
    expect(analysis.loops[0]?.polarity).toBe('changing');
    expect(analysis.loops[0]?.links[0]?.polarity).toBe('±');
  });

  it('probes a threshold the run never crosses, so the loop still has its structural polarity', () => {
    // Overtime starts only above a pressure of 1.5, which this run never reaches.
    const analysis = analyse({
      stop: 10,
      variables: [
        stock('Backlog', '10', ['Arrivals'], ['Completion']),
        flow('Arrivals', '10'),
        flow('Completion', 'Capacity * (1 + Overtime)'),
        aux('Capacity', '10'),
        aux('Pressure', 'Backlog / 10'),
        aux('Overtime', 'MAX(0, Pressure - 1.5)'),
      ].join(''),
    });
    const loop = analysis.loops.find((candidate) => candidate.variables.includes('Overtime'));
    expect(loop?.polarity).toBe('balancing');
    expect(loop?.links.find((link) => link.to === 'Overtime')?.polarity).toBe('+');
    // Inactive all along: it explains none of the (absent) change.
    expect([...(loop?.score ?? [])].every((value) => value === 0)).toBe(true);
  });
});
