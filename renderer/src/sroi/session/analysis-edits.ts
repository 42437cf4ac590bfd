/**
 * The editor's changes to an analysis, as pure functions from one document to the next: the session records
 * each as one undo step (or previews it while a cell is being typed in). Each keeps the document in the shape the
 * schema reads (model/sroi/analysis.ts), so every state can be saved; the method's rules may be broken for a
 * while (a deadweight of 1.2 on its way to 0.12) and are reported as issues, not refused.
 */
import type {
  SroiAnalysis,
  SroiInput,
  SroiOutcome,
  SroiScope,
  SroiStakeholder,
} from '../../../../model/sroi';

export type AnalysisEdit = (analysis: SroiAnalysis) => SroiAnalysis;

/** The keys of T that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** Fields to change; `undefined` empties an optional field (a required one can only be given a value). */
export type Change<T> = { [K in Exclude<keyof T, OptionalKeys<T>>]?: T[K] } & {
  [K in OptionalKeys<T>]?: T[K] | undefined;
};

/** A document after a change, before compact() drops the emptied optional fields. */
type Loose<T> = { [K in keyof T]: T[K] | undefined };

/** Leaves out the keys whose value is undefined, so an emptied optional field disappears from the file. */
function compact<T extends object>(value: Loose<T>): T {
  // Every key left has a value; required keys never held undefined (Change allows it for optional keys only).
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const replaceAt = <T>(list: readonly T[], index: number, next: T): T[] =>
  list.map((item, position) => (position === index ? next : item));

const withoutAt = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, position) => position !== index);

function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export const setAnalysisFields =
  (fields: Change<Pick<SroiAnalysis, 'description' | 'currency' | 'discountRate'>>): AnalysisEdit =>
  (analysis) =>
    compact<SroiAnalysis>({ ...analysis, ...fields });

export const setScope =
  (fields: Change<SroiScope>): AnalysisEdit =>
  (analysis) => {
    const scope = compact<SroiScope>({ ...analysis.scope, ...fields });
    return compact<SroiAnalysis>({ ...analysis, scope: Object.keys(scope).length === 0 ? undefined : scope });
  };

// Stakeholders (Guide stage 1.2)

export const addStakeholder =
  (name: string): AnalysisEdit =>
  (analysis) => ({
    ...analysis,
    stakeholders: [...(analysis.stakeholders ?? []), { name, included: true }],
  });

/**
 * Changes a stakeholder; a new name follows into the outcomes and inputs that named the old one, in the same
 * step, so renaming "Staff" to "Customer-service staff" does not leave every outcome pointing at nothing.
 */
export const updateStakeholder =
  (index: number, change: Change<SroiStakeholder>): AnalysisEdit =>
  (analysis) => {
    const stakeholders = analysis.stakeholders ?? [];
    const current = stakeholders[index];
    if (current === undefined) return analysis;
    const next = compact<SroiStakeholder>({ ...current, ...change });
    const renamed = change.name !== undefined && change.name !== current.name;
    const follow = <T extends { stakeholder: string }>(item: T): T =>
      renamed && item.stakeholder === current.name ? { ...item, stakeholder: next.name } : item;
    return {
      ...analysis,
      stakeholders: replaceAt(stakeholders, index, next),
      inputs: analysis.inputs.map(follow),
      outcomes: analysis.outcomes.map(follow),
    };
  };

export const removeStakeholder =
  (index: number): AnalysisEdit =>
  (analysis) => {
    const stakeholders = withoutAt(analysis.stakeholders ?? [], index);
    // An empty list would make every outcome's stakeholder unknown; no list means no check.
    return compact<SroiAnalysis>({
      ...analysis,
      stakeholders: stakeholders.length === 0 ? undefined : stakeholders,
    });
  };

// Inputs (Guide stage 2.2)

/** Cents, so hours × rate is stored as the money it is (validate.ts allows half a cent). */
const toCents = (value: number): number => Math.round(value * 100) / 100;

export function defaultStakeholder(analysis: SroiAnalysis): string {
  return (
    analysis.stakeholders?.find((stakeholder) => stakeholder.included !== false)?.name ??
    analysis.inputs[0]?.stakeholder ??
    analysis.outcomes[0]?.stakeholder ??
    'The organisation'
  );
}

