/**
 * sample-data/conjoint: the files are exactly what the seeded generator makes (sample-study.ts), the study
 * passes its schema, and estimating the simulated choices recovers the true part-worths they were drawn
 * from: every sign, and sizes within the attenuation a pooled MNL shows under heterogeneity (Train 2009,
 * section 6.1) or within 0.3 for hierarchical Bayes; willingness to pay within a quarter of the truth.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  choiceSetsFromData,
  fitMnl,
  importChoicesLong,
  numericColumnScales,
  parameterLayout,
  runHierarchicalBayes,
  studySchema,
  wtpForAttributes,
} from '../../../model/conjoint';
import { readFixtureTable } from '../stats/fixture-table';
import { SAMPLE_DIR, SAMPLE_STUDY, TRUE_PART_WORTHS, sampleFiles } from './sample-study';

const read = (name: string) => readFileSync(resolve(SAMPLE_DIR, name), 'utf8');

describe('sample-data/conjoint', () => {
  it('is reproduced exactly by the seeded generator', async () => {
    for (const [name, text] of Object.entries(await sampleFiles())) expect(read(name), name).toBe(text);
  });

  it('ships a study that passes the schema', () => {
    const parsed = studySchema.safeParse(JSON.parse(read('study.json')));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(SAMPLE_STUDY);
  });

  const data = importChoicesLong(readFixtureTable(resolve(SAMPLE_DIR, 'choices.csv')), {
    respondent: 'respondent',
    task: 'task',
    alternative: 'alternative',
    choice: 'chosen',
    attributes: SAMPLE_STUDY.attributes.map((attribute) => attribute.name),
    study: SAMPLE_STUDY,
    noneAlternative: 'none',
  });
  if (!data.ok) throw new Error(data.problems.map((problem) => problem.message).join('; '));
  const layout = parameterLayout(data.value.attributes, { coding: 'dummy', none: true });
  const sets = choiceSetsFromData(data.value, layout);
  const truth = new Map(TRUE_PART_WORTHS.map((entry) => [entry.name, entry.mean]));

  it('MNL recovers the signs and, attenuated by heterogeneity, the sizes; WTP near the true ratios', () => {
    const fit = fitMnl(sets);
    if (!fit.ok) throw new Error(fit.error);
    expect(fit.value.names).toEqual(TRUE_PART_WORTHS.map((entry) => entry.name));
    fit.value.coefficients.forEach((row) => {
      const want = truth.get(row.name) as number;
      expect(Math.sign(row.estimate), row.name).toBe(Math.sign(want));
      expect(Math.abs(row.estimate / want - 1), row.name).toBeLessThan(0.35);
    });
    const price = truth.get('price') as number;
    for (const wtp of wtpForAttributes(layout, fit.value.estimates, fit.value.covariance, 'price')) {
      const trueWtp = -(truth.get(`${wtp.attribute}:${wtp.level ?? ''}`) as number) / price;
      expect(Math.abs(wtp.value / trueWtp - 1), wtp.label).toBeLessThan(0.25);
    }
  });

  it('hierarchical Bayes recovers the population means', () => {
    const hb = runHierarchicalBayes(sets, {
      iterations: 3000,
      seed: 1,
      columnScales: numericColumnScales(layout),
    });
    if (!hb.ok) throw new Error(hb.error);
    hb.value.names.forEach((name, p) => {
      const want = truth.get(name) as number;
      const got = hb.value.populationMean.mean[p] as number;
      expect(Math.sign(got), name).toBe(Math.sign(want));
      expect(Math.abs(got - want), name).toBeLessThan(name === 'price' ? 0.04 : 0.3);
    });
  });
});
