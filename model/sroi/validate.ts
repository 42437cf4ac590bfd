import type { SroiAnalysis, SroiOutcome } from './analysis';
import { issueAt, type SroiIssue, type SroiIssueLocation } from './issues';

/**
 * The method's rules for an analysis before it is evaluated. The schema (analysis.ts) has checked the shape;
 * these are the rules A Guide to Social Return on Investment (Cabinet Office / SROI Network 2012) implies,
 * each reported with the outcome's id (or the input's index) and the field:
 * - deadweight, displacement, attribution (stage 4, sections 4.1 and 4.2) and drop-off (4.3) are shares of the
 *   outcome, so within [0, 1]; so is the discount rate (5.2), a yearly rate;
 * - a quantity (3.3) counts stakeholders, so it is not negative (a harm is a negative proxy value, as the
 *   Guide's stage 2 asks for negative outcomes to be included, not a negative count);
 * - an outcome lasts at least one year (3.4; the Guide projects in whole years, a fraction beyond the first year
 *   counts part of the last year, see projection.ts) and starts in a whole year from year 1;
 * - the inputs (2.2) are the ratio's denominator (5.3), so they must add up to more than zero.
 */

/** A guard against a calendar year typed where an analysis year belongs (2026 instead of 1). */
export const MAX_ANALYSIS_YEARS = 100;

const RATE_FIELDS = ['deadweight', 'displacement', 'attribution', 'dropOff'] as const;

/** Quantities per analysis year from a simulated run, by outcome id (index 0 is year 1). */
export type QuantitiesByYear = Readonly<Record<string, readonly number[]>>;

/** The last analysis year an outcome has a value in (a fractional duration reaches into its last year). */
export const lastYearOf = (outcome: Pick<SroiOutcome, 'startYear' | 'durationYears'>): number =>
  outcome.startYear + Math.ceil(outcome.durationYears) - 1;

const describeNumber = (value: number) => String(value);

/** One issue if `value` is not finite, else the issue `rule` finds (or none). */
function checkNumber(
  issues: SroiIssue[],
  location: SroiIssueLocation,
  value: number | undefined,
  rule?: (value: number) => SroiIssue | undefined,
): void {
  if (value === undefined) return;
  if (!Number.isFinite(value)) {
    issues.push(issueAt('non-finite', location, `must be a finite number (got ${describeNumber(value)})`));
    return;
  }
  const issue = rule?.(value);
  if (issue !== undefined) issues.push(issue);
}

const rateRule = (location: SroiIssueLocation) => (value: number) =>
  value < 0 || value > 1
    ? issueAt('rate-range', location, `must be between 0 and 1 (got ${describeNumber(value)})`)
    : undefined;

function validateInputs(analysis: SroiAnalysis, stakeholders: ReadonlySet<string> | undefined): SroiIssue[] {
  const issues: SroiIssue[] = [];
  if (analysis.inputs.length === 0) {
    issues.push(
      issueAt(
        'no-inputs',
        { field: 'inputs' },
        'must list at least one input: the SROI ratio divides by their total',
      ),
    );
    return issues;
  }
  let total = 0;
  analysis.inputs.forEach((input, inputIndex) => {
    const at = (field: string): SroiIssueLocation => ({ inputIndex, field });
    checkNumber(issues, at('value'), input.value, (value) =>
      value < 0 ? issueAt('negative-input', at('value'), `must not be negative (got ${value})`) : undefined,
    );
    for (const field of ['hours', 'hourlyRate'] as const)
      checkNumber(issues, at(field), input[field], (value) =>
        value < 0 ? issueAt('negative-input', at(field), `must not be negative (got ${value})`) : undefined,
      );
    const timed = input.hours !== undefined || input.hourlyRate !== undefined;
    if (timed && input.kind !== 'in-kind')
      issues.push(
        issueAt('in-kind', at('kind'), 'must be "in-kind" for an input valued as hours × hourlyRate'),
      );
    else if (timed && (input.hours === undefined || input.hourlyRate === undefined))
      issues.push(
        issueAt(
          'in-kind',
          at(input.hours === undefined ? 'hours' : 'hourlyRate'),
          'is missing: time in kind is valued as hours × hourlyRate',
        ),
      );
    else if (input.hours !== undefined && input.hourlyRate !== undefined) {
      const product = input.hours * input.hourlyRate;
      // Half a cent of slack: the editor may store the product rounded to the cent.
      if (Math.abs(product - input.value) > 0.005 + 1e-9 * Math.abs(product))
        issues.push(
          issueAt(
            'in-kind',
            at('value'),
            `must equal hours × hourlyRate = ${input.hours} × ${input.hourlyRate} = ${product} (got ${input.value})`,
          ),
        );
    }
    if (stakeholders !== undefined && !stakeholders.has(input.stakeholder))
      issues.push(
        issueAt(
          'unknown-stakeholder',
          at('stakeholder'),
          `"${input.stakeholder}" is not in the analysis's stakeholders list`,
        ),
      );
    total += input.value;
  });
  // The total is only meaningful once every input is a valid number.
  if (issues.length === 0 && !(total > 0))
    issues.push(
      issueAt(
        'no-inputs',
        { field: 'inputs' },
        `add up to ${total}: the SROI ratio needs inputs worth more than zero`,
      ),
    );
  return issues;
}

