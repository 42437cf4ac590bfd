/**
 * Per-group summaries of subscale scores (a team, or a team in one survey wave): how many respondents were
 * scored, the mean and sample standard deviation of their subscale means and sums. Respondents whose subscale is
 * null (too many items missing) are counted apart, not averaged in.
 */
import { mean, sampleVariance } from './moments';
import type { RespondentScores } from './scoring';

export interface GroupSubscaleSummary {
  readonly n: number;
  /** Respondents in the group whose subscale could not be scored. */
  readonly unscored: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly meanSum: number | null;
}

export interface GroupSummary {
  /** The group's value in each grouping column, e.g. { team: "Sales", wave: "after" }. */
  readonly group: Readonly<Record<string, string>>;
  readonly respondents: number;
  readonly subscales: Readonly<Record<string, GroupSubscaleSummary>>;
}

function meanAndSd(values: readonly number[]): { mean: number | null; sd: number | null } {
  if (values.length === 0) return { mean: null, sd: null };
  return { mean: mean(values), sd: values.length < 2 ? null : Math.sqrt(sampleVariance(values)) };
}

/**
 * Groups respondents by the values of `by` (columns that must be among their labels), in the order the groups
 * first appear in the file.
 */
export function summarizeGroups(
  respondents: readonly RespondentScores[],
  subscales: readonly string[],
  by: readonly string[],
): GroupSummary[] {
  const groups = new Map<string, RespondentScores[]>();
  for (const respondent of respondents) {
    const key = JSON.stringify(by.map((column) => respondent.labels[column] ?? ''));
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [respondent]);
    else list.push(respondent);
  }
  return [...groups.values()].map((members) => {
    const first = members[0] as RespondentScores;
    const summaries: Record<string, GroupSubscaleSummary> = {};
    for (const subscale of subscales) {
      const scored = members.filter((member) => member.scores[subscale]?.mean != null);
      const means = scored.map((member) => member.scores[subscale]?.mean as number);
      const sums = scored.map((member) => member.scores[subscale]?.sum as number);
      const moments = meanAndSd(means);
      summaries[subscale] = {
        n: scored.length,
        unscored: members.length - scored.length,
        mean: moments.mean,
        sd: moments.sd,
        meanSum: meanAndSd(sums).mean,
      };
    }
    return {
      group: Object.fromEntries(by.map((column) => [column, first.labels[column] ?? ''])),
      respondents: members.length,
      subscales: summaries,
    };
  });
}
