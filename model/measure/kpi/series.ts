/**
 * KPI series in long form, one observation a row: `date, unit, kpi, value` (unit: a team or business unit;
 * `team` is accepted for `unit`). Parsed from the table the CLI or the app read, every bad cell named by row and
 * column; aggregated per unit and period for charts; initiatives (the date training started) are markers as data.
 */
import {
  cellAt,
  isMissing,
  parseNumberCell,
  spreadsheetRow,
  type CellProblem,
  type DataTable,
} from '../../stats/data-table';
import { netPromoterScore } from './formulas';

export interface KpiObservation {
  readonly row: number;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly unit: string;
  readonly kpi: string;
  readonly value: number;
}

export type Aggregation = 'mean' | 'sum' | 'last';

export interface KpiDefinition {
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  /** How observations within a period combine: rates average, costs add up. */
  readonly aggregation: Aggregation;
  /** Whether a higher value is better (for wording and chart colours). */
  readonly higherIsBetter: boolean;
}

/** The KPIs the toolkit knows; any other name is accepted and averaged. Formulas: see formulas.ts. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    name: 'nps',
    label: 'Net Promoter Score',
    unit: 'points (-100 to 100)',
    aggregation: 'mean',
    higherIsBetter: true,
  },
  {
    name: 'customer_retention',
    label: 'Customer retention',
    unit: '%',
    aggregation: 'mean',
    higherIsBetter: true,
  },
  {
    name: 'employee_retention',
    label: 'Employee retention',
    unit: '%',
    aggregation: 'mean',
    higherIsBetter: true,
  },
  {
    name: 'turnover_cost',
    label: 'Turnover cost',
    unit: 'currency',
    aggregation: 'sum',
    higherIsBetter: false,
  },
  {
    name: 'clv',
    label: 'Customer lifetime value',
    unit: 'currency',
    aggregation: 'mean',
    higherIsBetter: true,
  },
  {
    name: 'resolution_time',
    label: 'Resolution time',
    unit: 'hours',
    aggregation: 'mean',
    higherIsBetter: false,
  },
  { name: 'engagement', label: 'Engagement', unit: 'score', aggregation: 'mean', higherIsBetter: true },
];

export const kpiDefinition = (name: string): KpiDefinition =>
  KPI_DEFINITIONS.find((definition) => definition.name === name) ?? {
    name,
    label: name,
    unit: '',
    aggregation: 'mean',
    higherIsBetter: true,
  };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: CellProblem[] };

/** A calendar date written YYYY-MM-DD, checked to exist (no 2026-02-30). */
export function parseIsoDate(cell: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? cell.trim()
    : undefined;
}

function findColumns(
  table: DataTable,
  wanted: readonly (readonly string[])[],
): { indices: number[]; problems: CellProblem[] } {
  const lower = table.columns.map((column) => column.toLowerCase());
  const indices: number[] = [];
  const problems: CellProblem[] = [];
  for (const names of wanted) {
    const index = lower.findIndex((column) => names.includes(column));
    if (index < 0)
      problems.push({
        row: null,
        column: names[0] ?? null,
        message: `no "${names.join('" or "')}" column (the file has ${table.columns.join(', ')})`,
      });
    indices.push(index);
  }
  return { indices, problems };
}

/** Reads `date, unit|team, kpi, value`; a row with an empty value is skipped (no observation), not an error. */
export function parseKpiSeries(table: DataTable): Parsed<KpiObservation[]> {
  const { indices, problems } = findColumns(table, [['date'], ['unit', 'team'], ['kpi'], ['value']]);
  if (problems.length > 0) return { ok: false, problems };
  const [dateAt, unitAt, kpiAt, valueAt] = indices as [number, number, number, number];
  const observations: KpiObservation[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, r) => {
    const row = spreadsheetRow(r);
    const dateCell = cellAt(cells, dateAt);
    const date = parseIsoDate(dateCell);
    if (date === undefined) {
      problems.push({
        row,
        column: table.columns[dateAt] ?? 'date',
        message: `row ${row}, column "${table.columns[dateAt] ?? 'date'}": "${dateCell.trim()}" is not a date written YYYY-MM-DD`,
      });
      return;
    }
    const unit = cellAt(cells, unitAt).trim();
    const kpi = cellAt(cells, kpiAt).trim();
    for (const [value, at] of [
      [unit, unitAt],
      [kpi, kpiAt],
    ] as const)
      if (value === '')
        problems.push({
          row,
          column: table.columns[at] ?? null,
          message: `row ${row}, column "${table.columns[at] ?? ''}": empty`,
        });
    const valueCell = cellAt(cells, valueAt);
    if (isMissing(valueCell)) return;
    const value = parseNumberCell(valueCell);
    if (value === undefined) {
      problems.push({
        row,
        column: table.columns[valueAt] ?? 'value',
        message: `row ${row}, column "${table.columns[valueAt] ?? 'value'}": "${valueCell.trim()}" is not a number`,
      });
      return;
    }
    if (unit === '' || kpi === '') return;
    const key = JSON.stringify([date, unit, kpi]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        row,
        column: null,
        message: `row ${row}: ${kpi} of ${unit} on ${date} was already given in row ${earlier}`,
      });
      return;
    }
    seen.set(key, row);
    observations.push({ row, date, unit, kpi, value });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: observations };
}

export type Period = 'month' | 'quarter' | 'year';

/** The period a date falls in, labelled so labels sort in time: 2026-03, 2026-Q1, 2026. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

export interface AggregatedPoint {
  readonly unit: string;
  readonly kpi: string;
  readonly period: string;
  readonly value: number;
  /** Observations combined. */
  readonly count: number;
  readonly aggregation: Aggregation;
}

