/** Reading an analysis from JSON: the CLI's file format, defaults, and shape errors that name the outcome's id. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCOUNT_RATE, parseAnalysis } from '../../../model/sroi';

const row = {
  id: 'staff-retention',
  stakeholder: 'The business',
  outcome: 'Staff stay instead of leaving',
  indicator: 'leavers avoided per year',
  quantity: 1,
  durationYears: 3,
  startYear: 1,
  proxyValue: 10080,
  proxySource: 'Boushey & Glynn 2012',
  deadweight: 0,
  displacement: 0,
  attribution: 0.25,
  dropOff: 0,
};
const file = {
  name: 'Empathy training',
  discountRate: 0.035,
  inputs: [{ stakeholder: 'The business', description: 'Trainer fees', value: 1000 }],
  outcomes: [row],
};

const messages = (json: unknown) => {
  const parsed = parseAnalysis(json);
  return parsed.ok ? [] : parsed.errors.map((issue) => issue.message);
};

describe('parseAnalysis', () => {
  it('reads the CLI format and defaults the discount rate to the Green Book’s 3.5%', () => {
    const parsed = parseAnalysis(file);
    expect(parsed.ok).toBe(true);
    const { discountRate: _rate, ...withoutRate } = file;
    const defaulted = parseAnalysis(withoutRate);
    expect(defaulted.ok && defaulted.value.discountRate).toBe(DEFAULT_DISCOUNT_RATE);
    expect(DEFAULT_DISCOUNT_RATE).toBe(0.035);
  });

  it('reads the optional fields the editor writes', () => {
    const parsed = parseAnalysis({
      ...file,
      description: 'A year of empathy training',
      currency: 'USD',
      scope: {
        purpose: 'decide',
        audience: 'owners',
        activities: 'training',
        period: '2025',
        kind: 'forecast',
      },
      stakeholders: [
        { name: 'The business', description: 'owners' },
        { name: 'Local community', included: false, reason: 'no material change' },
      ],
      inputs: [
        {
          stakeholder: 'The business',
          description: 'Staff time',
          value: 250,
          kind: 'in-kind',
          hours: 10,
          hourlyRate: 25,
        },
      ],
      outcomes: [
        {
          ...row,
          intendedChange: 'fewer quits',
          outputs: '23 staff trained',
          financialProxy: 'replacement cost',
          notes: 'why the rates are what they are',
          quantityLink: {
            model: 'Empathy SMB',
            scenario: 'Empathy programme',
            baseline: 'Status quo',
            variable: 'Total quits',
            aggregation: 'annual-sum',
            scale: -1,
          },
        },
      ],
    });
    expect(parsed.ok).toBe(true);
  });

  it('names the outcome by its id and the field when a number is missing or is text', () => {
    const { deadweight: _deadweight, ...missing } = row;
    expect(messages({ ...file, outcomes: [missing] })).toEqual([
      'outcome "staff-retention" deadweight is missing',
    ]);
    expect(messages({ ...file, outcomes: [{ ...row, quantity: '12' }] })).toEqual([
      'outcome "staff-retention" quantity must be a finite number (got "12")',
    ]);
  });

  it('names a non-finite number (JSON spells infinity 1e999)', () => {
    const parsed = parseAnalysis(
      JSON.parse(JSON.stringify(file).replace('"proxyValue":10080', '"proxyValue":1e999')),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        code: 'non-finite',
        outcomeId: 'staff-retention',
        field: 'proxyValue',
        message: 'outcome "staff-retention" proxyValue must be a finite number (got Infinity)',
      }),
    ]);
  });

  it('names an outcome without a usable id by its position', () => {
    expect(messages({ ...file, outcomes: [{ ...row, id: '' }] })).toEqual([
      'outcomes[0] id must not be empty',
    ]);
  });

  it('names inputs by index, nested fields with dots, and unknown fields', () => {
    expect(messages({ ...file, inputs: [{ stakeholder: 'x', description: 'y' }] })).toEqual([
      'inputs[0] value is missing',
    ]);
    expect(
      messages({
        ...file,
        outcomes: [
          {
            ...row,
            quantityLink: { model: 'm', scenario: 's', baseline: 'b', variable: 'v', aggregation: 'median' },
          },
        ],
      }),
    ).toEqual([
      'outcome "staff-retention" quantityLink.aggregation must be one of annual-mean, year-end, annual-sum',
    ]);
    expect(messages({ ...file, outcomes: [{ ...row, deadWeight: 0.1 }] })).toEqual([
      'outcome "staff-retention" has an unknown field "deadWeight"',
    ]);
  });

  it('says what is wrong with the document as a whole', () => {
    expect(messages([])).toEqual(['the analysis must be a JSON object']);
    expect(messages({ ...file, outcomes: undefined })).toEqual(['the analysis outcomes is missing']);
    expect(messages({ ...file, name: ' ' })).toEqual(['the analysis name: A SROI analysis needs a name.']);
  });
});
