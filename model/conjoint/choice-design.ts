/**
 * Choice tasks for a choice-based conjoint: versions (questionnaire blocks) of tasks, each showing a few
 * profiles and optionally "None of these". Two strategies, named as in Sawtooth's CBC (Chrzan & Orme 2000,
 * "An Overview and Comparison of Design Strategies for Choice-Based Conjoint Analysis", Sawtooth Software
 * Research Paper):
 * - random: each alternative an allowed profile drawn uniformly, never twice in one task;
 * - balanced overlap: each alternative's levels chosen, attribute by attribute, among the levels used least
 *   so far in the version, with a penalty (not a ban) for repeating a level already in the task, so levels
 *   stay balanced and some overlap remains (overlap helps estimate interactions and keeps tasks realistic).
 * Prohibited profiles are never shown.
 */
import { SeededRandom } from './random-draws';
import { isProhibited, levelCounts, levelText, type Profile, type Study } from './study';

export type ChoiceDesignMethod = 'random' | 'balanced-overlap';

export interface ChoiceDesignOptions {
  readonly versions?: number;
  readonly tasks: number;
  readonly alternatives: number;
  readonly method: ChoiceDesignMethod;
  readonly none?: boolean;
  readonly seed?: number;
}

export interface ChoiceDesign {
  readonly method: ChoiceDesignMethod;
  readonly seed: number;
  /** Whether each task also offers "None of these" (after the profiles). */
  readonly none: boolean;
  /** versions[v][t] lists the profiles of task t in version v. */
  readonly versions: readonly (readonly (readonly Profile[])[])[];
}

const sameProfile = (a: Profile, b: Profile): boolean => a.every((level, index) => level === b[index]);

export function choiceDesign(study: Study, options: ChoiceDesignOptions): ChoiceDesign {
  const counts = levelCounts(study);
  const seed = options.seed ?? 1;
  const random = new SeededRandom(seed);
  if (options.alternatives < 2) throw new Error('a choice task needs at least two alternatives');
  if (options.tasks < 1) throw new Error('a version needs at least one task');
  const allowed: Profile[] = [];
  const total = counts.reduce((product, count) => product * count, 1);
  for (let index = 0; index < total && allowed.length <= options.alternatives; index++) {
    let rest = index;
    const profile = counts.map(() => 0);
    for (let a = counts.length - 1; a >= 0; a--) {
      profile[a] = rest % (counts[a] as number);
      rest = Math.floor(rest / (counts[a] as number));
    }
    if (!isProhibited(study, profile)) allowed.push(profile);
  }
  if (allowed.length < options.alternatives)
    throw new Error(
      `the study allows only ${allowed.length} different profiles, fewer than ${options.alternatives} alternatives per task`,
    );

  const randomProfile = (): Profile => {
    for (;;) {
      const profile = counts.map((count) => random.integer(count));
      if (!isProhibited(study, profile)) return profile;
    }
  };
  const versions: Profile[][][] = [];
  for (let v = 0; v < (options.versions ?? 1); v++) {
    const usage = counts.map((count) => new Array<number>(count).fill(0));
    const tasks: Profile[][] = [];
    for (let t = 0; t < options.tasks; t++) {
      const task: Profile[] = [];
      while (task.length < options.alternatives) {
        let profile: Profile | null = null;
        if (options.method === 'balanced-overlap') {
          for (let attempt = 0; attempt < 20 && profile === null; attempt++) {
            const candidate = counts.map((count, a) => {
              let bestLevel = 0;
              let bestScore = Number.POSITIVE_INFINITY;
              for (let level = 0; level < count; level++) {
                const inTask = task.filter((shown) => shown[a] === level).length;
                // Least-used level first; a level already in the task costs one use; jitter breaks ties.
                const score =
                  (usage[a]?.[level] ?? 0) + inTask + random.unit() * (attempt === 0 ? 0.5 : 1 + attempt);
                if (score < bestScore) {
                  bestScore = score;
                  bestLevel = level;
                }
              }
              return bestLevel;
            });
            if (!isProhibited(study, candidate) && !task.some((shown) => sameProfile(shown, candidate)))
              profile = candidate;
          }
        }
        if (profile === null) {
          do profile = randomProfile();
          while (task.some((shown) => sameProfile(shown, profile as Profile)));
        }
        task.push(profile);
        profile.forEach((level, a) => {
          const used = usage[a] as number[];
          used[level] = (used[level] as number) + 1;
        });
      }
      tasks.push(task);
    }
    versions.push(tasks);
  }
  return { method: options.method, seed, none: options.none ?? false, versions };
}

/** Number of times two alternatives of one task share a level, over all tasks and attributes. */
export function levelOverlap(design: ChoiceDesign): number {
  let overlap = 0;
  for (const version of design.versions)
    for (const task of version)
      for (let i = 0; i < task.length; i++)
        for (let j = i + 1; j < task.length; j++)
          (task[i] as Profile).forEach((level, a) => (overlap += level === (task[j] as Profile)[a] ? 1 : 0));
  return overlap;
}

/** The design in long form, one row per alternative shown: version, task, alternative, then the levels. */
export function choiceDesignRows(
  study: Study,
  design: ChoiceDesign,
  noneLabel = 'none',
): { columns: string[]; rows: string[][] } {
  const columns = ['version', 'task', 'alternative', ...study.attributes.map((attribute) => attribute.name)];
  const rows: string[][] = [];
  design.versions.forEach((tasks, v) =>
    tasks.forEach((task, t) => {
      task.forEach((profile, j) =>
        rows.push([
          String(v + 1),
          String(t + 1),
          String(j + 1),
          ...study.attributes.map((attribute, a) => levelText(attribute, profile[a] ?? 0)),
        ]),
      );
      if (design.none)
        rows.push([String(v + 1), String(t + 1), noneLabel, ...study.attributes.map(() => '')]);
    }),
  );
  return { columns, rows };
}
