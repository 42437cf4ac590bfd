/**
 * Every rule of validate.ts gives one issue that names the outcome by id (or the input by index) and the
 * field, and evaluation refuses the analysis with it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis, validateAnalysis, type SroiAnalysis, type SroiOutcome } from '../../../model/sroi';
import { analysis, input, outcome } from './analyses';

const valid = () =>
  analysis(
    [outcome({ id: 'staff-retention' }), outcome({ id: 'customers', stakeholder: 'Customers' })],
    [
      input(1000),
      input(200, { stakeholder: 'Staff', description: 'time', kind: 'in-kind', hours: 8, hourlyRate: 25 }),
    ],
  );

/** The one issue a change gives: [code, message]. */
function onlyIssue(
  change: (draft: SroiAnalysis) => SroiAnalysis,
  quantitiesByYear?: Record<string, number[]>,
) {
  const changed = change(valid());
  const issues = validateAnalysis(changed, quantitiesByYear);
  expect(issues).toHaveLength(1);
  const evaluated = evaluateAnalysis(changed, quantitiesByYear === undefined ? {} : { quantitiesByYear });
  expect(evaluated.ok).toBe(false);
  const [issue] = issues;
  return [issue?.code, issue?.message];
}

const withOutcome = (fields: Partial<SroiOutcome>) => (draft: SroiAnalysis) => ({
  ...draft,
  outcomes: draft.outcomes.map((entry, index) => (index === 0 ? { ...entry, ...fields } : entry)),
});

