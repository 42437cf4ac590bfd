/**
 * Everything the Scales tab shows about a survey, computed in the page with model/measure as the CLI's
 * `scale score` computes it: the respondents' subscale scores, Cronbach's alpha per subscale with alpha if an
 * item is dropped, and the team (and team × wave) summaries with groups under the data set's minimum group size
 * hidden (model/privacy, issue 11).
 *
 * One difference from the CLI, which refuses a file with any unreadable answer: the tab lists each such cell
 * (row and column) and scores the rest with that answer counted as missing, so the user sees both the problem
 * and what the other answers say; the count is said on screen and in every export.
 */
import {
  scoreSurvey,
  subscaleReliability,
  summarizeGroups,
  type ColumnMap,
  type GroupSummary,
  type ScoredSurvey,
  type ScoringKey,
  type SubscaleReliability,
} from '../../../../model/measure';
import { hideSmallGroups } from '../../../../model/privacy';
import type { CellProblem, DataTable } from '../../../../model/stats/data-table';
import type { MeasurePrivacy, SurveySettings } from '../../../../electron/api/contract';
import { itemColumns, keyOf, labelColumnsOf } from './survey-settings';

export interface GroupTable {
  /** The grouping columns: [team], [team, wave] or [wave]. */
  readonly by: readonly string[];
  /** Groups of at least the minimum size: teams in the file's order, each team's waves together. */
  readonly kept: readonly GroupSummary[];
  readonly hidden: number;
  /** hiddenGroupsNote's sentence, or null when no group was hidden. */
  readonly note: string | null;
}

/** One team's subscale mean in the first and the last wave (NaN where that group was hidden or absent). */
export interface TeamChangeRow {
  readonly team: string;
  readonly before: number;
  readonly after: number;
}

export interface TeamChange {
  readonly subscale: string;
  readonly name: string;
  readonly rows: readonly TeamChangeRow[];
}

export interface SurveyAnalysis {
  readonly key: ScoringKey;
  readonly columns: ColumnMap;
  readonly labelColumns: readonly string[];
  /** Answers that are not numbers in the range, each counted as missing. */
  readonly problems: readonly CellProblem[];
  readonly survey: ScoredSurvey;
  readonly reliability: readonly SubscaleReliability[];
  /** Null without a team or wave column. */
  readonly groups: GroupTable | null;
  /** The waves in the order they first appear (empty without a wave column). */
  readonly waves: readonly string[];
  /** Per subscale, each team's mean in the first and last wave (empty without both a team and ≥ 2 waves). */
  readonly change: readonly TeamChange[];
}

export type AnalysisResult = { ok: true; value: SurveyAnalysis } | { ok: false; error: string };

/** The table with the cells named by `problems` blanked (a blank is a missing answer to the engine). */
function withoutProblemCells(table: DataTable, problems: readonly CellProblem[]): DataTable {
  const blank = new Map<number, Set<number>>();
  for (const problem of problems) {
    if (problem.row === null || problem.column === null) continue;
    const rowIndex = problem.row - 2;
    const cells = blank.get(rowIndex) ?? new Set<number>();
    cells.add(table.columns.indexOf(problem.column));
    blank.set(rowIndex, cells);
  }
  return {
    columns: table.columns,
    rows: table.rows.map((row, index) => {
      const cells = blank.get(index);
      return cells === undefined ? row : row.map((cell, at) => (cells.has(at) ? '' : cell));
    }),
  };
}

/** The engine's message ("no column for item 5 ...") as a sentence. */
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Distinct values of a label in the order they first appear. */
function valuesInOrder(survey: ScoredSurvey, column: string): string[] {
  return [...new Set(survey.respondents.map((respondent) => respondent.labels[column] ?? ''))];
}

