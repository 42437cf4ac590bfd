/**
 * The sensitivity form's state and how it becomes a spec. Fields are kept as typed text so a half-typed number
 * is not lost; the spec is checked by the engine's own schema (parseSensitivitySpec, resolveSpec), and each
 * problem is reported against the parameter's name rather than its index.
 *
 * Defaults for a constant come from the span its what-if slider covers (whatif/parameter-range.ts: the model's
 * `<range>`, else the documented sensitivity range, else 0..2x its value): uniform over it, normal around the
 * model's value with the span as six standard deviations and truncated to it, triangular with the model's value as
 * the mode, lognormal with the model's value as the mean.
 */
import {
  parseSensitivitySpec,
  resolveSpec,
  type DistributionType,
  type KpiStatistic,
  type ResolvedSensitivitySpec,
  type SamplingMethod,
} from '../../../../model/sd/sensitivity';
import type { SliderRange } from '../whatif/parameter-range';

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 20_251_125;

/** The fields each distribution asks for, in the order the form shows them. */
export const DISTRIBUTION_FIELDS: Record<DistributionType, readonly string[]> = {
  uniform: ['min', 'max'],
  normal: ['mean', 'sd', 'min', 'max'],
  triangular: ['min', 'mode', 'max'],
  lognormal: ['mean', 'sd'],
};
/** Fields a person may leave empty (the normal's truncation). */
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['normal.min', 'normal.max']);

export interface ParameterRow {
  readonly name: string;
  /** The model's value and the slider's span: where the defaults come from. */
  readonly value: number;
  readonly range: Pick<SliderRange, 'min' | 'max' | 'source'>;
  readonly chosen: boolean;
  readonly type: DistributionType;
  /** Typed text per field of every distribution (switching kinds keeps what was typed). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface SensitivityForm {
  readonly parameters: readonly ParameterRow[];
  readonly sampling: SamplingMethod;
  readonly runs: string;
  readonly seed: string;
  readonly kpiVariable: string;
  readonly kpiStatistic: KpiStatistic;
  /** Variables recorded for the fan charts (the KPI's variable is always recorded). */
  readonly outputs: readonly string[];
}

/** Up to 6 significant digits, without binary noise. */
const text = (value: number): string => String(Number(value.toPrecision(6)));

export function defaultFields(value: number, range: { min: number; max: number }): Record<string, string> {
  const { min, max } = range;
  const sd = (max - min) / 6;
  const mode = Math.min(max, Math.max(min, value));
  return {
    'uniform.min': text(min),
    'uniform.max': text(max),
    'normal.mean': text(mode),
    'normal.sd': text(sd),
    'normal.min': text(min),
    'normal.max': text(max),
    'triangular.min': text(min),
    'triangular.mode': text(mode),
    'triangular.max': text(max),
    'lognormal.mean': text(value > 0 ? value : Math.max(max / 2, Number.MIN_VALUE)),
    'lognormal.sd': text(sd),
  };
}

export function parameterRow(
  name: string,
  value: number,
  range: Pick<SliderRange, 'min' | 'max' | 'source'>,
  chosen: boolean,
): ParameterRow {
  return { name, value, range, chosen, type: 'uniform', fields: defaultFields(value, range) };
}

export type FormOutcome =
  | { readonly ok: true; readonly spec: ResolvedSensitivitySpec }
  | { readonly ok: false; readonly errors: readonly string[] };

const WHOLE = /^\s*\d+\s*$/;

/** The form as a spec the engine runs, or every problem, each naming the parameter and field. */
export function specOf(form: SensitivityForm): FormOutcome {
  const chosen = form.parameters.filter((row) => row.chosen);
  const errors: string[] = [];
  const parameters = chosen.map((row) => {
    const distribution: Record<string, unknown> = { type: row.type };
    for (const field of DISTRIBUTION_FIELDS[row.type]) {
      const typed = (row.fields[`${row.type}.${field}`] ?? '').trim();
      if (typed === '') {
        if (!OPTIONAL_FIELDS.has(`${row.type}.${field}`)) errors.push(`${row.name}: ${field} is empty`);
        continue;
      }
      const number = Number(typed);
      if (!Number.isFinite(number)) errors.push(`${row.name}: ${field} "${typed}" is not a number`);
      else distribution[field] = number;
    }
    return { name: row.name, distribution };
  });
  if (!WHOLE.test(form.runs)) errors.push(`Runs: "${form.runs}" is not a whole number`);
  if (!WHOLE.test(form.seed)) errors.push(`Seed: "${form.seed}" is not a whole number`);
  if (errors.length > 0) return { ok: false, errors };
  const outputs = [...new Set([...form.outputs, form.kpiVariable])];
  const parsed = parseSensitivitySpec({
    parameters,
    sampling: form.sampling,
    outputs,
    kpi: { variable: form.kpiVariable, statistic: form.kpiStatistic },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((error) => named(error, chosen)) };
  const resolved = resolveSpec(parsed.value, { runs: Number(form.runs), seed: Number(form.seed) });
  if (!resolved.ok) return { ok: false, errors: resolved.errors.map((error) => capitalised(error)) };
  return { ok: true, spec: resolved.value };
}

/** `parameters[1].distribution.sd: sd must be above 0` as `Hiring policy: sd must be above 0`. */
function named(error: string, rows: readonly ParameterRow[]): string {
  const match = /^parameters\[(\d+)\](?:\.distribution)?(?:\.[a-z]+)?: (.*)$/.exec(error);
  if (match === null) return capitalised(error);
  const row = rows[Number(match[1])];
  return `${row?.name ?? 'A parameter'}: ${match[2] ?? ''}`;
}

const capitalised = (error: string): string => error.charAt(0).toUpperCase() + error.slice(1);
