/**
 * A scored survey as a table of one row per respondent: `row`, the label columns (id, team, wave, a treated
 * column...), then `<subscale>_mean`, `<subscale>_sum` and `<subscale>_missing` per subscale, an unscored
 * subscale as an empty cell. This is the shape `scale score --format csv` writes and `compare did` reads, so the
 * app compares a survey's scores exactly as the CLI does from that file.
 */
import type { DataTable } from '../stats/data-table';
import type { ScoredSurvey } from './scoring';

/** The scores' columns after `row` and the labels: `EC_mean`, `EC_sum`, `EC_missing` for each subscale. */
export const scoreColumnsOf = (subscales: readonly string[]): string[] =>
  subscales.flatMap((id) => [`${id}_mean`, `${id}_sum`, `${id}_missing`]);

export function scoresTable(survey: ScoredSurvey, labelColumns: readonly string[]): DataTable {
  const subscales = survey.key.subscales.map((subscale) => subscale.id);
  // String(number) is the shortest text that reads back to the same double, as the CLI's CSV writes numbers.
  const cell = (value: number | null | undefined): string =>
    value === null || value === undefined ? '' : String(value);
  return {
    columns: ['row', ...labelColumns, ...scoreColumnsOf(subscales)],
    rows: survey.respondents.map((respondent) => [
      String(respondent.row),
      ...labelColumns.map((column) => respondent.labels[column] ?? ''),
      ...subscales.flatMap((id) => {
        const score = respondent.scores[id];
        return [cell(score?.mean), cell(score?.sum), cell(score?.missing)];
      }),
    ]),
  };
}
