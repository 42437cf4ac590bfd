import { z } from 'zod';
import { documentNameSchema } from '../schema/document-name';

/**
 * The SROI analysis document: the impact map of A Guide to Social Return on Investment (Cabinet Office / SROI
 * Network 2012), stages 1 to 4, plus the discount rate of stage 5. Its core is the file `sroi evaluate` reads
 * and the app exports:
 *
 *   { "name", "discountRate", "inputs": [ { "stakeholder", "description", "value" } ],
 *     "outcomes": [ { "id", "stakeholder", "outcome", "indicator", "quantity", "durationYears", "startYear",
 *                     "proxyValue", "proxySource", "deadweight", "displacement", "attribution", "dropOff" } ] }
 *
 * and the optional fields the editor needs (scope, stakeholders, in-kind inputs, intended change, outputs,
 * notes, the link to a simulated quantity).
 *
 * This schema checks the shape only (types, required fields, finite numbers). The rules of the method (rates
 * within [0, 1], quantities not negative, inputs above zero, durations of at least a year, ...) live in
 * validate.ts, so that (1) their messages can name the outcome by its id rather than by its position, and
 * (2) a draft with an impossible value can still be saved and shown with its error in the editor.
 */

/**
 * HM Treasury, The Green Book (2022), annex A6: the social time preference rate, 3.5% a year for the first
 * 30 years. The Guide (stage 5, section 5.2) leaves the rate to the analyst; this is the default it is given.
 */
export const DEFAULT_DISCOUNT_RATE = 0.035;

export const SROI_NAME_MAX = 200;
const TEXT_MAX = 4000;
const LABEL_MAX = 500;

