/**
 * Link scores computed by hand from the run's values, and the laws the method rests on: the chain rule
 * (Schoenberg, Davidsen & Eberlein 2020, appendix B: splitting an equation into two does not change a loop's
 * score) and the aggregation invariance of the 2023 flow-to-stock score (Schoenberg, Hayward & Eberlein
 * 2023: a stock's flows written apart or as one net flow give the same scores).
 */
import { describe, expect, it } from 'vitest';
import { aux, flow, stock } from '../helpers';
import { analyse, scoring } from './setup';

/** Logistic growth written as the ltm-reference writes it, smaller. */
const logistic = {
  stop: 30,
  variables: [
    stock('population', '5', ['births']),
    flow('births', 'growth * population'),
    aux('growth', '0.2 * (1 - population / capacity)'),
    aux('capacity', '100'),
  ].join(''),
};

describe('instantaneous link scores (2020, equation 1)', () => {
  const run = scoring(logistic);
  const population = run.values('population');
  const births = run.values('births');
  const growth = run.values('growth');

  it('population → births: |Δx(z)/Δz| · sign(Δx(z)/Δx), the other input held one dt back', () => {
    const scores = run.score('population', 'births');
    expect(scores[0]).toBe(0);
    for (let t = 1; t < population.length; t++) {
      const partial = (growth[t - 1] as number) * (population[t] as number) - (births[t - 1] as number);
      const expected =
        Math.abs(partial / ((births[t] as number) - (births[t - 1] as number))) *
        Math.sign(partial / ((population[t] as number) - (population[t - 1] as number)));
      expect(scores[t]).toBeCloseTo(expected, 12);
    }
  });

  it('growth → births is negative while growth falls and births rise', () => {
    const scores = run.score('growth', 'births');
    for (let t = 1; t < 10; t++) {
      const partial = (growth[t] as number) * (population[t - 1] as number) - (births[t - 1] as number);
      expect(scores[t]).toBeCloseTo(
        Math.abs(partial / ((births[t] as number) - (births[t - 1] as number))) *
          Math.sign(partial / ((growth[t] as number) - (growth[t - 1] as number))),
        12,
      );
    }
  });

  it('a link from a constant scores 0 (its input never changes)', () => {
    expect([...run.score('capacity', 'growth')].every((value) => value === 0)).toBe(true);
  });

  it('the flow-to-stock score of a stock’s only flow is 1 (2023: Δi over the change in the net flow)', () => {
    const scores = run.score('births', 'population');
    expect(scores[0]).toBe(0);
    for (let t = 1; t < scores.length; t++) expect(scores[t]).toBeCloseTo(1, 12);
  });
});

describe('flow-to-stock link scores (2023 revision, equation 3)', () => {
  // One stock, an inflow and an outflow that change at different rates.
  const run = scoring({
    stop: 20,
    variables: [
      stock('S', '10', ['gain'], ['loss']),
      flow('gain', '0.3 * S'),
      flow('loss', 'S * S / 200'),
    ].join(''),
  });
  it('is +|Δi/Δnet| for an inflow and −|Δo/Δnet| for an outflow', () => {
    const gain = run.values('gain');
    const loss = run.values('loss');
    const inflow = run.score('gain', 'S');
    const outflow = run.score('loss', 'S');
    for (let t = 1; t < gain.length; t++) {
      const net =
        (gain[t] as number) - (loss[t] as number) - ((gain[t - 1] as number) - (loss[t - 1] as number));
      expect(inflow[t]).toBeCloseTo(Math.abs(((gain[t] as number) - (gain[t - 1] as number)) / net), 10);
      expect(outflow[t]).toBeCloseTo(-Math.abs(((loss[t] as number) - (loss[t - 1] as number)) / net), 10);
    }
  });
});

describe('laws', () => {
  it('aggregation invariance: flows apart or one net flow give the same relative loop scores', () => {
    const apart = analyse({
      stop: 20,
      variables: [
        stock('S', '10', ['gain'], ['loss']),
        flow('gain', '0.3 * S'),
        flow('loss', 'S * S / 200'),
      ].join(''),
    });
    const net = analyse({
      stop: 20,
      variables: [
        stock('S', '10', ['net flow']),
        flow('net flow', 'gain - loss'),
        aux('gain', '0.3 * S'),
        aux('loss', 'S * S / 200'),
      ].join(''),
    });
    for (const polarity of ['reinforcing', 'balancing'] as const) {
      const a = apart.loops.find((loop) => loop.polarity === polarity);
      const b = net.loops.find((loop) => loop.polarity === polarity);
      expect(a?.relativeScore.length).toBe(21);
      a?.relativeScore.forEach((value, t) => expect(b?.relativeScore[t]).toBeCloseTo(value, 10));
    }
  });

  it('chain rule: an equation split in two keeps its loops’ scores (2020, appendix B)', () => {
    const whole = analyse(logistic);
    const split = analyse({
      stop: 30,
      variables: [
        stock('population', '5', ['births']),
        flow('births', 'growth * population'),
        aux('growth', '0.2 * (1 - crowding)'),
        aux('crowding', 'population / capacity'),
        aux('capacity', '100'),
      ].join(''),
    });
    for (const polarity of ['reinforcing', 'balancing'] as const) {
      const a = whole.loops.find((loop) => loop.polarity === polarity);
      const b = split.loops.find((loop) => loop.polarity === polarity);
      a?.score.forEach((value, t) => expect(b?.score[t]).toBeCloseTo(value, 9));
    }
  });

  it('an isolated loop scores ±1 whatever its gain (2020, section 4)', () => {
    const analysis = analyse({
      stop: 10,
      variables: [stock('S', '100', [], ['drain']), flow('drain', 'S / 7')].join(''),
    });
    expect(analysis.loops).toHaveLength(1);
    const [loop] = analysis.loops;
    loop?.score.forEach((value, t) => expect(value).toBeCloseTo(t === 0 ? 0 : -1, 12));
  });
});
