/**
 * The Scales tab's exports, stamped as the Conjoint and Regression exports are (`# key: value` lines above the
 * header, conjoint/csv.ts): the data set and a SHA-256 of its cells, the scale key as scored (reverse items,
 * answer range, missing-answer rule), the app version and the export time. Each file also says whether it holds
 * real names and whether small groups were hidden (issue 11), so a reader of the file alone knows.
 *
 * Scores: one row per respondent only when the participants agreed to individual views (the CLI's
 * `scale score --format csv` columns); otherwise one row per team (and wave), groups under the minimum size left
 * out. Reliability: one row per item with its subscale's alpha and n (alpha is over all respondents who answered
 * every item, so no group is involved).
 */
import type { MeasureDataset, MeasurePrivacy } from '../../../../electron/api/contract';
import { scoresTable } from '../../../../model/measure';
import { stampedCsv } from '../../conjoint/csv';
import { dropRaisesAlpha, type SurveyAnalysis } from './survey-analysis';

export const SCORES_EXPORT_FORMAT = 'empathy-workbench/scale-scores@1';
export const RELIABILITY_EXPORT_FORMAT = 'empathy-workbench/scale-reliability@1';

export interface ExportContext {
  readonly dataset: Pick<MeasureDataset, 'name' | 'fileName' | 'privacy'>;
  /** SHA-256 of the data set's cells as stored (JSON of { columns, rows }). */
  readonly tableHash: string;
  readonly appVersion: string;
  readonly exportedAt: string;
}

export interface ExportFile {
  readonly fileName: string;
  readonly text: string;
}

/** Whether the scores go out per respondent: only with the participants' agreement to individual views. */
export const perRespondent = (context: ExportContext): boolean => context.dataset.privacy.individualConsent;

/** The sentence on names for a file: what identifies a person in it, if anything. */
export function namesStatement(
  privacy: Pick<MeasurePrivacy, 'pseudonymized' | 'idColumn'>,
  labelColumns: readonly string[],
  respondents: boolean,
): string {
  if (!respondents) return 'no person ids or names: team figures only';
  const idColumn = labelColumns.find((column) => column === privacy.idColumn);
  if (privacy.pseudonymized)
    return 'pseudonyms only: the data set was pseudonymized at import and this file holds no real names';
  return idColumn === undefined
    ? 'no person ids: respondents are numbered by their spreadsheet row'
    : `real names possible: the ids in column "${idColumn}" are as imported (not pseudonymized)`;
}

function scaleStamp(analysis: SurveyAnalysis): [string, string | number][] {
  const { key } = analysis;
  const mapping = Object.entries(analysis.columns)
    .map(([item, column]) => `${item}=${column}`)
    .join('; ');
  return [
    ['scale', `${key.name} (${key.id})`],
    ['reverse_keyed', key.reverse.length === 0 ? 'none' : key.reverse.join(' ')],
    ['answers', `${key.answers.min} to ${key.answers.max}; reverse-keyed answers scored as min + max - x`],
    [
      'missing_rule',
      `a subscale is the mean of its answered items when at most ${key.maxMissingShare} of them are missing (sum = mean x items), else empty`,
    ],
    ['item_columns', mapping],
    ['answers_treated_as_missing', analysis.problems.length],
    ['respondents', analysis.survey.respondents.length],
  ];
}

function stamp(
  format: string,
  context: ExportContext,
  analysis: SurveyAnalysis,
  privacyLines: readonly [string, string | number][],
): [string, string | number][] {
  return [
    ['format', format],
    ['data_set', context.dataset.name],
    ['file', context.dataset.fileName],
    ['table_sha256', context.tableHash],
    ...scaleStamp(analysis),
    ...privacyLines,
    ['app_version', context.appVersion],
    ['exported_at', context.exportedAt],
  ];
}

const safeName = (name: string): string =>
  name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'survey';

export function scoresCsv(context: ExportContext, analysis: SurveyAnalysis): ExportFile {
  const subscales = analysis.key.subscales.map((subscale) => subscale.id);
  const minimum = context.dataset.privacy.minGroupSize;
  if (perRespondent(context)) {
    // The columns `scale score --format csv` writes (model/measure scoresTable), so the file reads as the CLI's.
    const table = scoresTable(analysis.survey, analysis.labelColumns);
    const text = stampedCsv(
      stamp(SCORES_EXPORT_FORMAT, context, analysis, [
        ['rows', 'one per respondent (the participants agreed to individual views)'],
        ['names', namesStatement(context.dataset.privacy, analysis.labelColumns, true)],
        ['small_groups', `not applicable: no team figures in this file (minimum group size ${minimum})`],
      ]),
      table.columns,
      table.rows,
    );
    return { fileName: `${safeName(context.dataset.name)}-scores.csv`, text };
  }
  const groups = analysis.groups;
  const by = groups?.by ?? [];
  const text = stampedCsv(
    stamp(SCORES_EXPORT_FORMAT, context, analysis, [
      [
        'rows',
        by.length === 0
          ? 'none: no team or wave column is chosen, and per-respondent rows need the participants’ agreement to individual views'
          : `one per ${by.join(' and ')}; per-respondent rows are left out (no agreement to individual views)`,
      ],
      ['names', namesStatement(context.dataset.privacy, analysis.labelColumns, false)],
      [
        'small_groups',
        groups?.note ?? `none hidden (every group has at least ${minimum} people, the minimum group size)`,
      ],
    ]),
    [
      ...by,
      'respondents',
      ...subscales.flatMap((id) => [`${id}_n`, `${id}_mean`, `${id}_sd`, `${id}_mean_sum`]),
    ],
    (groups?.kept ?? []).map((group) => [
      ...by.map((column) => group.group[column] ?? ''),
      group.respondents,
      ...subscales.flatMap((id) => {
        const summary = group.subscales[id];
        return [summary?.n ?? null, summary?.mean ?? null, summary?.sd ?? null, summary?.meanSum ?? null];
      }),
    ]),
  );
  return { fileName: `${safeName(context.dataset.name)}-team-scores.csv`, text };
}

export function reliabilityCsv(context: ExportContext, analysis: SurveyAnalysis): ExportFile {
  const names = new Map(analysis.key.subscales.map((subscale) => [subscale.id, subscale.name]));
  const text = stampedCsv(
    stamp(RELIABILITY_EXPORT_FORMAT, context, analysis, [
      [
        'method',
        "Cronbach's alpha on the respondents who answered every item of the subscale (listwise, n); alpha if dropped on the same respondents; corrected item-total r = correlation of the item with the sum of the other items",
      ],
      ['names', 'no person ids or names: figures over all respondents'],
      ['small_groups', 'not applicable: no team figures in this file'],
    ]),
    [
      'subscale',
      'subscale_name',
      'n',
      'alpha',
      'item',
      'alpha_if_dropped',
      'corrected_item_total_r',
      'dropping_raises_alpha',
    ],
    analysis.reliability.flatMap((entry) =>
      entry.perItem.map((item) => [
        entry.subscale,
        names.get(entry.subscale) ?? entry.subscale,
        entry.n,
        entry.alpha,
        item.item,
        item.alphaIfDropped,
        item.correctedItemTotal,
        dropRaisesAlpha(entry.alpha, item.alphaIfDropped) ? 'yes' : 'no',
      ]),
    ),
  );
  return { fileName: `${safeName(context.dataset.name)}-reliability.csv`, text };
}
