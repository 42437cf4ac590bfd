/** Reading fixture and inline models for the editing tests, and comparing their simulations. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import {
  compileModel,
  readXmile,
  simulate,
  writeXmile,
  type ModelDocument,
  type Outcome,
} from '../../../../model/sd';

export const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/sd-test-models');

export function readDocument(text: string): ModelDocument {
  const outcome = readXmile(text);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  return outcome.value;
}

export const fixture = (path: string): ModelDocument =>
  readDocument(readFileSync(resolve(FIXTURES, path), 'utf8'));

export const teacupWithDiagram = (): ModelDocument =>
  fixture('core-xmile/sample_teacup/teacup_w_diagram.xmile');
export const teacupWithoutView = (): ModelDocument => fixture('core-xmile/sample_teacup/teacup.xmile');

export function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  return outcome.value;
}

/** The document written as XMILE and read back: what a save and a reopen give. */
export const roundTrip = (document: ModelDocument): ModelDocument => readDocument(writeXmile(document));

/** Every saved series of a simulation, by display name. */
export function seriesByName(document: ModelDocument): Map<string, number[]> {
  const compiled = value(compileModel(document));
  const result = simulate(compiled);
  return new Map(result.names.map((name, index) => [name, Array.from(result.series[index] ?? [])]));
}

/** Two models simulate alike: the same series, in order, with the names mapped by `renamed`. */
export function expectSameRuns(
  before: ModelDocument,
  after: ModelDocument,
  renamed: Readonly<Record<string, string>> = {},
): void {
  const a = seriesByName(before);
  const b = seriesByName(after);
  expect(b.size).toBe(a.size);
  for (const [name, series] of a) expect(b.get(renamed[name] ?? name), name).toEqual(series);
}