/**
 * One value per unit, KPI and period, combined by the KPI's aggregation (or `override`). `allUnits` adds a unit
 * "(all)" combining every unit's observations the same way.
 */
export function aggregateSeries(
  observations: readonly KpiObservation[],
  period: Period,
  options: { readonly override?: Aggregation; readonly allUnits?: boolean } = {},
): AggregatedPoint[] {
  const buckets = new Map<string, KpiObservation[]>();
  const add = (unit: string, observation: KpiObservation) => {
    const key = JSON.stringify([observation.kpi, unit, periodOf(observation.date, period)]);
    const list = buckets.get(key);
    if (list === undefined) buckets.set(key, [observation]);
    else list.push(observation);
  };
  for (const observation of observations) {
    add(observation.unit, observation);
    if (options.allUnits === true) add('(all)', observation);
  }
  const points: AggregatedPoint[] = [];
  for (const [key, list] of buckets) {
    const [kpi, unit, label] = JSON.parse(key) as [string, string, string];
    const aggregation = options.override ?? kpiDefinition(kpi).aggregation;
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const total = sorted.reduce((sum, observation) => sum + observation.value, 0);
    const value =
      aggregation === 'sum'
        ? total
        : aggregation === 'mean'
          ? total / sorted.length
          : (sorted[sorted.length - 1] as KpiObservation).value;
    points.push({ unit, kpi, period: label, value, count: sorted.length, aggregation });
  }
  return points.sort(
    (a, b) =>
      a.kpi.localeCompare(b.kpi) ||
      a.unit.localeCompare(b.unit) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
}

/**
 * NPS per unit and period from raw 0-10 answers (`date, unit|team, answer`): the score is computed from the
 * answers of each bucket, never by averaging NPS values. Each result is an observation dated on the period's
 * first answer, kpi "nps".
 */
export function npsSeries(
  table: DataTable,
  period: Period,
): Parsed<(KpiObservation & { readonly responses: number })[]> {
  const { indices, problems } = findColumns(table, [['date'], ['unit', 'team'], ['answer', 'score', 'nps']]);
  if (problems.length > 0) return { ok: false, problems };
  const [dateAt, unitAt, answerAt] = indices as [number, number, number];
  const buckets = new Map<string, { date: string; row: number; answers: number[] }>();
  table.rows.forEach((cells, r) => {
    const row = spreadsheetRow(r);
    const answerCell = cellAt(cells, answerAt);
    if (isMissing(answerCell)) return;
    const date = parseIsoDate(cellAt(cells, dateAt));
    const answer = parseNumberCell(answerCell);
    const column = (at: number) => table.columns[at] ?? '';
    if (date === undefined) {
      problems.push({
        row,
        column: column(dateAt),
        message: `row ${row}, column "${column(dateAt)}": "${cellAt(cells, dateAt).trim()}" is not a date written YYYY-MM-DD`,
      });
      return;
    }
    if (answer === undefined || !Number.isInteger(answer) || answer < 0 || answer > 10) {
      problems.push({
        row,
        column: column(answerAt),
        message: `row ${row}, column "${column(answerAt)}": "${answerCell.trim()}" is not a whole number from 0 to 10`,
      });
      return;
    }
    const unit = cellAt(cells, unitAt).trim();
    const key = JSON.stringify([unit, periodOf(date, period)]);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, { date, row, answers: [answer] });
    else {
      bucket.answers.push(answer);
      if (date < bucket.date) bucket.date = date;
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const series = [...buckets.entries()].map(([key, bucket]) => {
    const [unit] = JSON.parse(key) as [string];
    const tally = netPromoterScore(bucket.answers);
    return {
      row: bucket.row,
      date: bucket.date,
      unit,
      kpi: 'nps',
      value: tally.nps as number,
      responses: tally.responses,
    };
  });
  return {
    ok: true,
    value: series.sort((a, b) => a.unit.localeCompare(b.unit) || (a.date < b.date ? -1 : 1)),
  };
}

export interface InitiativeMarker {
  readonly date: string;
  readonly label: string;
  /** The unit it concerns, or null for the whole organization. */
  readonly unit: string | null;
}

/** Initiatives as chart markers: `date, label[, unit|team]`. */
export function parseInitiatives(table: DataTable): Parsed<InitiativeMarker[]> {
  const { indices, problems } = findColumns(table, [['date'], ['label', 'initiative']]);
  if (problems.length > 0) return { ok: false, problems };
  const [dateAt, labelAt] = indices as [number, number];
  const lower = table.columns.map((column) => column.toLowerCase());
  const unitAt = lower.findIndex((column) => column === 'unit' || column === 'team');
  const markers: InitiativeMarker[] = [];
  table.rows.forEach((cells, r) => {
    const row = spreadsheetRow(r);
    const date = parseIsoDate(cellAt(cells, dateAt));
    const label = cellAt(cells, labelAt).trim();
    if (date === undefined)
      problems.push({
        row,
        column: table.columns[dateAt] ?? 'date',
        message: `row ${row}, column "${table.columns[dateAt] ?? 'date'}": "${cellAt(cells, dateAt).trim()}" is not a date written YYYY-MM-DD`,
      });
    else if (label === '')
      problems.push({
        row,
        column: table.columns[labelAt] ?? 'label',
        message: `row ${row}: the initiative has no label`,
      });
    else {
      const unit = unitAt < 0 ? '' : cellAt(cells, unitAt).trim();
      markers.push({ date, label, unit: unit === '' ? null : unit });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: markers };
}