function validateOutcome(
  outcome: SroiOutcome,
  outcomeIndex: number,
  duplicate: boolean,
  stakeholders: ReadonlySet<string> | undefined,
  quantities: readonly number[] | undefined,
): SroiIssue[] {
  const issues: SroiIssue[] = [];
  const at = (field: string): SroiIssueLocation => ({ outcomeId: outcome.id, field });
  if (duplicate)
    issues.push(
      issueAt('duplicate-id', { outcomeIndex, field: 'id' }, `"${outcome.id}" is used by an earlier outcome`),
    );
  if (stakeholders !== undefined && !stakeholders.has(outcome.stakeholder))
    issues.push(
      issueAt(
        'unknown-stakeholder',
        at('stakeholder'),
        `"${outcome.stakeholder}" is not in the analysis's stakeholders list`,
      ),
    );
  checkNumber(issues, at('quantity'), outcome.quantity, (value) =>
    value < 0
      ? issueAt(
          'negative-quantity',
          at('quantity'),
          `must not be negative (got ${value}); a harm is a negative proxyValue`,
        )
      : undefined,
  );
  checkNumber(issues, at('durationYears'), outcome.durationYears, (value) =>
    value < 1 || value > MAX_ANALYSIS_YEARS
      ? issueAt(
          'duration',
          at('durationYears'),
          `must be at least 1 and at most ${MAX_ANALYSIS_YEARS} years (got ${value})`,
        )
      : undefined,
  );
  checkNumber(issues, at('startYear'), outcome.startYear, (value) =>
    !Number.isInteger(value) || value < 1 || value > MAX_ANALYSIS_YEARS
      ? issueAt(
          'start-year',
          at('startYear'),
          `must be a whole analysis year from 1 (the first year) to ${MAX_ANALYSIS_YEARS} (got ${value})`,
        )
      : undefined,
  );
  checkNumber(issues, at('proxyValue'), outcome.proxyValue);
  for (const field of RATE_FIELDS) checkNumber(issues, at(field), outcome[field], rateRule(at(field)));
  checkNumber(issues, at('quantityLink.scale'), outcome.quantityLink?.scale);

  if (quantities === undefined) return issues;
  if (outcome.quantityLink === undefined) {
    issues.push(
      issueAt(
        'linked-quantities',
        at('quantityLink'),
        'is missing, yet simulated quantities were given for this outcome',
      ),
    );
    return issues;
  }
  if (issues.length > 0) return issues;
  const lastYear = lastYearOf(outcome);
  if (quantities.length < lastYear)
    issues.push(
      issueAt(
        'linked-quantities',
        at('quantityLink'),
        `gave quantities for ${quantities.length} year${quantities.length === 1 ? '' : 's'}; the outcome lasts until year ${lastYear}`,
      ),
    );
  quantities.forEach((value, index) => {
    if (!Number.isFinite(value))
      issues.push(
        issueAt(
          'non-finite',
          at('quantityLink'),
          `gave a quantity that is not a finite number in year ${index + 1} (got ${value})`,
        ),
      );
  });
  return issues;
}

/** Every problem that stops the analysis being evaluated, in the order of the document; empty when none. */
export function validateAnalysis(
  analysis: SroiAnalysis,
  quantitiesByYear: QuantitiesByYear = {},
): SroiIssue[] {
  const issues: SroiIssue[] = [];
  checkNumber(issues, { field: 'discountRate' }, analysis.discountRate, rateRule({ field: 'discountRate' }));
  const stakeholders =
    analysis.stakeholders === undefined
      ? undefined
      : new Set(analysis.stakeholders.map((stakeholder) => stakeholder.name));
  issues.push(...validateInputs(analysis, stakeholders));
  const seen = new Set<string>();
  analysis.outcomes.forEach((outcome, index) => {
    issues.push(
      ...validateOutcome(outcome, index, seen.has(outcome.id), stakeholders, quantitiesByYear[outcome.id]),
    );
    seen.add(outcome.id);
  });
  for (const id of Object.keys(quantitiesByYear))
    if (!seen.has(id))
      issues.push(
        issueAt(
          'linked-quantities',
          { outcomeId: id },
          'is not an outcome of the analysis, yet simulated quantities were given for it',
        ),
      );
  return issues;
}
