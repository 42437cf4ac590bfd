/**
 * The calibration spec (the CLI's `--params` file, what the app's panel saves): which constants to fit, within
 * which bounds and from where, how the data's columns map to the model's variables, the weight of each
 * variable, and the optimizer's limits.
 *
 *   { "parameters": [{ "name": "Room Temperature", "min": 50, "max": 90, "start": 60 }],
 *     "columns": { "observed temp": "Teacup Temperature", "notes": null },
 *     "weights": { "Teacup Temperature": 1 } }
 *
 * `columns` maps a data column to a variable (null leaves the column out); a column it does not name is matched
 * to the variable of the same XMILE name. `weights` are per variable; a variable without one is weighted by
 * 1 / the variance of its data column, so variables of different units count alike. `start` defaults to the
 * model's value, moved inside the bounds.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const calibrationParameterSchema = z
  .object({
    name: z.string().trim().min(1, 'must name a constant of the model'),
    min: finite,
    max: finite,
    start: finite.optional(),
  })
  .strict()
  .refine((p) => p.min < p.max, { message: 'max must be above min', path: ['max'] })
  .refine((p) => p.start === undefined || (p.start >= p.min && p.start <= p.max), {
    message: 'start must lie between min and max',
    path: ['start'],
  });
export type CalibrationParameter = z.infer<typeof calibrationParameterSchema>;

export const CALIBRATION_METHODS = ['nelder-mead'] as const;

export const DEFAULT_TOLERANCE = 1e-8;
export const DEFAULT_MAX_ITERATIONS = 2000;

export const calibrationSpecSchema = z
  .object({
    parameters: z.array(calibrationParameterSchema).min(1, 'name at least one parameter to fit'),
    columns: z.record(z.string(), z.string().trim().min(1).nullable()).optional(),
    weights: z
      .record(
        z.string(),
        finite.refine((w) => w >= 0, 'a weight must not be negative'),
      )
      .optional(),
    method: z.enum(CALIBRATION_METHODS).default('nelder-mead'),
    /** Relative tolerance on the objective and on the parameters (as a share of their range). */
    tolerance: z.number().positive().max(0.1).default(DEFAULT_TOLERANCE),
    maxIterations: z.number().int().min(1).max(1_000_000).default(DEFAULT_MAX_ITERATIONS),
  })
  .strict();
export type CalibrationSpecInput = z.input<typeof calibrationSpecSchema>;
export type CalibrationSpec = z.infer<typeof calibrationSpecSchema>;

/** `parameters[1].max` from a zod path. */
function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : text === '' ? String(part) : `.${String(part)}`;
  return text === '' ? 'the spec' : text;
}

export function parseCalibrationSpec(
  json: unknown,
):
  | { readonly ok: true; readonly value: CalibrationSpec }
  | { readonly ok: false; readonly errors: readonly string[] } {
  const parsed = calibrationSpecSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issuePath(issue.path)}: ${issue.message}`),
  };
}