export const addInput =
  (kind: 'cash' | 'in-kind'): AnalysisEdit =>
  (analysis) => {
    const stakeholder = defaultStakeholder(analysis);
    const input: SroiInput =
      kind === 'cash'
        ? { stakeholder, description: 'Cash input', value: 0, kind }
        : { stakeholder, description: 'Time given in kind', value: 0, kind, hours: 0, hourlyRate: 0 };
    return { ...analysis, inputs: [...analysis.inputs, input] };
  };

/**
 * Changes an input. Time in kind is valued as hours × hourly rate (the Guide's valuation of volunteer time), so
 * its value follows them; switching an input to in-kind keeps its value as one hour at that rate, and back to
 * cash keeps the value and drops the hours.
 */
export const updateInput =
  (index: number, change: Change<SroiInput>): AnalysisEdit =>
  (analysis) => {
    const current = analysis.inputs[index];
    if (current === undefined) return analysis;
    let next: Loose<SroiInput> = { ...current, ...change };
    if (change.kind === 'cash') next = { ...next, hours: undefined, hourlyRate: undefined };
    if (change.kind === 'in-kind' && current.kind !== 'in-kind')
      next = { ...next, hours: 1, hourlyRate: current.value };
    if (next.kind === 'in-kind' && next.hours !== undefined && next.hourlyRate !== undefined)
      next = { ...next, value: toCents(next.hours * next.hourlyRate) };
    return { ...analysis, inputs: replaceAt(analysis.inputs, index, compact<SroiInput>(next)) };
  };

export const removeInput =
  (index: number): AnalysisEdit =>
  (analysis) => ({ ...analysis, inputs: withoutAt(analysis.inputs, index) });

// Outcomes: the impact map's rows (Guide stages 2 to 4)

/** "outcome-4", the first of "outcome-1", "outcome-2", ... that no outcome uses. */
export function freeOutcomeId(outcomes: readonly Pick<SroiOutcome, 'id'>[]): string {
  const taken = new Set(outcomes.map((outcome) => outcome.id));
  for (let suffix = outcomes.length + 1; ; suffix++) {
    const id = `outcome-${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * A new row with neutral figures: nothing counted until a quantity and a proxy are given, no deadweight or
 * attribution taken off until the analyst decides them, a one-year outcome from year 1.
 */
export const addOutcome: AnalysisEdit = (analysis) => ({
  ...analysis,
  outcomes: [
    ...analysis.outcomes,
    {
      id: freeOutcomeId(analysis.outcomes),
      stakeholder: defaultStakeholder(analysis),
      outcome: 'New outcome',
      indicator: 'How it is measured',
      quantity: 0,
      durationYears: 1,
      startYear: 1,
      proxyValue: 0,
      proxySource: 'Source to be recorded',
      deadweight: 0,
      displacement: 0,
      attribution: 0,
      dropOff: 0,
    },
  ],
});

export const updateOutcome =
  (index: number, change: Change<SroiOutcome>): AnalysisEdit =>
  (analysis) => {
    const current = analysis.outcomes[index];
    if (current === undefined) return analysis;
    return {
      ...analysis,
      outcomes: replaceAt(analysis.outcomes, index, compact<SroiOutcome>({ ...current, ...change })),
    };
  };

export const removeOutcome =
  (index: number): AnalysisEdit =>
  (analysis) => ({ ...analysis, outcomes: withoutAt(analysis.outcomes, index) });

export const moveOutcome =
  (index: number, by: -1 | 1): AnalysisEdit =>
  (analysis) => ({ ...analysis, outcomes: moved(analysis.outcomes, index, by) });

/** A copy of the row under it, with an id of its own. */
export const duplicateOutcome =
  (index: number): AnalysisEdit =>
  (analysis) => {
    const source = analysis.outcomes[index];
    if (source === undefined) return analysis;
    const taken = new Set(analysis.outcomes.map((outcome) => outcome.id));
    let id = `${source.id}-copy`;
    for (let suffix = 2; taken.has(id); suffix++) id = `${source.id}-copy-${suffix}`;
    const copy = { ...source, id };
    const outcomes = [...analysis.outcomes];
    outcomes.splice(index + 1, 0, copy);
    return { ...analysis, outcomes };
  };
