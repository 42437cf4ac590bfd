/**
 * The first choice offered for a data set: the KPI that names a model variable (customer_retention and the
 * model's "Customer retention" are one XMILE name, section 3.2.2), else its first KPI; its first unit; quarters;
 * the data's first date as model time 0; and a scale of 0.01 when a KPI in % meets a variable that is not.
 */
import { canonicalName } from '../../../../model/sd';
import { kpiDefinition } from '../../../../model/measure/kpi/series';
import type { ChartableVariable } from '../charts/chart-variables';
import { ALL_UNITS, type MeasuredChoice } from './measured-choice';
import type { MeasuredOptions } from './measured-options';

export function defaultChoice(
  dataset: { readonly id: string; readonly name: string; readonly kind: 'kpi' | 'nps' },
  options: MeasuredOptions,
  variables: readonly ChartableVariable[],
  unitsOf: (name: string) => string | undefined,
): MeasuredChoice | undefined {
  const byId = new Map(variables.map((variable) => [variable.id, variable.name]));
  const kpis = [...options.kpis.keys()];
  const named = (kpi: string) =>
    byId.get(canonicalName(kpi)) ?? byId.get(canonicalName(kpiDefinition(kpi).label));
  const kpi = kpis.find((candidate) => named(candidate) !== undefined) ?? kpis[0];
  if (kpi === undefined) return undefined;
  const variable = named(kpi) ?? variables[0]?.name ?? '';
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    kind: dataset.kind,
    kpi,
    unit: options.kpis.get(kpi)?.[0] ?? ALL_UNITS,
    period: 'quarter',
    timeZero: null,
    scale: scaleFor(kpi, unitsOf(variable)),
    variable,
  };
}

/** 0.01 for a KPI in % compared with a variable not in % (a model fraction), else 1. */
export function scaleFor(kpi: string, variableUnits: string | undefined): number {
  return kpiDefinition(kpi).unit === '%' && variableUnits?.trim() !== '%' ? 0.01 : 1;
}
