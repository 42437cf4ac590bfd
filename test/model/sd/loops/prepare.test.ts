/**
 * Link scores compare each value with its value one dt earlier, so a model that saves less often than every
 * dt is run saving every dt, and the scores are reported at the times the model saves.
 */
import { describe, expect, it } from 'vitest';
import { aux, flow, stock } from '../helpers';
import { analyse } from './setup';

const variables = [
  stock('Population', '5', ['Births']),
  flow('Births', 'Growth * Population'),
  aux('Growth', '0.2 * (1 - Population / 100)'),
].join('');

describe('a model saving every other dt', () => {
  it('is scored over each dt and reported at its saved times', () => {
    const everyStep = analyse({ stop: 20, dt: 0.5, variables });
    const everyOther = analyse({ stop: 20, dt: 0.5, saveStep: 1, variables });
    expect(Array.from(everyOther.time)).toEqual(Array.from({ length: 21 }, (_, t) => t));
    for (const loop of everyOther.loops) {
      const same = everyStep.loops.find((candidate) => candidate.name === loop.name);
      loop.relativeScore.forEach((value, t) =>
        expect(value).toBeCloseTo(same?.relativeScore[2 * t] as number, 12),
      );
    }
  });
});
