/**
 * Shared set-up of the sample-data tests: the empathy reference model and its shipped scenarios, read from
 * `sample-data/` and run through the engine's TypeScript API (model/sd), as the app and the CLI run them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  compileModel,
  readXmile,
  seriesOf,
  simulate,
  type CompiledModel,
  type Diagnostic,
  type ModelDocument,
  type SimulationResult,
} from '../../model/sd';
import { scenarioFileSchema, type ScenarioFile } from '../../model/schema/scenario';

export const SAMPLE_DATA = resolve(import.meta.dirname, '../../sample-data');
export const MODEL_FILE = join(SAMPLE_DATA, 'empathy-smb.xmile');
export const SCENARIO_DIR = join(SAMPLE_DATA, 'scenarios');

/** The policy levers DESIGN.md names, as written in the model. */
export const LEVERS = [
  'Training budget',
  'Leadership commitment',
  'Hiring policy',
  'Automation level',
  'Human handoff',
  'Overtime policy',
] as const;

/** The feedback loops DESIGN.md asks the model to make visible. */
export const LOOP_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'B1', 'B2', 'B3', 'B4'] as const;

const describeDiagnostics = (diagnostics: readonly Diagnostic[]): string =>
  diagnostics.map((diagnostic) => diagnostic.message).join('; ');

export function readModelText(): string {
  return readFileSync(MODEL_FILE, 'utf8');
}

export function readModel(): ModelDocument {
  const read = readXmile(readModelText(), basename(MODEL_FILE));
  if (!read.ok) throw new Error(`empathy-smb.xmile does not read: ${describeDiagnostics(read.errors)}`);
  return read.value;
}

export function compileSample(document: ModelDocument = readModel()): CompiledModel {
  const compiled = compileModel(document);
  if (!compiled.ok)
    throw new Error(`empathy-smb.xmile does not compile: ${describeDiagnostics(compiled.errors)}`);
  return compiled.value;
}

/** Every shipped scenario file by its file name without `.json`, parsed with the app's scenario-file schema. */
export function readScenarios(): Map<string, ScenarioFile> {
  const scenarios = new Map<string, ScenarioFile>();
  for (const file of readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = scenarioFileSchema.safeParse(JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a scenario file: ${parsed.error.message}`);
    scenarios.set(basename(file, '.json'), parsed.data);
  }
  return scenarios;
}

/** Overrides of a shipped scenario, by file name without `.json`. */
export function scenarioOverrides(
  scenarios: ReadonlyMap<string, ScenarioFile>,
  file: string,
): Record<string, number> {
  const scenario = scenarios.get(file);
  if (scenario === undefined) throw new Error(`no scenario file ${file}.json`);
  return scenario.overrides;
}

/** One run with constants (and stock initial values) overridden by name. */
export function run(
  model: CompiledModel,
  overrides: Readonly<Record<string, number>> = {},
): SimulationResult {
  const parameters = model.parameterVector(overrides);
  if (!parameters.ok) throw new Error(`bad overrides: ${describeDiagnostics(parameters.errors)}`);
  return simulate(model, { parameters: parameters.value });
}

/** A variable's value at a time (the last saved time, the horizon, when none is given). */
export function valueAt(result: SimulationResult, name: string, time?: number): number {
  const series = seriesOf(result, name);
  if (series === undefined) throw new Error(`"${name}" is not in the results`);
  const index =
    time === undefined
      ? result.time.length - 1
      : result.time.findIndex((saved) => Math.abs(saved - time) < 1e-9);
  const value = series[index];
  if (value === undefined) throw new Error(`no saved value of "${name}" at time ${String(time)}`);
  return value;
}

/** The model's own value of a constant or stock initial value. */
export function defaultValue(model: CompiledModel, name: string): number {
  const index = model.parameterIndex(name);
  const value = model.defaultParameters()[index];
  if (index < 0 || value === undefined) throw new Error(`"${name}" is not a constant of the model`);
  return value;
}
