/**
 * Choice tasks as the flat arrays the likelihood loops over: one coded row per alternative shown, the start
 * of each set, the chosen alternative, and the sets of each respondent (for hierarchical Bayes).
 */
import { codeNone, codeProfile, type ParameterLayout } from './coding';
import type { ChoiceData } from './choice-import';

export interface ChoiceSets {
  readonly names: readonly string[];
  readonly k: number;
  /** Row-major: one row of k coded values per alternative. */
  readonly x: Float64Array;
  /** Set s spans rows setStart[s] .. setStart[s + 1] - 1. */
  readonly setStart: Int32Array;
  /** Index of the chosen alternative within each set. */
  readonly chosen: Int32Array;
  /** Respondent r owns sets respondentStart[r] .. respondentStart[r + 1] - 1. */
  readonly respondentStart: Int32Array;
  readonly respondents: readonly string[];
}

export function choiceSetsFromData(data: ChoiceData, layout: ParameterLayout): ChoiceSets {
  const k = layout.names.length;
  const rows = data.tasks.reduce((sum, task) => sum + task.alternatives.length, 0);
  const x = new Float64Array(rows * k);
  const setStart = new Int32Array(data.tasks.length + 1);
  const chosen = new Int32Array(data.tasks.length);
  const respondentStart = new Int32Array(data.respondents.length + 1);
  const respondentNumber = new Map(data.respondents.map((respondent, index) => [respondent, index]));
  let row = 0;
  data.tasks.forEach((task, s) => {
    setStart[s] = row;
    chosen[s] = task.chosen;
    for (const alternative of task.alternatives) {
      if (alternative.none) codeNone(layout, x, row * k);
      else codeProfile(layout, alternative.values, x, row * k);
      row++;
    }
    const r = respondentNumber.get(task.respondent) ?? 0;
    respondentStart[r + 1] = s + 1;
  });
  setStart[data.tasks.length] = row;
  // Tasks arrive grouped by respondent (choice-import), so each respondent's last set closes its range.
  for (let r = 1; r <= data.respondents.length; r++)
    respondentStart[r] = Math.max(respondentStart[r] as number, respondentStart[r - 1] as number);
  return { names: layout.names, k, x, setStart, chosen, respondentStart, respondents: data.respondents };
}

/** Builds choice sets directly from coded rows (for models the attribute layout does not express). */
export function choiceSetsFromRows(
  names: readonly string[],
  sets: readonly {
    readonly rows: readonly (readonly number[])[];
    readonly chosen: number;
    readonly respondent?: string;
  }[],
): ChoiceSets {
  const k = names.length;
  const total = sets.reduce((sum, set) => sum + set.rows.length, 0);
  const x = new Float64Array(total * k);
  const setStart = new Int32Array(sets.length + 1);
  const chosen = new Int32Array(sets.length);
  const respondents: string[] = [];
  const starts: number[] = [];
  let row = 0;
  sets.forEach((set, s) => {
    const respondent = set.respondent ?? String(s + 1);
    if (respondents[respondents.length - 1] !== respondent) {
      respondents.push(respondent);
      starts.push(s);
    }
    setStart[s] = row;
    chosen[s] = set.chosen;
    for (const values of set.rows) {
      for (let j = 0; j < k; j++) x[row * k + j] = values[j] ?? 0;
      row++;
    }
  });
  setStart[sets.length] = row;
  starts.push(sets.length);
  return { names, k, x, setStart, chosen, respondentStart: Int32Array.from(starts), respondents };
}
