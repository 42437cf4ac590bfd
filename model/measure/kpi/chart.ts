/**
 * What a KPI chart draws: one line per KPI and unit, a value per period, and the initiatives that fall in the
 * charted range as markers (the period they land in, so a marker sits on the same axis as the points).
 */
import {
  aggregateSeries,
  kpiDefinition,
  periodOf,
  type Aggregation,
  type InitiativeMarker,
  type KpiDefinition,
  type KpiObservation,
  type Period,
} from './series';

export interface KpiLine {
  readonly kpi: KpiDefinition;
  readonly unit: string;
  readonly points: readonly { readonly period: string; readonly value: number; readonly count: number }[];
}

export interface KpiChart {
  readonly period: Period;
  readonly lines: readonly KpiLine[];
  readonly markers: readonly (InitiativeMarker & { readonly period: string })[];
}

export interface KpiChartOptions {
  readonly period: Period;
  /** Only these KPIs / units (all when absent). */
  readonly kpis?: readonly string[];
  readonly units?: readonly string[];
  /** Add a line "(all)" per KPI combining every unit. */
  readonly allUnits?: boolean;
  readonly override?: Aggregation;
}

export function kpiChart(
  observations: readonly KpiObservation[],
  markers: readonly InitiativeMarker[],
  options: KpiChartOptions,
): KpiChart {
  const kept = observations.filter(
    (observation) =>
      (options.kpis === undefined || options.kpis.includes(observation.kpi)) &&
      (options.units === undefined || options.units.includes(observation.unit)),
  );
  const points = aggregateSeries(kept, options.period, {
    ...(options.override === undefined ? {} : { override: options.override }),
    ...(options.allUnits === true ? { allUnits: true } : {}),
  });
  const lines = new Map<string, { kpi: KpiDefinition; unit: string; points: KpiLine['points'][number][] }>();
  for (const point of points) {
    const key = JSON.stringify([point.kpi, point.unit]);
    const line = lines.get(key) ?? { kpi: kpiDefinition(point.kpi), unit: point.unit, points: [] };
    line.points.push({ period: point.period, value: point.value, count: point.count });
    lines.set(key, line);
  }
  const dates = kept.map((observation) => observation.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const inRange = markers.filter(
    (marker) =>
      first !== undefined &&
      last !== undefined &&
      marker.date >= first &&
      marker.date <= last &&
      (marker.unit === null || options.units === undefined || options.units.includes(marker.unit)),
  );
  return {
    period: options.period,
    lines: [...lines.values()],
    markers: inRange.map((marker) => ({ ...marker, period: periodOf(marker.date, options.period) })),
  };
}