describe('validateAnalysis', () => {
  it('accepts a valid analysis', () => {
    expect(validateAnalysis(valid())).toEqual([]);
  });

  it.each(['deadweight', 'displacement', 'attribution', 'dropOff'] as const)(
    'refuses %s outside [0, 1]',
    (field) => {
      expect(onlyIssue(withOutcome({ [field]: 1.2 }))).toEqual([
        'rate-range',
        `outcome "staff-retention" ${field} must be between 0 and 1 (got 1.2)`,
      ]);
      expect(onlyIssue(withOutcome({ [field]: -0.1 }))[1]).toBe(
        `outcome "staff-retention" ${field} must be between 0 and 1 (got -0.1)`,
      );
    },
  );

  it('accepts the rates at 0 and 1', () => {
    expect(validateAnalysis(withOutcome({ deadweight: 1, attribution: 0, dropOff: 1 })(valid()))).toEqual([]);
  });

  it('refuses a discount rate outside [0, 1]', () => {
    expect(onlyIssue((draft) => ({ ...draft, discountRate: -0.01 }))).toEqual([
      'rate-range',
      'the analysis discountRate must be between 0 and 1 (got -0.01)',
    ]);
  });

  it('refuses a negative quantity', () => {
    expect(onlyIssue(withOutcome({ quantity: -3 }))).toEqual([
      'negative-quantity',
      'outcome "staff-retention" quantity must not be negative (got -3); a harm is a negative proxyValue',
    ]);
  });

  it('refuses a duration below one year, or beyond the horizon guard', () => {
    expect(onlyIssue(withOutcome({ durationYears: 0.5 }))).toEqual([
      'duration',
      'outcome "staff-retention" durationYears must be at least 1 and at most 100 years (got 0.5)',
    ]);
    expect(onlyIssue(withOutcome({ durationYears: 0 }))[0]).toBe('duration');
    expect(onlyIssue(withOutcome({ durationYears: 101 }))[0]).toBe('duration');
  });

  it('refuses a start year below 1, a fraction of a year, or a calendar year', () => {
    expect(onlyIssue(withOutcome({ startYear: 0 }))).toEqual([
      'start-year',
      'outcome "staff-retention" startYear must be a whole analysis year from 1 (the first year) to 100 (got 0)',
    ]);
    expect(onlyIssue(withOutcome({ startYear: 1.5 }))[0]).toBe('start-year');
    expect(onlyIssue(withOutcome({ startYear: 2026 }))[1]).toContain('(got 2026)');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses a non-finite number anywhere (%s)', (bad) => {
    expect(onlyIssue(withOutcome({ proxyValue: bad }))).toEqual([
      'non-finite',
      `outcome "staff-retention" proxyValue must be a finite number (got ${bad})`,
    ]);
    expect(onlyIssue(withOutcome({ deadweight: bad }))[0]).toBe('non-finite');
    expect(onlyIssue((draft) => ({ ...draft, discountRate: bad }))[1]).toBe(
      `the analysis discountRate must be a finite number (got ${bad})`,
    );
    expect(onlyIssue((draft) => ({ ...draft, inputs: [input(bad)] }))).toEqual([
      'non-finite',
      `inputs[0] value must be a finite number (got ${bad})`,
    ]);
    const link = {
      model: 'm',
      scenario: 's',
      baseline: 'b',
      variable: 'v',
      aggregation: 'year-end',
      scale: bad,
    } as const;
    expect(onlyIssue(withOutcome({ quantityLink: link }))[1]).toBe(
      `outcome "staff-retention" quantityLink.scale must be a finite number (got ${bad})`,
    );
  });

  it('refuses missing inputs and inputs that add up to zero', () => {
    expect(onlyIssue((draft) => ({ ...draft, inputs: [] }))).toEqual([
      'no-inputs',
      'the analysis inputs must list at least one input: the SROI ratio divides by their total',
    ]);
    expect(onlyIssue((draft) => ({ ...draft, inputs: [input(0), input(0)] }))).toEqual([
      'no-inputs',
      'the analysis inputs add up to 0: the SROI ratio needs inputs worth more than zero',
    ]);
  });

  it('refuses a negative input, naming its index', () => {
    expect(onlyIssue((draft) => ({ ...draft, inputs: [input(1000), input(-5)] }))).toEqual([
      'negative-input',
      'inputs[1] value must not be negative (got -5)',
    ]);
  });

  it('checks time in kind: hours × hourly rate gives the value, and only for in-kind inputs', () => {
    const timed = (fields: Parameters<typeof input>[1]) => (draft: SroiAnalysis) => ({
      ...draft,
      inputs: [input(1000), input(200, { stakeholder: 'Staff', description: 'time', ...fields })],
    });
    expect(onlyIssue(timed({ kind: 'in-kind', hours: 10, hourlyRate: 25 }))).toEqual([
      'in-kind',
      'inputs[1] value must equal hours × hourlyRate = 10 × 25 = 250 (got 200)',
    ]);
    expect(onlyIssue(timed({ kind: 'in-kind', hours: 8 }))).toEqual([
      'in-kind',
      'inputs[1] hourlyRate is missing: time in kind is valued as hours × hourlyRate',
    ]);
    expect(onlyIssue(timed({ kind: 'cash', hours: 8, hourlyRate: 25 }))).toEqual([
      'in-kind',
      'inputs[1] kind must be "in-kind" for an input valued as hours × hourlyRate',
    ]);
    // The editor may store the product rounded to the cent: 8 × 25.0006 = 200.0048 passes as 200.
    expect(validateAnalysis(timed({ kind: 'in-kind', hours: 8, hourlyRate: 25.0006 })(valid()))).toEqual([]);
    expect(validateAnalysis(timed({ kind: 'in-kind' })(valid()))).toEqual([]);
  });

  it('refuses two outcomes with one id, naming the second by position', () => {
    expect(
      onlyIssue((draft) => ({ ...draft, outcomes: [outcome({ id: 'x' }), outcome({ id: 'x' })] })),
    ).toEqual(['duplicate-id', 'outcomes[1] id "x" is used by an earlier outcome']);
  });

  it('refuses a stakeholder missing from the stakeholders list, when there is one', () => {
    const listed = (draft: SroiAnalysis) => ({
      ...draft,
      stakeholders: [{ name: 'Staff' }, { name: 'The business' }],
    });
    expect(onlyIssue(listed)).toEqual([
      'unknown-stakeholder',
      'outcome "customers" stakeholder "Customers" is not in the analysis\'s stakeholders list',
    ]);
    expect(
      validateAnalysis({ ...listed(valid()), stakeholders: [{ name: 'Staff' }, { name: 'Customers' }] }),
    ).toEqual([
      expect.objectContaining({ code: 'unknown-stakeholder', inputIndex: 0, field: 'stakeholder' }),
    ]);
  });

  describe('simulated quantities', () => {
    const link = {
      model: 'Empathy SMB',
      scenario: 'Empathy programme',
      baseline: 'Status quo',
      variable: 'Customers',
      aggregation: 'annual-mean',
    } as const;
    const linked = withOutcome({ quantityLink: link, durationYears: 3 });

    it('accepts enough finite years, negative ones included (a year the scenario falls behind)', () => {
      expect(validateAnalysis(linked(valid()), { 'staff-retention': [1, -2, 3] })).toEqual([]);
    });

    it('refuses too few years', () => {
      expect(onlyIssue(linked, { 'staff-retention': [1, 2] })).toEqual([
        'linked-quantities',
        'outcome "staff-retention" quantityLink gave quantities for 2 years; the outcome lasts until year 3',
      ]);
    });

    it('refuses a non-finite year', () => {
      expect(onlyIssue(linked, { 'staff-retention': [1, Number.NaN, 3] })).toEqual([
        'non-finite',
        'outcome "staff-retention" quantityLink gave a quantity that is not a finite number in year 2 (got NaN)',
      ]);
    });

    it('refuses quantities for an outcome without a link, or for no outcome at all', () => {
      expect(onlyIssue((draft) => draft, { customers: [1] })).toEqual([
        'linked-quantities',
        'outcome "customers" quantityLink is missing, yet simulated quantities were given for this outcome',
      ]);
      expect(onlyIssue((draft) => draft, { nope: [1] })).toEqual([
        'linked-quantities',
        'outcome "nope" is not an outcome of the analysis, yet simulated quantities were given for it',
      ]);
    });
  });

  it('lists every problem, in the order of the document', () => {
    const issues = validateAnalysis({
      ...valid(),
      inputs: [],
      outcomes: [outcome({ id: 'a', deadweight: 2, quantity: -1 }), outcome({ id: 'b', durationYears: 0 })],
    });
    expect(issues.map((issue) => [issue.code, issue.outcomeId ?? issue.field])).toEqual([
      ['no-inputs', 'inputs'],
      ['negative-quantity', 'a'],
      ['rate-range', 'a'],
      ['duration', 'b'],
    ]);
  });
});