export function analyzeSurvey(
  table: DataTable,
  settings: SurveySettings,
  privacy: Pick<MeasurePrivacy, 'minGroupSize'>,
): AnalysisResult {
  const keyed = keyOf(settings);
  if (!keyed.ok) return keyed;
  const { key } = keyed;
  const mapped = itemColumns(table, key, settings);
  if (!mapped.ok) return { ok: false, error: `${sentence(mapped.error)} Map them under “Item columns”.` };
  const labelColumns = labelColumnsOf(settings, table.columns);
  const options = { columns: mapped.value, labelColumns };

  let problems: CellProblem[] = [];
  let scored = scoreSurvey(table, key, options);
  if (!scored.ok) {
    const whole = scored.problems.find((problem) => problem.row === null);
    if (whole !== undefined) return { ok: false, error: sentence(whole.message) };
    problems = scored.problems;
    scored = scoreSurvey(withoutProblemCells(table, problems), key, options);
    if (!scored.ok)
      return { ok: false, error: scored.problems[0]?.message ?? 'The survey could not be scored.' };
  }
  const survey = scored.value;
  const subscales = key.subscales.map((subscale) => subscale.id);

  const team =
    settings.teamColumn !== undefined && labelColumns.includes(settings.teamColumn)
      ? settings.teamColumn
      : undefined;
  const wave =
    settings.waveColumn !== undefined && labelColumns.includes(settings.waveColumn)
      ? settings.waveColumn
      : undefined;
  const by = [team, wave].filter((column): column is string => column !== undefined);
  let groups: GroupTable | null = null;
  if (by.length > 0) {
    // Each team's waves together (Care before, Care after, Sales before, ...), in the file's order of both.
    const orders = by.map((column) => valuesInOrder(survey, column));
    const rank = (group: GroupSummary) =>
      by.map((column, index) => orders[index]?.indexOf(group.group[column] ?? '') ?? 0);
    const summaries = summarizeGroups(survey.respondents, subscales, by).sort((a, b) => {
      const [rankA, rankB] = [rank(a), rank(b)];
      const differing = rankA.findIndex((value, index) => value !== rankB[index]);
      return differing < 0 ? 0 : (rankA[differing] ?? 0) - (rankB[differing] ?? 0);
    });
    const shown = hideSmallGroups(
      summaries,
      (group) => group.respondents,
      privacy.minGroupSize,
      // A group is a team, or a team in one wave ("1 group with fewer than 5 people is hidden").
      by.length === 1 && team !== undefined ? 'team' : 'group',
    );
    groups = { by, kept: shown.kept, hidden: shown.hidden, note: shown.note };
  }

  const waves = wave === undefined ? [] : valuesInOrder(survey, wave);
  const change: TeamChange[] = [];
  if (team !== undefined && wave !== undefined && waves.length >= 2 && groups !== null) {
    const first = waves[0] as string;
    const last = waves[waves.length - 1] as string;
    const teams = valuesInOrder(survey, team);
    const meanOf = (teamName: string, waveName: string, subscale: string): number => {
      const group = groups.kept.find(
        (kept) => kept.group[team] === teamName && kept.group[wave] === waveName,
      );
      return group?.subscales[subscale]?.mean ?? Number.NaN;
    };
    for (const subscale of key.subscales) {
      const rows = teams
        .map((teamName) => ({
          team: teamName,
          before: meanOf(teamName, first, subscale.id),
          after: meanOf(teamName, last, subscale.id),
        }))
        .filter((row) => Number.isFinite(row.before) || Number.isFinite(row.after));
      change.push({ subscale: subscale.id, name: subscale.name, rows });
    }
  }

  return {
    ok: true,
    value: {
      key,
      columns: mapped.value,
      labelColumns,
      problems,
      survey,
      reliability: subscaleReliability(survey),
      groups,
      waves,
      change,
    },
  };
}

/** Whether dropping the item raises the subscale's alpha (the table flags it). */
export function dropRaisesAlpha(alpha: number | null, alphaIfDropped: number | null): boolean {
  return alpha !== null && alphaIfDropped !== null && alphaIfDropped > alpha;
}
