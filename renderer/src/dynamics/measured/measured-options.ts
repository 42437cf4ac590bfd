/**
 * What a measurement data set offers the Dynamics model: its KPIs, each KPI's units and the first date (the
 * default model time 0); and a choice turned into a series on the model's time axis with the scale applied,
 * through the Measure section's measuredSeries (renderer/src/measure/kpi/measured-series.ts), so the KPI tab and
 * the Dynamics page place a period on the same day.
 */
import { parseKpiSeries } from '../../../../model/measure/kpi/series';
import type { CellProblem, DataTable } from '../../../../model/stats/data-table';
import {
  measuredSeries,
  type MeasuredSeriesRequest,
  type ModelTimeUnit,
} from '../../measure/kpi/measured-series';
import { ALL_UNITS, measuredLegendLabel, type MeasuredChoice } from './measured-choice';

export interface MeasuredOptions {
  /** KPI name to the units that report it, sorted. */
  readonly kpis: ReadonlyMap<string, readonly string[]>;
  /** The earliest date in the data (YYYY-MM-DD), or undefined when the data have no usable row. */
  readonly firstDate: string | undefined;
}

export type OptionsReading =
  | { readonly ok: true; readonly options: MeasuredOptions }
  | { readonly ok: false; readonly problems: readonly string[] };

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** A problem as one line naming the data set, and the row and column when the engine gave them. */
export function describeProblem(datasetName: string, problem: CellProblem): string {
  return `${datasetName}: ${problem.message}`;
}

export function measuredOptions(datasetName: string, kind: 'kpi' | 'nps', table: DataTable): OptionsReading {
  if (kind === 'kpi') {
    const parsed = parseKpiSeries(table);
    if (!parsed.ok)
      return { ok: false, problems: parsed.problems.map((problem) => describeProblem(datasetName, problem)) };
    const units = new Map<string, string[]>();
    for (const observation of parsed.value)
      units.set(observation.kpi, [...(units.get(observation.kpi) ?? []), observation.unit]);
    const dates = parsed.value.map((observation) => observation.date).sort();
    return {
      ok: true,
      options: {
        kpis: new Map(sorted(units.keys()).map((kpi) => [kpi, sorted(units.get(kpi) ?? [])])),
        firstDate: dates[0],
      },
    };
  }
  // Raw NPS answers: the units and dates straight from their columns (measuredSeries checks every cell).
  const lower = table.columns.map((column) => column.toLowerCase());
  const unitAt = lower.findIndex((column) => column === 'unit' || column === 'team');
  const dateAt = lower.indexOf('date');
  if (unitAt < 0 || dateAt < 0)
    return {
      ok: false,
      problems: [
        `${datasetName}: an NPS table needs "date" and "unit" columns (it has ${table.columns.join(', ')})`,
      ],
    };
  const dates = sorted(
    table.rows.map((row) => (row[dateAt] ?? '').trim()).filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)),
  );
  return {
    ok: true,
    options: {
      kpis: new Map([['nps', sorted(table.rows.map((row) => (row[unitAt] ?? '').trim()).filter(Boolean))]]),
      firstDate: dates[0],
    },
  };
}

/**
 * The model's time unit from `<sim_specs time_units>` as Stella and Vensim write it ("Months", "month", "Year",
 * "wk"), or undefined when it is no calendar unit (a model in "Time" or without units cannot place a date).
 */
export function modelTimeUnitOf(timeUnits: string | undefined): ModelTimeUnit | undefined {
  const word = (timeUnits ?? '').trim().toLowerCase();
  if (/^(months?|mo|mth)$/.test(word)) return 'months';
  if (/^(years?|yr|yrs|y|a)$/.test(word)) return 'years';
  if (/^(quarters?|qtrs?)$/.test(word)) return 'quarters';
  if (/^(weeks?|wk|wks)$/.test(word)) return 'weeks';
  if (/^(days?|d)$/.test(word)) return 'days';
  return undefined;
}

/** A measured series ready for a chart or a fit: model times, scaled values, its labels. */
export interface ScaledSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
  /** The legend entry ("Measured: Customer retention, Customer Care"). */
  readonly label: string;
  /** What the engine called it, with the period ("Customer retention, Customer Care (quarterly)"). */
  readonly description: string;
  /** The KPI's units after the scale ("% × 0.01"). */
  readonly units: string;
  readonly timeZero: string;
}

export type SeriesReading =
  | { readonly ok: true; readonly series: ScaledSeries }
  | { readonly ok: false; readonly problems: readonly string[] };

export function scaledSeries(
  table: DataTable,
  choice: MeasuredChoice,
  options: MeasuredOptions,
  timeUnits: string | undefined,
  /** The data set's minimum group size and unit sizes: a smaller unit's series is refused (issue 11). */
  privacy?: MeasuredSeriesRequest['privacy'],
  /** The model's start time: the chosen date is placed there (a model may start at 0 or at, say, 2024). */
  startTime = 0,
): SeriesReading {
  const timeUnit = modelTimeUnitOf(timeUnits);
  if (timeUnit === undefined)
    return {
      ok: false,
      problems: [
        `The model's time unit is ${timeUnits === undefined ? 'not given' : `“${timeUnits}”`}: measured dates can be placed on a model in days, weeks, months, quarters or years (set the time units in the model's settings).`,
      ],
    };
  const timeZero = choice.timeZero ?? options.firstDate;
  if (timeZero === undefined)
    return { ok: false, problems: [`${choice.datasetName}: no dated row to start the model from`] };
  const read = measuredSeries(table, {
    source: choice.kind,
    kpi: choice.kpi,
    unit: choice.unit === ALL_UNITS ? null : choice.unit,
    period: choice.period,
    start: timeZero,
    timeUnit,
    ...(privacy === undefined ? {} : { privacy }),
  });
  if (!read.ok)
    return {
      ok: false,
      problems: read.problems.map((problem) => describeProblem(choice.datasetName, problem)),
    };
  if (read.value.values.length === 0)
    return {
      ok: false,
      problems: [
        `${choice.datasetName}: no ${choice.kpi} values for ${choice.unit === ALL_UNITS ? 'any unit' : choice.unit}`,
      ],
    };
  return {
    ok: true,
    series: {
      times: Float64Array.from(read.value.times, (time) => startTime + time),
      values: Float64Array.from(read.value.values, (value) => value * choice.scale),
      label: measuredLegendLabel(choice),
      description: read.value.label,
      units: unitsAfterScale(read.value.units, choice.scale),
      timeZero,
    },
  };
}

/** The points within the run's time span [start, stop]: a chart's time axis is the run's. */
export function withinRun(series: ScaledSeries, start: number, stop: number): ScaledSeries {
  const keep = Array.from(series.times, (time) => time >= start && time <= stop);
  return {
    ...series,
    times: series.times.filter((_, index) => keep[index] === true),
    values: series.values.filter((_, index) => keep[index] === true),
  };
}

/** The series as a calibration CSV (`time,<column>`), the text whose SHA-256 the saved calibration keeps. */
export function seriesCsv(series: ScaledSeries, column: string): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = Array.from(series.times, (time, index) => `${time},${series.values[index]}`);
  return `time,${quote(column)}\n${rows.join('\n')}\n`;
}

/** The units a scaled series is read in: "a fraction (% × 0.01)", "% (× 100)", or as measured. */
export function unitsAfterScale(units: string, scale: number): string {
  if (scale === 1) return units;
  if (units === '%' && scale === 0.01) return 'a fraction (% × 0.01)';
  return `${units || 'value'} × ${scale}`;
}
