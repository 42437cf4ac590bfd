/**
 * What the KPIs tab shows, apart from drawing: one KPI's lines per unit and period (a KPI series' values combined
 * by the KPI's aggregation, or the NPS computed from each period's raw answers), limited to a date range, with
 * the units under the minimum group size left out (issue 11, point 2) and the initiatives in range as markers.
 * Pure, so the rules are tested on the sample files without a page.
 */
import {
  aggregateSeries,
  npsSeries,
  parseIsoDate,
  periodOf,
  knownUnitSizes,
  type InitiativeMarker,
  type KpiObservation,
  type Period,
} from '../../../../model/measure';
import { hideSmallGroups } from '../../../../model/privacy';
import { cellAt, type CellProblem, type DataTable } from '../../../../model/stats/data-table';
import { periodEnd, periodStart } from './measured-series';

export interface KpiPoint {
  readonly period: string;
  readonly value: number;
  /** Observations combined (for NPS: the answers the score is computed from). */
  readonly count: number;
}

export interface KpiUnitLine {
  readonly unit: string;
  readonly points: readonly KpiPoint[];
}

export interface DateRange {
  /** YYYY-MM-DD, inclusive; undefined: open. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const inRange = (date: string, range: DateRange) =>
  (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);

/** The KPI names of a series, known ones in KPI_DEFINITIONS' order first. */
export function kpiNamesOf(observations: readonly KpiObservation[]): string[] {
  const names = [...new Set(observations.map((observation) => observation.kpi))];
  const order = (name: string) => {
    const known = [
      'nps',
      'customer_retention',
      'employee_retention',
      'turnover_cost',
      'clv',
      'resolution_time',
    ];
    const at = known.indexOf(name);
    return at < 0 ? known.length : at;
  };
  return names.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

/** One line per unit of one KPI from a parsed KPI series, combined per period by the KPI's aggregation. */
export function kpiLines(
  observations: readonly KpiObservation[],
  kpi: string,
  period: Period,
  range: DateRange,
): KpiUnitLine[] {
  const kept = observations.filter(
    (observation) => observation.kpi === kpi && inRange(observation.date, range),
  );
  return groupLines(
    aggregateSeries(kept, period).map((point) => ({
      unit: point.unit,
      point: { period: point.period, value: point.value, count: point.count },
    })),
  );
}

/**
 * NPS per unit and period computed from the raw answers dated within the range (the answers are filtered, not
 * the scores, so a period cut by the range is scored on its answers inside it).
 */
export function npsLines(
  table: DataTable,
  period: Period,
  range: DateRange,
): { ok: true; value: KpiUnitLine[] } | { ok: false; problems: readonly CellProblem[] } {
  const dateAt = table.columns.findIndex((column) => column.toLowerCase() === 'date');
  const rows =
    dateAt < 0
      ? table.rows
      : table.rows.filter((row) => {
          const date = parseIsoDate(cellAt(row, dateAt));
          // Bad dates stay in, so the parser names their row.
          return date === undefined || inRange(date, range);
        });
  const parsed = npsSeries({ columns: table.columns, rows }, period);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: groupLines(
      parsed.value.map((observation) => ({
        unit: observation.unit,
        point: {
          period: periodOf(observation.date, period),
          value: observation.value,
          count: observation.responses,
        },
      })),
    ),
  };
}

function groupLines(entries: readonly { unit: string; point: KpiPoint }[]): KpiUnitLine[] {
  const byUnit = new Map<string, KpiPoint[]>();
  for (const { unit, point } of entries) {
    const points = byUnit.get(unit) ?? [];
    points.push(point);
    byUnit.set(unit, points);
  }
  return [...byUnit]
    .map(([unit, points]) => ({
      unit,
      points: points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
    }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
}

/** The people in each unit (model/measure knownUnitSizes: saved sizes and the file's `n`, the smaller). */
export function unitSizes(
  kpiTable: DataTable | undefined,
  saved: Readonly<Record<string, number>>,
): { sizes: Map<string, number>; problems: CellProblem[] } {
  const known = knownUnitSizes(kpiTable, saved);
  return { sizes: known.sizes, problems: [...known.problems] };
}

export interface PrivateBreakdown {
  /** The lines of units with at least the minimum group size, and of units of unknown size. */
  readonly lines: readonly KpiUnitLine[];
  /** How many units were hidden, and the sentence saying so (null when none). */
  readonly hidden: number;
  readonly note: string | null;
  /** Units shown whose size is not known, so the check could not be made. */
  readonly unknown: readonly string[];
}

/**
 * The minimum group size on a breakdown (model/privacy hideSmallGroups): a unit known to have fewer people than
 * the threshold is left out of the lines, the table and the export; a unit of unknown size is kept and named,
 * so the user can give its size.
 */
export function applyMinGroupSize(
  lines: readonly KpiUnitLine[],
  sizes: ReadonlyMap<string, number>,
  minGroupSize: number,
): PrivateBreakdown {
  const shown = hideSmallGroups(
    lines,
    (line) => sizes.get(line.unit) ?? Number.POSITIVE_INFINITY,
    minGroupSize,
    'unit',
  );
  return {
    lines: shown.kept,
    hidden: shown.hidden,
    note: shown.note,
    unknown: shown.kept.filter((line) => !sizes.has(line.unit)).map((line) => line.unit),
  };
}

/** The initiatives within the range that concern the whole organization or one of the shown units. */
export function markersFor(
  markers: readonly InitiativeMarker[],
  units: readonly string[],
  range: DateRange,
): InitiativeMarker[] {
  return markers
    .filter((marker) => inRange(marker.date, range) && (marker.unit === null || units.includes(marker.unit)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface BeforeAfter {
  readonly unit: string;
  readonly before: { readonly mean: number; readonly periods: number } | null;
  readonly after: { readonly mean: number; readonly periods: number } | null;
  /** after − before, when both exist. */
  readonly change: number | null;
}

const meanOf = (points: readonly KpiPoint[]) =>
  points.length === 0
    ? null
    : { mean: points.reduce((sum, point) => sum + point.value, 0) / points.length, periods: points.length };

/**
 * Per unit, the mean of the period values wholly before the marker's date against the mean of those starting on
 * or after it; the period the date falls inside (unless it starts that day) belongs to neither.
 */
export function beforeAfter(lines: readonly KpiUnitLine[], date: string, period: Period): BeforeAfter[] {
  return lines.map((line) => {
    const before = meanOf(line.points.filter((point) => periodEnd(point.period, period) <= date));
    const after = meanOf(line.points.filter((point) => periodStart(point.period) >= date));
    return {
      unit: line.unit,
      before,
      after,
      change: before === null || after === null ? null : after.mean - before.mean,
    };
  });
}

/** The period that holds `date` is split by it: said under the table. */
export const splitPeriod = (date: string, period: Period): string | null =>
  periodStart(periodOf(date, period)) === date ? null : periodOf(date, period);
