/**
 * A measured KPI or NPS series on the Dynamics model's time axis (issue 10, point 4): the values of one unit (or
 * the mean of all units) per period, each placed at the middle of its period (a period's value is an average or
 * a rate over the whole period, and the KPI chart draws it there too) and expressed in model time units from the
 * date that is the model's time 0. Pure (model/ only), so the Dynamics page can draw it next to a run and a
 * calibration can read it.
 */
import {
  aggregateSeries,
  kpiDefinition,
  npsSeries,
  parseKpiSeries,
  periodOf,
  parseIsoDate,
  type KpiObservation,
  type Period,
} from '../../../../model/measure';
import type { CellProblem, DataTable } from '../../../../model/stats/data-table';

export type ModelTimeUnit = 'months' | 'years' | 'quarters' | 'weeks' | 'days';

export interface MeasuredSeriesRequest {
  /** 'kpi': a long `date, unit, kpi, value` table; 'nps': raw 0-10 answers `date, unit, answer`. */
  readonly source: 'kpi' | 'nps';
  /** The KPI's name (ignored for an NPS table, whose KPI is 'nps'). */
  readonly kpi: string;
  /** One unit's series, or null for the mean of all units (for NPS: computed from all units' answers pooled). */
  readonly unit: string | null;
  readonly period: Period;
  /** The date that is model time 0, YYYY-MM-DD. */
  readonly start: string;
  readonly timeUnit: ModelTimeUnit;
  /**
   * Issue 11, point 2: the data set's minimum group size and the people per unit (KpiSettings.unitSizes, or
   * kpi-breakdown's unitSizes with the file's `n`). A unit known to be smaller is refused, and left out of the
   * all-units series; a unit of unknown size is kept. Absent: no check.
   */
  readonly privacy?: {
    readonly minGroupSize: number;
    readonly unitSizes: Readonly<Record<string, number>>;
  };
}

export interface MeasuredSeries {
  /** Model time of each value, ascending. */
  readonly times: number[];
  readonly values: number[];
  /** E.g. "Customer retention, Customer Care (quarterly)". */
  readonly label: string;
  /** The KPI's unit of measure ("%", "hours", ...). */
  readonly units: string;
}

export type MeasuredSeriesResult =
  | { readonly ok: true; readonly value: MeasuredSeries }
  | { readonly ok: false; readonly problems: readonly CellProblem[] };

const DAY_MS = 86_400_000;

/** The first day of a period label written by periodOf (2026-03, 2026-Q1, 2026). */
export function periodStart(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter !== null)
    return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (/^\d{4}$/.test(label)) return `${label}-01-01`;
  return `${label.slice(0, 7)}-01`;
}

/** The day after a period's last day (YYYY-MM-DD). */
export function periodEnd(label: string, period: Period): string {
  const start = periodStart(label);
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  const next = new Date(Date.UTC(year, month - 1 + months, 1));
  return next.toISOString().slice(0, 10);
}

const utc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Calendar months from `start` to `date`: whole months between the months plus the days as a share of the
 * month they fall in, so the first of each month lands on a whole number (2024-07-01 → 2025-02-01 is 7).
 */
function monthsBetween(start: string, date: string): number {
  const [y0, m0, d0] = [Number(start.slice(0, 4)), Number(start.slice(5, 7)), Number(start.slice(8, 10))];
  const [y1, m1, d1] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return (y1 - y0) * 12 + (m1 - m0) + (d1 - 1) / daysInMonth(y1, m1) - (d0 - 1) / daysInMonth(y0, m0);
}

/** Model time of `date` with `start` at 0. Weeks and days count calendar days (UTC, no daylight saving). */
export function modelTime(start: string, date: string, timeUnit: ModelTimeUnit): number {
  switch (timeUnit) {
    case 'days':
      return (utc(date) - utc(start)) / DAY_MS;
    case 'weeks':
      return (utc(date) - utc(start)) / DAY_MS / 7;
    case 'months':
      return monthsBetween(start, date);
    case 'quarters':
      return monthsBetween(start, date) / 3;
    case 'years':
      return monthsBetween(start, date) / 12;
  }
}

const PERIOD_WORDS: Record<Period, string> = { month: 'monthly', quarter: 'quarterly', year: 'yearly' };

