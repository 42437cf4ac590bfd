/**
 * Which variables the charts show and how they share axes: by default the selected variable and the model's
 * first stocks (the state of the system is what a what-if changes first), and one chart per unit, so variables
 * measured alike are read on one scale and nothing in dollars is plotted against people.
 */
import { canonicalName, type ModelDocument, type NodeKind } from '../../../../model/sd';

/** How many stocks a chart starts with when nobody has chosen yet. */
export const DEFAULT_STOCKS = 4;

export interface ChartableVariable {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKind;
}

/** The selected variable first (when it is chartable), then stocks in model order, without repeats. */
export function defaultChartVariables(
  variables: readonly ChartableVariable[],
  selected: string | undefined,
  limit = DEFAULT_STOCKS,
): string[] {
  const chosen: string[] = [];
  const selectedId = selected === undefined ? undefined : canonicalName(selected);
  const selectedVariable = variables.find((variable) => variable.id === selectedId);
  if (selectedVariable !== undefined) chosen.push(selectedVariable.name);
  for (const variable of variables) {
    if (chosen.length >= limit + (selectedVariable === undefined ? 0 : 1)) break;
    if (variable.kind === 'stock' && variable.id !== selectedId) chosen.push(variable.name);
  }
  if (chosen.length === 0) chosen.push(...variables.slice(0, limit).map((variable) => variable.name));
  return chosen;
}

export interface UnitGroup {
  /** The units as the model writes them; undefined for variables without units. */
  readonly units: string | undefined;
  readonly names: readonly string[];
}

/** Vensim's and Stella's ways of writing "no units" (`dmnl`, `dimensionless`, `1`), which no axis should show. */
const DIMENSIONLESS = new Set(['', 'dmnl', 'dimensionless', 'unitless', '1', 'fraction']);

/** Units worth showing: trimmed, and undefined for none or dimensionless. */
export function displayUnits(units: string | undefined): string | undefined {
  const trimmed = units?.trim();
  return trimmed === undefined || DIMENSIONLESS.has(trimmed.toLowerCase()) ? undefined : trimmed;
}

/** The units the document gives a variable, as displayUnits shows them. */
export function unitsOf(document: ModelDocument, name: string): string | undefined {
  const id = canonicalName(name);
  return displayUnits(document.variables.find((variable) => canonicalName(variable.name) === id)?.units);
}

/**
 * Groups variables by units, in the order each unit first appears. Units compare as written apart from case and
 * spacing ("People" and "people" share a chart); the model's units are not checked dimensionally (engine
 * README: units checking is not done yet).
 */
export function groupByUnits(
  names: readonly string[],
  units: (name: string) => string | undefined,
): UnitGroup[] {
  const groups = new Map<string, { units: string | undefined; names: string[] }>();
  for (const name of names) {
    const unit = units(name);
    const key = unit === undefined ? '' : unit.toLowerCase().replace(/\s+/g, ' ');
    const group = groups.get(key) ?? { units: unit, names: [] };
    group.names.push(name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * What the what-if charts show: the variable selected in the diagram (when it can be charted) first, then the
 * person's own choice, or else the defaults (the KPIs' variables, else the first stocks); without repeats and
 * without names the model does not have, in that order.
 */
export function chartedVariables(
  variables: readonly ChartableVariable[],
  chosen: readonly string[] | undefined,
  selected: string | undefined,
  defaults: readonly string[] = [],
  /** A variable that must be charted too (the one measured data are compared with), after the others. */
  also?: string | undefined,
): string[] {
  const byId = new Map(variables.map((variable) => [variable.id, variable.name]));
  const fallback = defaults.some((name) => byId.has(canonicalName(name)))
    ? defaults
    : defaultChartVariables(variables, undefined);
  const names = [
    ...(selected === undefined ? [] : [selected]),
    ...(chosen ?? fallback),
    ...(also === undefined ? [] : [also]),
  ];
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const name of names) {
    const id = canonicalName(name);
    const known = byId.get(id);
    if (known === undefined || seen.has(id)) continue;
    seen.add(id);
    shown.push(known);
  }
  return shown;
}
