/** Small analyses for the SROI tests: every field of an impact-map row written out, defaults neutral. */
import type { SroiAnalysis, SroiInput, SroiOutcome } from '../../../model/sroi';

export function outcome(fields: Partial<SroiOutcome> & Pick<SroiOutcome, 'id'>): SroiOutcome {
  return {
    stakeholder: 'Staff',
    outcome: `the ${fields.id} outcome`,
    indicator: 'people',
    quantity: 1,
    durationYears: 1,
    startYear: 1,
    proxyValue: 1000,
    proxySource: 'test proxy',
    deadweight: 0,
    displacement: 0,
    attribution: 0,
    dropOff: 0,
    ...fields,
  };
}

export function input(value: number, fields: Partial<SroiInput> = {}): SroiInput {
  return { stakeholder: 'The business', description: 'cash', value, ...fields };
}

export function analysis(
  outcomes: readonly SroiOutcome[],
  inputs: readonly SroiInput[],
  fields: Partial<SroiAnalysis> = {},
): SroiAnalysis {
  return {
    name: 'Test analysis',
    discountRate: 0.035,
    inputs: [...inputs],
    outcomes: [...outcomes],
    ...fields,
  };
}