export function measuredSeries(table: DataTable, request: MeasuredSeriesRequest): MeasuredSeriesResult {
  if (parseIsoDate(request.start) === undefined)
    return {
      ok: false,
      problems: [
        { row: null, column: null, message: `the start "${request.start}" is not a date written YYYY-MM-DD` },
      ],
    };
  const small = smallUnits(request);
  if (request.unit !== null && small.has(request.unit))
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: `${request.unit} has fewer than ${request.privacy?.minGroupSize ?? 0} people (the data set's minimum group size), so its figures are not shown`,
        },
      ],
    };
  const kept = small.size === 0 ? table : withoutUnits(table, small);
  const kpi = request.source === 'nps' ? 'nps' : request.kpi;
  const points = request.source === 'nps' ? npsPoints(kept, request) : kpiPoints(kept, request);
  if (!points.ok) return points;
  const definition = kpiDefinition(kpi);
  const sorted = [...points.value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const left =
    small.size === 0
      ? ''
      : `, ${small.size} unit${small.size === 1 ? '' : 's'} under the minimum group size left out`;
  const who = request.unit ?? `${request.source === 'nps' ? 'all units' : 'mean of all units'}${left}`;
  return {
    ok: true,
    value: {
      times: sorted.map(([label]) => periodMiddle(request, label)),
      values: sorted.map(([, value]) => value),
      label: `${definition.label}, ${who} (${PERIOD_WORDS[request.period]})`,
      units: definition.unit,
    },
  };
}

/** Model time of the middle of a period: halfway between its first day and the next period's. */
function periodMiddle(request: MeasuredSeriesRequest, label: string): number {
  const from = modelTime(request.start, periodStart(label), request.timeUnit);
  const to = modelTime(request.start, periodEnd(label, request.period), request.timeUnit);
  return (from + to) / 2;
}

/** The units known to have fewer people than the minimum group size. */
function smallUnits(request: MeasuredSeriesRequest): Set<string> {
  const privacy = request.privacy;
  if (privacy === undefined) return new Set();
  return new Set(
    Object.entries(privacy.unitSizes)
      .filter(([, size]) => size < privacy.minGroupSize)
      .map(([unit]) => unit),
  );
}

/** The table without the rows of `units` (its unit or team column), so no figure of theirs is computed. */
function withoutUnits(table: DataTable, units: ReadonlySet<string>): DataTable {
  const lower = table.columns.map((column) => column.toLowerCase());
  const unitAt = lower.findIndex((column) => column === 'unit' || column === 'team');
  if (unitAt < 0) return table;
  return { columns: table.columns, rows: table.rows.filter((row) => !units.has((row[unitAt] ?? '').trim())) };
}

type PointsResult =
  { ok: true; value: Map<string, number> } | { ok: false; problems: readonly CellProblem[] };

/** Per period: the unit's value, or the mean over units of each unit's value in that period. */
function kpiPoints(table: DataTable, request: MeasuredSeriesRequest): PointsResult {
  const parsed = parseKpiSeries(table);
  if (!parsed.ok) return parsed;
  const observations = parsed.value.filter(
    (observation) =>
      observation.kpi === request.kpi && (request.unit === null || observation.unit === request.unit),
  );
  const byPeriod = new Map<string, number[]>();
  for (const point of aggregateSeries(observations, request.period)) {
    const list = byPeriod.get(point.period) ?? [];
    list.push(point.value);
    byPeriod.set(point.period, list);
  }
  return {
    ok: true,
    value: new Map(
      [...byPeriod].map(([period, values]) => [period, values.reduce((a, b) => a + b, 0) / values.length]),
    ),
  };
}

/** NPS from the answers of each period: one unit's, or every unit's pooled (an NPS is never averaged). */
function npsPoints(table: DataTable, request: MeasuredSeriesRequest): PointsResult {
  const lower = table.columns.map((column) => column.toLowerCase());
  const unitAt = lower.findIndex((column) => column === 'unit' || column === 'team');
  const pooled: DataTable =
    request.unit === null && unitAt >= 0
      ? {
          columns: table.columns,
          rows: table.rows.map((row) => row.map((cell, i) => (i === unitAt ? '' : cell))),
        }
      : table;
  const parsed = npsSeries(pooled, request.period);
  if (!parsed.ok) return parsed;
  const wanted = request.unit ?? '';
  return {
    ok: true,
    value: new Map(
      parsed.value
        .filter((observation: KpiObservation) => observation.unit === wanted)
        .map((observation) => [periodOf(observation.date, request.period), observation.value]),
    ),
  };
}
