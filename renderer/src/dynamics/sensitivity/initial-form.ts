/**
 * The form a model opens with: every constant listed in the what-if panel's order (levers first), the levers
 * ticked (or, in a model without declared levers, its first two constants), defaults from each slider's span,
 * 1,000 Latin hypercube runs, the headline KPI (cumulative profit in the empathy model, else the first KPI
 * variable) and fan charts of the KPI cards' variables.
 */
import { canonicalName, type ModelDocument, type ParameterInfo } from '../../../../model/sd';
import type { ChartableVariable } from '../charts/chart-variables';
import { kpiVariables, kpisFor } from '../charts/kpis';
import { groupParameters } from '../whatif/parameter-groups';
import { sliderRange } from '../whatif/parameter-range';
import { DEFAULT_RUNS, DEFAULT_SEED, parameterRow, type SensitivityForm } from './spec-form';

const PREFERRED_KPI = 'Cumulative profit';
/** Fan charts drawn before anyone chooses. */
const DEFAULT_OUTPUTS = 4;
const FALLBACK_CHOSEN = 2;

export function initialForm(
  parameters: readonly ParameterInfo[],
  document: ModelDocument,
  variables: readonly ChartableVariable[],
): SensitivityForm {
  const byId = new Map(document.variables.map((variable) => [canonicalName(variable.name), variable]));
  const groups = groupParameters(parameters, document);
  const levers = new Set(
    groups.filter((group) => group.kind === 'levers').flatMap((group) => group.parameters),
  );
  const ordered = groups
    .flatMap((group) => group.parameters)
    .filter((parameter) => parameter.kind === 'constant');
  const fallback = new Set(levers.size > 0 ? [] : ordered.slice(0, FALLBACK_CHOSEN));
  const rows = ordered.map((parameter) =>
    parameterRow(
      parameter.name,
      parameter.value,
      sliderRange(parameter.value, byId.get(parameter.id)),
      levers.has(parameter) || fallback.has(parameter),
    ),
  );
  const known = new Set(variables.map((variable) => variable.id));
  const headline = kpiVariables(kpisFor(document)).filter((name) => known.has(canonicalName(name)));
  const kpiVariable =
    headline.find((name) => canonicalName(name) === canonicalName(PREFERRED_KPI)) ??
    headline[0] ??
    variables[0]?.name ??
    '';
  return {
    parameters: rows,
    sampling: 'latin-hypercube',
    runs: String(DEFAULT_RUNS),
    seed: String(DEFAULT_SEED),
    kpiVariable,
    kpiStatistic: 'final',
    outputs: headline.slice(0, DEFAULT_OUTPUTS),
  };
}
