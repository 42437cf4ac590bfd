import { describe, expect, it } from 'vitest';
import { validateAnalysis, type SroiAnalysis } from '../../../../model/sroi';
import {
  analysisCell,
  cellMessage,
  inputCell,
  NO_INPUTS_CELL,
  numberText,
  outcomeCell,
  parseTypedNumber,
  placeIssues,
} from '../../../../renderer/src/sroi/editor/cell-issues';

const outcome = {
  id: 'calm',
  stakeholder: 'Staff',
  outcome: 'Calmer staff',
  indicator: 'Survey',
  quantity: 10,
  durationYears: 2,
  startYear: 1,
  proxyValue: 200,
  proxySource: 'Assumption',
  deadweight: 0.1,
  displacement: 0,
  attribution: 0.2,
  dropOff: 0.3,
};

const analysis: SroiAnalysis = {
  name: 'Coaching',
  discountRate: 1.5,
  inputs: [{ stakeholder: 'Firm', description: 'Fees', value: -5 }],
  outcomes: [
    { ...outcome, deadweight: 1.2 },
    { ...outcome, quantity: -3 },
    { ...outcome, id: 'calm', durationYears: 0.5 },
  ],
};

describe('issues placed on cells', () => {
  it('puts each issue of the calculator on the cell it names, worded for that cell', () => {
    const placed = placeIssues(validateAnalysis(analysis), analysis);
    const at = (cell: string) => placed.byCell.get(cell)?.map(cellMessage);
    expect(at(analysisCell('discountRate'))).toEqual(['Must be between 0% and 100% (got 150%)']);
    expect(at(inputCell(0, 'value'))).toEqual(['Must not be negative (got -5)']);
    expect(at(outcomeCell(0, 'deadweight'))).toEqual(['Must be between 0% and 100% (got 120%)']);
    // Issues that name an outcome by a duplicated id land on the first row with that id, except the
    // duplicate-id issue itself, which names the row by position.
    expect(at(outcomeCell(2, 'id'))).toEqual(['"calm" is used by an earlier outcome']);
    expect(at(outcomeCell(0, 'quantity'))).toEqual([
      'Must not be negative (got -3); a harm is a negative proxyValue',
    ]);
    expect(placed.general).toEqual([]);
  });

  it('shows missing inputs where inputs are added, and inputs worth nothing at each zero', () => {
    const empty: SroiAnalysis = { name: 'Empty', discountRate: 0.035, inputs: [], outcomes: [] };
    const none = placeIssues(validateAnalysis(empty), empty);
    expect(none.general).toEqual([]);
    expect(none.byCell.get(NO_INPUTS_CELL)?.map(cellMessage)).toEqual([
      'Add at least one input: the SROI ratio divides the value created by their total',
    ]);

    const zero: SroiAnalysis = {
      ...empty,
      inputs: [
        { stakeholder: 'Firm', description: 'Fees', value: 0, kind: 'cash' },
        { stakeholder: 'Staff', description: 'Time', value: 0, kind: 'in-kind', hours: 10, hourlyRate: 0 },
      ],
    };
    const zeros = placeIssues(validateAnalysis(zero), zero);
    const message = ['The inputs add up to zero: the SROI ratio needs inputs worth more than zero'];
    expect(zeros.byCell.get(inputCell(0, 'value'))?.map(cellMessage)).toEqual(message);
    expect(zeros.byCell.get(inputCell(1, 'hourlyRate'))?.map(cellMessage)).toEqual(message);
    expect(zeros.general).toEqual([]);
  });

  it('keeps issues about the analysis as a whole apart', () => {
    const unknown = { code: 'shape', message: 'the analysis has an unknown field "notes"' } as const;
    expect(
      placeIssues([unknown], { name: 'x', discountRate: 0.035, inputs: [], outcomes: [] }).general,
    ).toEqual([unknown]);
  });
});

describe('typed numbers', () => {
  it('reads what people type: grouping, a Unicode minus, a trailing % on a percentage cell', () => {
    expect(parseTypedNumber(' 10,080 ', false)).toEqual({ ok: true, value: 10080 });
    expect(parseTypedNumber('\u22123.5', false)).toEqual({ ok: true, value: -3.5 });
    expect(parseTypedNumber('25%', true)).toEqual({ ok: true, value: 0.25 });
    expect(parseTypedNumber('120', true)).toEqual({ ok: true, value: 1.2 });
    expect(parseTypedNumber('.5', false)).toEqual({ ok: true, value: 0.5 });
    expect(parseTypedNumber('1e3', false)).toEqual({ ok: true, value: 1000 });
  });

  it('refuses what is not a number, with a message that says it is not saved', () => {
    expect(parseTypedNumber('ten', false)).toEqual({
      ok: false,
      message: '“ten” is not a number; not saved until it is',
    });
    expect(parseTypedNumber('', false)).toEqual({
      ok: false,
      message: 'Needs a number; not saved until it has one',
    });
    expect(parseTypedNumber('0x10', false).ok).toBe(false);
    expect(parseTypedNumber('Infinity', false).ok).toBe(false);
    expect(parseTypedNumber('1e999', false).ok).toBe(false);
  });

  it('shows a stored number for typing, shares as percentages without float noise', () => {
    expect(numberText(0.035, true)).toBe('3.5');
    expect(numberText(0.07, true)).toBe('7');
    expect(numberText(1.15, false)).toBe('1.15');
    expect(numberText(Number.NaN, false)).toBe('');
  });
});