// Messages are predicates that follow the field's name ("deadweight must be a finite number"): parse.ts puts
// the outcome id and the field in front, and the API's error carries the path next to them.
const missingOr = (problem: string) => (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? 'is missing' : problem;
const describeValue = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
const label = () =>
  z
    .string({ error: missingOr('must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(LABEL_MAX, `must have at most ${LABEL_MAX} characters`);
const text = z.string({ error: 'must be text' }).max(TEXT_MAX, `must have at most ${TEXT_MAX} characters`);
const anObject = { error: missingOr('must be an object') };
// zod 4 refuses NaN and ±Infinity in z.number(); JSON can still spell an infinity as 1e999.
const number = () =>
  z.number({
    error: (issue) =>
      issue.input === undefined
        ? 'is missing'
        : `must be a finite number (got ${describeValue(issue.input)})`,
  });

/** Guide stage 1, section 1.1: what is analysed, for whom, over what period, forecast or evaluative. */
export const sroiScopeSchema = z.strictObject(
  {
    purpose: text.optional(),
    audience: text.optional(),
    activities: text.optional(),
    period: text.optional(),
    kind: z.enum(['forecast', 'evaluative'], { error: 'must be forecast or evaluative' }).optional(),
  },
  anObject,
);
export type SroiScope = z.infer<typeof sroiScopeSchema>;

/** Guide stage 1, section 1.2: each stakeholder considered, and why one is left out when it is. */
export const sroiStakeholderSchema = z.strictObject(
  {
    name: label(),
    description: text.optional(),
    /** False for a stakeholder considered and left out (the Guide asks for the reason to be recorded). */
    included: z.boolean({ error: 'must be true or false' }).optional(),
    reason: text.optional(),
  },
  anObject,
);
export type SroiStakeholder = z.infer<typeof sroiStakeholderSchema>;

/**
 * Guide stage 2, section 2.2: what stakeholders put in. Cash, or time valued in kind (hours × hourly rate,
 * the Guide's example of volunteer time); `value` is always the total, so the CLI needs nothing else.
 */
export const sroiInputSchema = z.strictObject(
  {
    stakeholder: label(),
    description: label(),
    value: number(),
    kind: z.enum(['cash', 'in-kind'], { error: 'must be cash or in-kind' }).optional(),
    hours: number().optional(),
    hourlyRate: number().optional(),
  },
  anObject,
);
export type SroiInput = z.infer<typeof sroiInputSchema>;

export const QUANTITY_AGGREGATIONS = ['annual-mean', 'year-end', 'annual-sum'] as const;
export type QuantityAggregation = (typeof QUANTITY_AGGREGATIONS)[number];

/**
 * An outcome quantity taken from the Dynamics instrument (DESIGN.md, "the instruments feed each other"):
 * quantity in analysis year k = scale × (the scenario's `variable` − the baseline's), aggregated over year k
 * of the run (quantity-link.ts says exactly how). The baseline run is the counterfactual, which is the
 * Guide's deadweight question (stage 4, section 4.1) answered by the model.
 */
export const quantityLinkSchema = z.strictObject(
  {
    /** The model's name or id in the workspace. */
    model: label(),
    scenario: label(),
    baseline: label(),
    /** The variable's name as written in the model. */
    variable: label(),
    aggregation: z.enum(QUANTITY_AGGREGATIONS, {
      error: missingOr(`must be one of ${QUANTITY_AGGREGATIONS.join(', ')}`),
    }),
    /** Multiplies the difference, e.g. −1 to turn "quits" into "quits avoided". Default 1. */
    scale: number().optional(),
  },
  anObject,
);
export type QuantityLink = z.infer<typeof quantityLinkSchema>;

/**
 * One row of the impact map (Guide stages 2 to 4): who changes, how much, for how long, what it is worth and
 * how much of it is the activity's doing.
 */
export const sroiOutcomeSchema = z.strictObject(
  {
    /** Stable within the analysis; errors, breakdowns and links name the outcome by it. */
    id: label(),
    stakeholder: label(),
    /** Guide 2.1: the change the stakeholder expected. */
    intendedChange: text.optional(),
    /** Guide 2.3: what the activity produced (e.g. "23 staff trained"). */
    outputs: text.optional(),
    /** Guide 2.4: the outcome itself. */
    outcome: label(),
    /** Guide 3.1: how the outcome is measured. */
    indicator: label(),
    /** Guide 3.3: how many stakeholders experience the outcome (per year). */
    quantity: number(),
    /** Guide 3.4: how long the outcome lasts, in years (a fraction counts part of the last year). */
    durationYears: number(),
    /** The analysis year in which the outcome begins (1 = the first year). */
    startYear: number(),
    /** Guide 3.5: the financial proxy, described. */
    financialProxy: text.optional(),
    /** Guide 3.5: the proxy's value per unit of quantity per year. */
    proxyValue: number(),
    proxySource: label(),
    /** Guide 4.1: the share of the outcome that would have happened anyway. */
    deadweight: number(),
    /** Guide 4.1: the share of the outcome that displaced other outcomes. */
    displacement: number(),
    /** Guide 4.2: the share of the outcome owed to others. */
    attribution: number(),
    /** Guide 4.3: the share of the outcome lost each year after the first. */
    dropOff: number(),
    /** Why deadweight, displacement, attribution and drop-off are what they are (the Guide asks for reasons). */
    notes: text.optional(),
    quantityLink: quantityLinkSchema.optional(),
  },
  anObject,
);
export type SroiOutcome = z.infer<typeof sroiOutcomeSchema>;

export const sroiAnalysisSchema = z.strictObject(
  {
    name: documentNameSchema('SROI analysis', SROI_NAME_MAX),
    description: text.optional(),
    /** ISO 4217 code of the money figures (e.g. "USD"); the calculation does not depend on it. */
    currency: z
      .string({ error: 'must be text' })
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as "USD"')
      .optional(),
    scope: sroiScopeSchema.optional(),
    stakeholders: z.array(sroiStakeholderSchema, { error: 'must be a list' }).optional(),
    discountRate: number().default(DEFAULT_DISCOUNT_RATE),
    inputs: z.array(sroiInputSchema, { error: missingOr('must be a list') }),
    outcomes: z.array(sroiOutcomeSchema, { error: missingOr('must be a list') }),
  },
  { error: 'must be a JSON object' },
);
/** An analysis after parsing: `discountRate` is always present. */
export type SroiAnalysis = z.infer<typeof sroiAnalysisSchema>;
/** An analysis as written in a file: `discountRate` may be left out. */
export type SroiAnalysisFile = z.input<typeof sroiAnalysisSchema>;
