/**
 * Designs for a saved study, with the efficiency each kind reports:
 * - profiles to rate: the full factorial, or a D-optimal fraction with a chosen number of runs (coordinate
 *   exchange, model/conjoint/design.ts), each with Kuhfeld's D-efficiency in percent;
 * - choice tasks (random or balanced overlap, with or without None; model/conjoint/choice-design.ts), with the
 *   D-efficiency of every profile shown taken as one linear design, and the MNL D-error at zero part-worths
 *   (Huber & Zwerina 1996; Kuhfeld, "Marketing Research Methods in SAS", "Efficiency of a Choice Design").
 *   Kuhfeld notes that a choice design's efficiency is only ever relative (the best attainable value is
 *   unknown for most designs), so the screen shows both numbers with what they measure.
 */
import {
  choiceDesign,
  dEfficiency,
  dOptimalDesign,
  fullFactorial,
  levelCounts,
  mnlDError,
  orthogonalContrasts,
  type ChoiceDesign,
  type Profile,
  type Study,
} from '../../model/conjoint';
import { OperationError } from '../api/result';
import type { DesignRequest } from '../api/parts/conjoint.contract';
import type { ConjointDesign } from '../../model/schema/conjoint-document';

/** Beyond this many profiles a full factorial is not something people can rate (nor something to list). */
export const MAX_FULL_FACTORIAL = 5_000;
/** The D-optimal search starts from the allowed profiles; beyond this many, listing them is the problem. */
export const MAX_CANDIDATES = 200_000;

const DEFAULT_SEED = 1;

function profileCount(study: Study): number {
  return levelCounts(study).reduce((product, count) => product * count, 1);
}

/**
 * The MNL D-error of a choice design at zero part-worths: every alternative coded with the orthogonal contrasts
 * D-efficiency uses (no intercept: it cancels within a task), a None alternative as its own constant.
 */
export function choiceDError(study: Study, design: ChoiceDesign): number | null {
  const contrasts = levelCounts(study).map(orthogonalContrasts);
  const width = contrasts.reduce((sum, coding) => sum + (coding[0]?.length ?? 0), 0);
  const k = width + (design.none ? 1 : 0);
  const code = (profile: Profile): number[] => [
    ...contrasts.flatMap((coding, a) => coding[profile[a] ?? 0] ?? []),
    ...(design.none ? [0] : []),
  ];
  const noneRow = [...new Array<number>(width).fill(0), 1];
  const sets = design.versions.flatMap((tasks) =>
    tasks.map((task) => [...task.map(code), ...(design.none ? [noneRow] : [])]),
  );
  const error = mnlDError(sets, new Array<number>(k).fill(0));
  return Number.isFinite(error) ? error : null;
}

/** The D-efficiency of every profile a choice design shows, as one linear design. */
export function shownProfilesEfficiency(study: Study, design: ChoiceDesign): number {
  const shown = design.versions.flatMap((tasks) => tasks.flatMap((task) => [...task]));
  return dEfficiency(levelCounts(study), shown);
}

/** Builds the requested design; a request the study cannot meet is an invalid-input error saying why. */
export function generateDesign(study: Study, request: DesignRequest, at: Date): ConjointDesign {
  const createdAt = at.toISOString();
  const total = profileCount(study);
  try {
    if (request.kind === 'full-factorial') {
      if (total > MAX_FULL_FACTORIAL)
        throw new Error(
          `the full factorial has ${total.toLocaleString('en-US')} profiles, more than anyone can rate (at most ${MAX_FULL_FACTORIAL.toLocaleString('en-US')}); generate a D-optimal fraction instead`,
        );
      const profiles = fullFactorial(study);
      if (profiles.length === 0) throw new Error('the prohibitions leave no allowed profile');
      return {
        kind: 'profiles',
        method: 'full-factorial',
        seed: null,
        profiles: profiles.map((profile) => [...profile]),
        dEfficiency: dEfficiency(levelCounts(study), profiles),
        createdAt,
      };
    }
    if (request.kind === 'd-optimal') {
      if (total > MAX_CANDIDATES)
        throw new Error(
          `the study has ${total.toLocaleString('en-US')} possible profiles, too many to search (at most ${MAX_CANDIDATES.toLocaleString('en-US')}); use fewer attributes or levels`,
        );
      const seed = request.seed ?? DEFAULT_SEED;
      const design = dOptimalDesign(study, { runs: request.runs, seed });
      return {
        kind: 'profiles',
        method: 'd-optimal',
        seed,
        profiles: design.profiles.map((profile) => [...profile]),
        dEfficiency: design.dEfficiency,
        createdAt,
      };
    }
    const seed = request.seed ?? DEFAULT_SEED;
    const design = choiceDesign(study, {
      method: request.method,
      versions: request.versions,
      tasks: request.tasks,
      alternatives: request.alternatives,
      none: request.none,
      seed,
    });
    return {
      kind: 'choice',
      method: request.method,
      seed,
      none: request.none,
      versions: design.versions.map((tasks) => tasks.map((task) => task.map((profile) => [...profile]))),
      dEfficiency: shownProfilesEfficiency(study, design),
      dError: choiceDError(study, design),
      createdAt,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OperationError('invalid-input', `The design cannot be generated: ${reason}.`);
  }
}
