import { describe, expect, it } from 'vitest';
import { sroiAnalysisSchema, validateAnalysis, type SroiAnalysis } from '../../../../model/sroi';
import {
  addInput,
  addOutcome,
  addStakeholder,
  duplicateOutcome,
  freeOutcomeId,
  moveOutcome,
  removeOutcome,
  removeStakeholder,
  setAnalysisFields,
  setScope,
  updateInput,
  updateOutcome,
  updateStakeholder,
} from '../../../../renderer/src/sroi/session/analysis-edits';

const base: SroiAnalysis = {
  name: 'Coaching',
  discountRate: 0.035,
  stakeholders: [{ name: 'Staff' }, { name: 'Firm' }],
  inputs: [{ stakeholder: 'Firm', description: 'Fees', value: 1000, kind: 'cash' }],
  outcomes: [],
};

/** Every edit leaves a document the schema reads, so every state can be saved. */
const saveable = (analysis: SroiAnalysis) =>
  expect(sroiAnalysisSchema.safeParse(analysis).success).toBe(true);

describe('analysis edits', () => {
  it('adds outcomes with free ids and neutral figures that the method accepts', () => {
    const once = addOutcome(base);
    const twice = addOutcome(once);
    expect(twice.outcomes.map((outcome) => outcome.id)).toEqual(['outcome-1', 'outcome-2']);
    expect(twice.outcomes[0]).toMatchObject({
      stakeholder: 'Staff',
      quantity: 0,
      deadweight: 0,
      durationYears: 1,
    });
    saveable(twice);
    expect(validateAnalysis(twice)).toEqual([]);
    expect(freeOutcomeId([{ id: 'outcome-2' }, { id: 'x' }])).toBe('outcome-3');
  });

  it('renames a stakeholder in the inputs and outcomes that named it, in one step', () => {
    const withOutcome = addOutcome({ ...base, stakeholders: [{ name: 'Firm' }, { name: 'Staff' }] });
    const renamed = updateStakeholder(0, { name: 'The business' })(withOutcome);
    expect(renamed.inputs[0]?.stakeholder).toBe('The business');
    expect(renamed.outcomes[0]?.stakeholder).toBe('The business');
    expect(validateAnalysis(renamed)).toEqual([]);
  });

  it('records a stakeholder left out, and drops the list when its last entry goes', () => {
    const left = updateStakeholder(1, { included: false, reason: 'No material change' })(base);
    expect(left.stakeholders?.[1]).toEqual({ name: 'Firm', included: false, reason: 'No material change' });
    const back = updateStakeholder(1, { included: undefined, reason: undefined })(left);
    expect(back.stakeholders?.[1]).toEqual({ name: 'Firm' });
    const none = removeStakeholder(0)(removeStakeholder(0)(base));
    expect('stakeholders' in none).toBe(false);
    expect(addStakeholder('Customers')(none).stakeholders).toEqual([{ name: 'Customers', included: true }]);
  });

  it('values time in kind as hours × rate to the cent, and keeps the value when the kind changes', () => {
    const inKind = updateInput(0, { kind: 'in-kind' })(base);
    expect(inKind.inputs[0]).toEqual({
      stakeholder: 'Firm',
      description: 'Fees',
      value: 1000,
      kind: 'in-kind',
      hours: 1,
      hourlyRate: 1000,
    });
    const timed = updateInput(0, { hours: 368, hourlyRate: 25.005 })(inKind);
    expect(timed.inputs[0]?.value).toBe(9201.84);
    expect(validateAnalysis(timed)).toEqual([]);
    const cash = updateInput(0, { kind: 'cash' })(timed);
    expect(cash.inputs[0]).toEqual({
      stakeholder: 'Firm',
      description: 'Fees',
      value: 9201.84,
      kind: 'cash',
    });
    const added = addInput('in-kind')(base);
    expect(added.inputs[1]).toMatchObject({ kind: 'in-kind', hours: 0, hourlyRate: 0, value: 0 });
    saveable(added);
  });

  it('moves, duplicates and removes rows; an emptied optional field leaves the file', () => {
    const three = addOutcome(addOutcome(addOutcome(base)));
    const moved = moveOutcome(2, -1)(three);
    expect(moved.outcomes.map((outcome) => outcome.id)).toEqual(['outcome-1', 'outcome-3', 'outcome-2']);
    expect(moveOutcome(0, -1)(three).outcomes).toEqual(three.outcomes);
    const copied = duplicateOutcome(0)(duplicateOutcome(0)(three));
    expect(copied.outcomes.map((outcome) => outcome.id)).toEqual([
      'outcome-1',
      'outcome-1-copy-2',
      'outcome-1-copy',
      'outcome-2',
      'outcome-3',
    ]);
    expect(removeOutcome(1)(three).outcomes.map((outcome) => outcome.id)).toEqual(['outcome-1', 'outcome-3']);
    const noted = updateOutcome(0, { notes: 'Why' })(three);
    expect(updateOutcome(0, { notes: undefined })(noted).outcomes[0]).not.toHaveProperty('notes');
  });

  it('sets the analysis fields and the scope, dropping a scope that is emptied', () => {
    const set = setAnalysisFields({ discountRate: 0.05, currency: 'EUR' })(base);
    expect(set).toMatchObject({ discountRate: 0.05, currency: 'EUR' });
    expect(setAnalysisFields({ currency: undefined })(set)).not.toHaveProperty('currency');
    const scoped = setScope({ purpose: 'Decide' })(base);
    expect(scoped.scope).toEqual({ purpose: 'Decide' });
    expect(setScope({ purpose: undefined })(scoped)).not.toHaveProperty('scope');
  });
});
