/**
 * Scenario overrides against the open model: whether a saved scenario is the one applied, and fitting a
 * scenario's overrides to the model's constants before a run. Names compare as XMILE names do (case, spaces and
 * underscores ignored), so a scenario written by hand as `training_budget` still matches `Training budget`.
 */
import { canonicalName, type ParameterInfo } from '../../../../model/sd';
import type { Overrides } from '../engine/protocol';

/** The overrides keyed by canonical name (a later spelling of the same name wins, as the engine applies them). */
export function canonicalOverrides(overrides: Overrides): Map<string, number> {
  return new Map(Object.entries(overrides).map(([name, value]) => [canonicalName(name), value]));
}

/** True when both set the same constants to the same values. */
export function sameOverrides(a: Overrides, b: Overrides): boolean {
  const left = canonicalOverrides(a);
  const right = canonicalOverrides(b);
  if (left.size !== right.size) return false;
  for (const [name, value] of left) {
    if (!Object.is(right.get(name), value)) return false;
  }
  return true;
}

export interface FittedOverrides {
  /** The overrides the model can take, keyed by each constant's name as written in the model. */
  readonly overrides: Overrides;
  /** Names that are not constants of this model (a scenario made for another version of it). */
  readonly ignored: readonly string[];
}

/**
 * Keeps the overrides that name a constant of the model, under the model's spelling; lists the others. A run
 * with an unknown name fails as a whole (parameterVector), so a scenario saved before a constant was renamed
 * still runs, and says what it left out.
 */
export function fitOverrides(overrides: Overrides, parameters: readonly ParameterInfo[]): FittedOverrides {
  const byId = new Map(parameters.map((parameter) => [parameter.id, parameter.name]));
  const fitted: Record<string, number> = {};
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const known = byId.get(canonicalName(name));
    if (known === undefined) ignored.push(name);
    else fitted[known] = value;
  }
  return { overrides: fitted, ignored };
}

/** A name for a copy or a new scenario that is not taken yet: "Name (2)", "Name (3)", ... */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.trim().toLowerCase()));
  if (!used.has(wanted.trim().toLowerCase())) return wanted;
  const stem = wanted.replace(/\s*\(\d+\)$/, '');
  for (let index = 2; ; index++) {
    const candidate = `${stem} (${index})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
