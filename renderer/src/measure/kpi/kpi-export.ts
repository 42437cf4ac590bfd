/**
 * A KPI breakdown out of the app as CSV, stamped as the Dynamics runs are (run-export-format.ts): `#` comment
 * lines that R (`read.csv(comment.char = "#")`) and pandas (`read_csv(comment="#")`) skip, saying which data set,
 * KPI, period and range made the figures, the minimum group size and what it hid, whether the file holds real
 * names, the app version and the export time. Only the units shown are written (issue 11, point 2).
 */
import type { Period } from '../../../../model/measure';
import { csvField } from '../../dynamics/scenarios/run-export-format';
import type { DateRange, KpiUnitLine } from './kpi-breakdown';

export const KPI_EXPORT_FORMAT = 'empathy-workbench/kpi-series@1';

export interface KpiExportStamp {
  /** The data set(s) the figures come from: "KPIs (kpi.csv)". */
  readonly source: string;
  readonly kpi: string;
  readonly kpiLabel: string;
  readonly kpiUnit: string;
  /** How values combine within a period, in words ("mean", "sum", "NPS from the answers"). */
  readonly combined: string;
  readonly period: Period;
  readonly range: DateRange;
  readonly minGroupSize: number;
  /** The hidden-units sentence, or null. */
  readonly hiddenNote: string | null;
  readonly unknownSizes: readonly string[];
  /** Whether the rows name people (a KPI series names units and dates, so usually not). */
  readonly realNames: boolean;
  readonly appVersion: string;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
}

const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

export function kpiSeriesCsv(stamp: KpiExportStamp, lines: readonly KpiUnitLine[]): string {
  const header = [
    `# ${KPI_EXPORT_FORMAT}`,
    `# source: ${oneLine(stamp.source)}`,
    `# kpi: ${oneLine(stamp.kpi)} (${oneLine(stamp.kpiLabel)}${stamp.kpiUnit === '' ? '' : `, ${oneLine(stamp.kpiUnit)}`})`,
    `# combined_per_period: ${stamp.combined}`,
    `# period: ${stamp.period}`,
    `# range: ${stamp.range.from ?? 'start'} to ${stamp.range.to ?? 'end'}`,
    `# min_group_size: ${stamp.minGroupSize}`,
    `# hidden: ${stamp.hiddenNote ?? 'none'}`,
    ...(stamp.unknownSizes.length === 0
      ? []
      : [
          `# size_unknown: ${stamp.unknownSizes.map(oneLine).join(' | ')} (the minimum group size could not be checked)`,
        ]),
    `# real_names: ${stamp.realNames ? 'yes' : 'no (figures per unit, no person named)'}`,
    `# app_version: ${stamp.appVersion}`,
    `# exported_at: ${stamp.exportedAt}`,
    'unit,period,value,count',
  ];
  const rows = lines.flatMap((line) =>
    line.points.map((point) =>
      [csvField(line.unit), csvField(point.period), csvField(point.value), csvField(point.count)].join(','),
    ),
  );
  return `${[...header, ...rows].join('\n')}\n`;
}
