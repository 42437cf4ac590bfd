/**
 * Simulated choice responses from known part-worths: respondents' coefficients drawn from a normal
 * population, and each choice the alternative of highest utility plus a standard Gumbel error, which makes
 * the choices follow the MNL exactly (Train 2009, section 3.1). Used for the sample study, for tests that
 * check HB recovers what it was given, and for the benchmark.
 */
import type { ChoiceData, ChoiceTask } from './choice-import';
import { codeNone, codeProfile, type ParameterLayout } from './coding';
import type { ChoiceDesign } from './choice-design';
import { SeededRandom } from './random-draws';

export interface SimulatedRespondents {
  /** Row-major respondents x k true coefficients. */
  readonly betas: Float64Array;
  readonly data: ChoiceData;
}

export interface ChoiceSimulationOptions {
  readonly layout: ParameterLayout;
  readonly design: ChoiceDesign;
  readonly respondents: number;
  /** Population mean and standard deviation of each coefficient (independent normals). */
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly seed: number;
  /**
   * The value each design level stands for, per attribute: the level index for categorical attributes (the
   * default), or the number for numeric ones.
   */
  readonly levelValue?: (attribute: number, level: number) => number;
}

/** Respondent r answers version r mod versions. Labels: respondents "1".., tasks "1".., alternatives "1".. or "none". */
export function simulateChoices(options: ChoiceSimulationOptions): SimulatedRespondents {
  const { layout, design } = options;
  const k = layout.names.length;
  const random = new SeededRandom(options.seed);
  const betas = new Float64Array(options.respondents * k);
  for (let r = 0; r < options.respondents; r++)
    for (let p = 0; p < k; p++)
      betas[r * k + p] = (options.mean[p] ?? 0) + (options.sd[p] ?? 0) * random.normal();
  const levelValue = options.levelValue ?? ((_: number, level: number) => level);
  const row = new Float64Array(k);
  const tasks: ChoiceTask[] = [];
  const respondents: string[] = [];
  for (let r = 0; r < options.respondents; r++) {
    const respondent = String(r + 1);
    respondents.push(respondent);
    const beta = betas.subarray(r * k, (r + 1) * k);
    const version = design.versions[r % design.versions.length] ?? [];
    version.forEach((task, t) => {
      const alternatives = task.map((profile, j) => ({
        label: String(j + 1),
        none: false,
        values: Float64Array.from(profile, (level, a) => levelValue(a, level)),
      }));
      if (design.none)
        alternatives.push({ label: 'none', none: true, values: new Float64Array(profile0Length(task)) });
      let best = 0;
      let bestUtility = Number.NEGATIVE_INFINITY;
      alternatives.forEach((alternative, j) => {
        if (alternative.none) codeNone(layout, row);
        else codeProfile(layout, alternative.values, row);
        let utility = random.gumbel();
        for (let p = 0; p < k; p++) utility += (row[p] as number) * (beta[p] as number);
        if (utility > bestUtility) {
          bestUtility = utility;
          best = j;
        }
      });
      tasks.push({ respondent, task: String(t + 1), alternatives, chosen: best });
    });
  }
  return {
    betas,
    data: {
      attributes: layout.attributes.map((entry) => entry.attribute),
      tasks,
      respondents,
      hasNone: design.none,
    },
  };
}

const profile0Length = (task: readonly (readonly number[])[]): number => task[0]?.length ?? 0;
