/**
 * Key figures at the horizon (the last saved time) of a run, each against a reference run: the baseline for the
 * KPI cards, the status quo (or the first scenario) in a comparison. The empathy model has its own list
 * (empathy-kpis.ts); any other model gets the final values of its stocks.
 */
import { canonicalName, type ModelDocument } from '../../../../model/sd';
import type { RunSeries } from '../engine/protocol';
import { displayUnits, unitsOf } from './chart-variables';
import { EMPATHY_KPIS } from './empathy-kpis';

interface KpiBase {
  readonly id: string;
  readonly label: string;
  /** The figure's units as the model gives them (kpisFor fills them in from the document). */
  readonly units?: string | undefined;
  /** Which direction is good news (colours the change); undefined when neither is. */
  readonly better?: 'higher' | 'lower' | undefined;
}

export type KpiDefinition =
  | (KpiBase & {
      readonly kind: 'final';
      /** The variable whose value at the horizon is the figure. */
      readonly variable: string;
      /** `share`: a fraction shown as a percentage, its change in percentage points. */
      readonly format: 'number' | 'share';
    })
  | (KpiBase & {
      readonly kind: 'return-on-spend';
      /** A cumulative figure already net of the spend (cumulative profit). */
      readonly gain: string;
      /** Spending rates (per time unit) whose integral over the run is the spend. */
      readonly spendRates: readonly string[];
    });

export interface KpiValue {
  readonly definition: KpiDefinition;
  /** The figure for the run; undefined when it cannot be computed (a variable is missing, nothing was spent). */
  readonly value: number | undefined;
  /** The same figure for the reference run (undefined for a return, which is itself a comparison). */
  readonly reference: number | undefined;
  readonly change: number | undefined;
  readonly units: string | undefined;
  /** Why a value is missing, or what it means, in a few words. */
  readonly note?: string | undefined;
}

/** How many stocks the fallback shows. */
const FALLBACK_STOCKS = 6;

/** The KPIs for a model: the empathy model's list when the model has its variables, else its stocks' finals. */
export function kpisFor(document: ModelDocument): KpiDefinition[] {
  const names = new Set(document.variables.map((variable) => canonicalName(variable.name)));
  const has = (name: string) => names.has(canonicalName(name));
  const empathy = EMPATHY_KPIS.filter((kpi) =>
    kpi.kind === 'final' ? has(kpi.variable) : has(kpi.gain) && kpi.spendRates.every(has),
  );
  const withUnits = (definition: KpiDefinition): KpiDefinition =>
    definition.kind === 'final' && definition.format !== 'share'
      ? { ...definition, units: unitsOf(document, definition.variable) }
      : definition;
  // Most of the list must be there: a model that merely has a "Revenue" is not the empathy model.
  if (empathy.length >= Math.ceil(EMPATHY_KPIS.length / 2)) return empathy.map(withUnits);
  return document.variables
    .filter((variable) => variable.kind === 'stock')
    .slice(0, FALLBACK_STOCKS)
    .map((stock) => ({
      kind: 'final',
      id: `stock:${canonicalName(stock.name)}`,
      label: stock.name,
      variable: stock.name,
      format: 'number',
      units: displayUnits(stock.units),
    }));
}

/**
 * The variables behind the KPIs (the empathy model's headline variables, or the stocks): what a chart shows
 * before anyone chooses, since the cards summarise exactly these.
 */
export function kpiVariables(definitions: readonly KpiDefinition[]): string[] {
  return definitions.flatMap((kpi) => (kpi.kind === 'final' ? [kpi.variable] : []));
}

/** A variable's series in a run, matched as XMILE matches names. */
export function seriesIn(run: RunSeries, name: string): Float64Array | undefined {
  const index = run.ids.indexOf(canonicalName(name));
  return index < 0 ? undefined : run.series[index];
}

/** The value at the last saved time. */
export function finalValue(run: RunSeries, name: string): number | undefined {
  const series = seriesIn(run, name);
  return series === undefined || series.length === 0 ? undefined : series[series.length - 1];
}

/**
 * The integral of a rate over the run, by the left rectangle rule over the saved times: with results saved every
 * dt it is exactly what Euler integration accumulates in a stock (rate at the start of each step times the step).
 */
export function integrate(time: ArrayLike<number>, rate: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index + 1 < time.length; index++) {
    total += (rate[index] as number) * ((time[index + 1] as number) - (time[index] as number));
  }
  return total;
}

function totalSpend(run: RunSeries, rates: readonly string[]): number | undefined {
  let total = 0;
  for (const name of rates) {
    const series = seriesIn(run, name);
    if (series === undefined) return undefined;
    total += integrate(run.time, series);
  }
  return total;
}

export function evaluateKpi(
  definition: KpiDefinition,
  run: RunSeries,
  reference: RunSeries | undefined,
): KpiValue {
  if (definition.kind === 'final') {
    const value = finalValue(run, definition.variable);
    const before = reference === undefined ? undefined : finalValue(reference, definition.variable);
    return {
      definition,
      value,
      reference: before,
      change: value === undefined || before === undefined ? undefined : value - before,
      units: definition.units,
      note: value === undefined ? `no variable “${definition.variable}” in this run` : undefined,
    };
  }
  const gain = finalValue(run, definition.gain);
  const spend = totalSpend(run, definition.spendRates);
  const referenceGain = reference === undefined ? undefined : finalValue(reference, definition.gain);
  const referenceSpend = reference === undefined ? undefined : totalSpend(reference, definition.spendRates);
  const base = { definition, reference: undefined, change: undefined, units: undefined };
  if (
    gain === undefined ||
    spend === undefined ||
    referenceGain === undefined ||
    referenceSpend === undefined
  )
    return { ...base, value: undefined, note: 'needs a reference run' };
  const extraSpend = spend - referenceSpend;
  // A spend that did not change has no return (the ratio would be noise over rounding error).
  if (Math.abs(extraSpend) <= 1e-9 * Math.max(1, Math.abs(spend), Math.abs(referenceSpend)))
    return { ...base, value: undefined, note: 'same empathy spend as the reference' };
  // Divided by the size of the change, so the sign always says which way profit went: +158% is $1.58 more profit
  // per extra dollar spent; after a cut, -385% is $3.85 of profit lost per dollar saved.
  return {
    ...base,
    value: (gain - referenceGain) / Math.abs(extraSpend),
    note:
      extraSpend > 0
        ? 'profit gained per extra dollar spent on empathy'
        : 'profit gained per dollar of empathy spend cut',
  };
}

/** Every KPI for a run against its reference. */
export function evaluateKpis(
  definitions: readonly KpiDefinition[],
  run: RunSeries,
  reference: RunSeries | undefined,
): KpiValue[] {
  return definitions.map((definition) => evaluateKpi(definition, run, reference));
}
