/**
 * A comparison as a file, stamped like every export of the app (the data, its SHA-256, the choices, the app
 * version and the export time) and saying whether the data held real names or pseudonyms (issue 11). JSON holds
 * what `compare ab|did --format json` writes plus the stamp; CSV holds the same figures one per line, the stamp
 * in `#` comment lines (conjoint/csv.ts).
 */
import type { AbResult, StandardErrorRow } from '../../../../model/measure';
import { stampedCsv } from '../../conjoint/csv';
import { sha256Hex } from '../../regression/regression-export';
import type { AbChoices, DidChoices } from './compare-choices';
import { DEFAULT_POWER, type DidView } from './compare-run';

export interface CompareStamp {
  /** The data set's name and the file it was imported from. */
  readonly dataset: string;
  readonly fileName: string;
  /** What was compared: the experiment's rows, or a survey's scored subscales. */
  readonly source: 'experiment' | 'survey scores';
  /** SHA-256 of the compared table as JSON `{ columns, rows }`. */
  readonly tableSha256: string;
  readonly realNames: boolean;
  readonly minGroupSize: number;
  readonly appVersion: string;
  readonly exportedAt: string;
}

/** JSON has no NaN or infinity: such numbers become null, as the CLI writes them. */
const finite = (_: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value;

export function abJson(result: AbResult, choices: AbChoices, stamp: CompareStamp): string {
  const document = {
    format: 'empathy-workbench/compare-ab@1',
    ...stamp,
    choices: { group: choices.group, outcome: choices.outcome, kind: choices.kind, alpha: choices.alpha },
    ...result,
  };
  return `${JSON.stringify(document, finite, 2)}\n`;
}

export function didJson(view: DidView, choices: DidChoices, stamp: CompareStamp): string {
  const document = {
    format: 'empathy-workbench/compare-did@1',
    ...stamp,
    choices: {
      group: choices.group,
      period: choices.period,
      outcome: choices.outcome,
      cluster: choices.cluster === '' ? null : choices.cluster,
      se: view.se,
      alpha: choices.alpha,
    },
    ...view.result,
    reported: view.se,
    reading: view.reading,
    assumptions: view.assumptions,
  };
  return `${JSON.stringify(document, finite, 2)}\n`;
}

const CSV_COLUMNS = ['quantity', 'group', 'period', 'n', 'value'] as const;
type CsvRow = readonly (string | number | null)[];

function stampLines(format: string, stamp: CompareStamp): [string, string | number | null][] {
  return [
    ['format', format],
    ['data_set', stamp.dataset],
    ['file', stamp.fileName],
    ['source', stamp.source],
    ['table_sha256', stamp.tableSha256],
    ['real_names', stamp.realNames ? 'yes' : 'no (pseudonyms)'],
    ['min_group_size', stamp.minGroupSize],
    ['app_version', stamp.appVersion],
    ['exported_at', stamp.exportedAt],
  ];
}

export function abCsv(result: AbResult, choices: AbChoices, stamp: CompareStamp): string {
  const estimate = result.kind === 'proportion' ? 'rate' : 'mean';
  const [lower, upper] = result.confidenceInterval;
  const groups: CsvRow[] = [result.control, result.variant].flatMap((group) => [
    [estimate, group.level, null, group.n, group.estimate],
    ...(group.sd === null ? [] : [['sd', group.level, null, group.n, group.sd]]),
  ]);
  return stampedCsv(
    [
      ...stampLines('empathy-workbench/compare-ab@1', stamp),
      ['group', choices.group],
      ['outcome', choices.outcome],
      ['test', result.test],
      ['interval', result.intervalMethod],
      ['alpha', result.alpha],
      ['reading', result.reading],
    ],
    CSV_COLUMNS,
    [
      ...groups,
      ['effect', `${result.variant.level} - ${result.control.level}`, null, null, result.effect],
      ['std_error', null, null, null, result.stdError],
      ['ci_lower', null, null, null, lower],
      ['ci_upper', null, null, null, upper],
      ['statistic', null, null, null, result.statistic],
      ['df', null, null, null, result.df],
      ['p', null, null, null, result.p],
      [`n_per_group_for_power_${DEFAULT_POWER}`, null, null, null, result.sampleSize?.perGroup ?? null],
    ],
  );
}

export function didCsv(view: DidView, choices: DidChoices, stamp: CompareStamp): string {
  const { result } = view;
  const seRows = (name: string, row: StandardErrorRow | null): CsvRow[] =>
    row === null
      ? []
      : [
          [`${name}_std_error`, null, null, null, row.stdError],
          [`${name}_ci_lower`, null, null, null, row.confidenceInterval[0]],
          [`${name}_ci_upper`, null, null, null, row.confidenceInterval[1]],
          [`${name}_df`, null, null, null, row.df],
          [`${name}_p`, null, null, null, row.p],
        ];
  return stampedCsv(
    [
      ...stampLines('empathy-workbench/compare-did@1', stamp),
      ['group', choices.group],
      ['period', choices.period],
      ['outcome', choices.outcome],
      [
        'cluster',
        result.cluster === null ? null : `${result.cluster.column} (${result.cluster.clusters} clusters)`,
      ],
      ['reported_se', view.se],
      ['alpha', result.alpha],
      ['reading', view.reading],
    ],
    CSV_COLUMNS,
    [
      ...result.cells.map((cell): CsvRow => ['mean', cell.group, cell.period, cell.n, cell.mean]),
      [
        'did_estimate',
        `${result.treated} - ${result.control}`,
        `${result.after} - ${result.before}`,
        result.n,
        result.estimate,
      ],
      ...seRows('classical', result.classical),
      ...seRows('hc1', result.hc1),
      ...seRows('cr1', result.cluster),
    ],
  );
}

/** SHA-256 of the compared table, so an export names exactly the data it came from. */
export const tableSha256 = (table: {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}): Promise<string> => sha256Hex(JSON.stringify({ columns: table.columns, rows: table.rows }));
