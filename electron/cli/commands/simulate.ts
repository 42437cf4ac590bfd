/**
 * `simulate MODEL.xmile`: runs a system-dynamics model and writes its results as CSV (`#` stamp lines, then the
 * header `time` and each variable's name as written in the model; one row per saved time) or JSON (the run's
 * stamp, `time` and `variables`). SOURCE_DATE_EPOCH fixes the stamp's date (electron/cli/stamp.ts). Overrides come from a scenario file and `--set NAME=VALUE` (which wins); constants are
 * set through the parameter vector, other variables by replacing their equation with the number.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  DEFAULT_SEED,
  METHODS,
  canonicalName,
  compileModel,
  overrideEquations,
  readXmile,
  simulate,
  type CompiledModel,
  type Diagnostic,
  type IntegrationMethod,
  type SimulationResult,
} from '../../../model/sd';
import { scenarioFileSchema, type ScenarioFile } from '../../../model/schema/scenario';
import { APP_VERSION } from '../../app-info';
import {
  InputError,
  UsageError,
  onlyFile,
  parseCommandArgs,
  parseFormat,
  parseNumberFlag,
  type CliCommand,
  type CliIO,
} from '../command';
import { csvRow, writeResult } from '../output';
import { exportedAt, stampComments } from '../stamp';

/** The scenario file format is the one the app exports and sample-data/scenarios ships (model/schema/scenario.ts). */
const scenarioSchema = scenarioFileSchema;
export type Scenario = ScenarioFile;

/** The first diagnostics as one line (the CLI prints one line per error). */
function describeDiagnostics(what: string, diagnostics: readonly Diagnostic[]): string {
  const [first, ...rest] = diagnostics;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${what}: ${first?.message ?? 'unknown problem'}${more}`;
}

export function parseMethod(value: string | undefined): IntegrationMethod | undefined {
  if (value === undefined) return undefined;
  const method = value.toLowerCase();
  if ((METHODS as readonly string[]).includes(method)) return method as IntegrationMethod;
  throw new UsageError(`--method must be one of ${METHODS.join(', ')} (got "${value}")`);
}

/** `NAME=VALUE` from `--set`; the name may contain spaces (quote it in the shell). */
export function parseAssignment(text: string): [string, number] {
  const equals = text.lastIndexOf('=');
  if (equals <= 0) throw new UsageError(`--set expects NAME=VALUE (got "${text}")`);
  return [
    text.slice(0, equals).trim(),
    parseNumberFlag(`--set ${text.slice(0, equals).trim()}`, text.slice(equals + 1)),
  ];
}

export function readScenario(path: string, io: CliIO): Scenario {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read scenario ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `scenario ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? 'the file' : `"${issue.path.map(String).join('.')}"`;
    throw new InputError(
      `scenario ${path}: ${where} ${issue?.message ?? 'is not a scenario'} (expected { "name": ..., "overrides": { "variable": number } })`,
    );
  }
  return parsed.data;
}

export interface LoadedModel {
  readonly model: CompiledModel;
  readonly text: Buffer;
  readonly fileName: string;
}

/** Reads, applies overrides to and compiles a model file; every problem becomes an InputError naming it. */
export function loadModel(
  path: string,
  io: CliIO,
  options: {
    readonly method?: IntegrationMethod | undefined;
    readonly overrides?: Readonly<Record<string, number>>;
  } = {},
): LoadedModel & { readonly parameters: Float64Array } {
  let text: Buffer;
  try {
    text = readFileSync(resolve(io.cwd, path));
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const fileName = basename(path);
  const read = readXmile(text.toString('utf8'), fileName);
  for (const warning of read.warnings) io.stderr(`warning: ${warning.message}\n`);
  if (!read.ok) throw new InputError(describeDiagnostics(`cannot read ${fileName}`, read.errors));
  const compileOptions = options.method === undefined ? {} : { method: options.method };
  let compiled = compileModel(read.value, compileOptions);
  if (!compiled.ok) throw new InputError(describeDiagnostics(`cannot simulate ${fileName}`, compiled.errors));
  const overrides = options.overrides ?? {};
  // Constants go into the parameter vector; any other variable needs its equation replaced and a recompile.
  const constants: Record<string, number> = {};
  const equations: Record<string, number> = {};
  for (const [name, value] of Object.entries(overrides)) {
    (compiled.value.parameterIndex(name) >= 0 ? constants : equations)[name] = value;
  }
  if (Object.keys(equations).length > 0) {
    const rewritten = overrideEquations(read.value, equations);
    if (!rewritten.ok)
      throw new InputError(describeDiagnostics('cannot apply the overrides', rewritten.errors));
    compiled = compileModel(rewritten.value, compileOptions);
    if (!compiled.ok)
      throw new InputError(
        describeDiagnostics(`cannot simulate ${fileName} with the overrides`, compiled.errors),
      );
  }
  const parameters = compiled.value.parameterVector(constants);
  if (!parameters.ok)
    throw new InputError(describeDiagnostics('cannot apply the overrides', parameters.errors));
  return { model: compiled.value, text, fileName, parameters: parameters.value };
}

/** JSON numbers cannot be NaN or infinite: those become null. */
const jsonNumbers = (values: Float64Array): (number | null)[] =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null));

/** What reproduces a run (issue 9): model hash, scenario, seed, app version, date; field names as in JSON. */
export interface SimulationStamp {
  readonly model: string;
  readonly modelHash: string;
  readonly method: string;
  readonly appVersion: string;
  readonly scenario: string | null;
  /** null when the model draws no random numbers (its run does not depend on a seed). */
  readonly seed: number | null;
  readonly exportedAt: string;
}

/** The run as CSV; with a stamp, its `# key: value` lines come above the header. */
export function toCsv(result: SimulationResult, stamp?: SimulationStamp): string {
  const lines = [
    ...(stamp === undefined
      ? []
      : stampComments('empathy-workbench/simulation@1', [
          ['model', stamp.model],
          ['model_sha256', stamp.modelHash],
          ['scenario', stamp.scenario ?? 'none (the model as written, with any --set)'],
          ['seed', stamp.seed ?? 'none (the model uses no random functions)'],
          ['app_version', stamp.appVersion],
          ['exported_at', stamp.exportedAt],
          ['method', stamp.method],
        ])),
    csvRow(['time', ...result.names]),
  ];
  for (let row = 0; row < result.time.length; row++) {
    lines.push(csvRow([result.time[row], ...result.series.map((series) => series[row])]));
  }
  return `${lines.join('\n')}\n`;
}

const USAGE = `simulate MODEL.xmile [--method euler|rk2|rk4] [--set NAME=VALUE ...] [--scenario FILE.json] [--vars a,b] [--seed N] [--format csv|json] [--out FILE]

Runs a system-dynamics model (XMILE 1.0, as Stella writes it) from its start to its stop time.
  --method     integration method instead of the one in the file
  --set        override a variable: a constant, a stock's initial value, or any variable (set to a constant)
  --scenario   JSON file { "name": "...", "overrides": { "variable name": number } }; --set wins over it
  --vars       comma-separated variable names to report (default: all)
  --seed       seed for random functions that have none of their own (default ${DEFAULT_SEED})
  --format     csv (default): header "time" then the variables' names, one row per saved time;
               json: the reproducibility stamp (model, modelHash, method, appVersion, scenario, seed,
               exportedAt), time and variables
  --stamp      (csv) the stamp as "# key: value" lines above the header (R: read.csv(comment.char = "#"),
               pandas: read_csv(comment="#")); SOURCE_DATE_EPOCH fixes its date
  --out        write to FILE instead of standard output`;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'run a system-dynamics model (XMILE) and write its results as CSV or JSON',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      method: { type: 'string' },
      set: { type: 'string', multiple: true },
      scenario: { type: 'string' },
      vars: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      stamp: { type: 'boolean' },
    });
    const modelPath = onlyFile(positionals, 'model');
    const method = parseMethod(values.method);
    const format = parseFormat(values.format, ['csv', 'json'] as const, 'csv');
    const seed = values.seed === undefined ? undefined : parseNumberFlag('--seed', values.seed);
    const assignments = (values.set ?? []).map(parseAssignment);
    const variables = values.vars
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const scenario = values.scenario === undefined ? undefined : readScenario(values.scenario, io);
    const overrides: Record<string, number> = { ...scenario?.overrides, ...Object.fromEntries(assignments) };

    const { model, text, fileName, parameters } = loadModel(modelPath, io, { method, overrides });
    if (variables !== undefined) {
      const known = new Set(model.variables.map((variable) => variable.id));
      const unknown = variables.filter((name) => !known.has(canonicalName(name)));
      if (unknown.length > 0)
        throw new InputError(
          `--vars: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not a variable' : 'are not variables'} of ${fileName}`,
        );
    }
    const result = simulate(model, {
      parameters,
      seed: seed ?? DEFAULT_SEED,
      ...(variables === undefined ? {} : { variables }),
    });
    const stamp: SimulationStamp = {
      model: fileName,
      modelHash: createHash('sha256').update(text).digest('hex'),
      method: model.specs.method,
      appVersion: APP_VERSION,
      scenario: scenario?.name ?? null,
      seed: model.usesRandom ? (seed ?? DEFAULT_SEED) : null,
      exportedAt: exportedAt(io),
    };
    if (format === 'csv') {
      // The CSV's shape is a public interface (issue 3: header `time` first), so its stamp lines are asked for.
      writeResult(io, toCsv(result, values.stamp === true ? stamp : undefined), values.out);
      return;
    }
    const document = {
      ...stamp,
      time: jsonNumbers(result.time),
      variables: Object.fromEntries(
        result.names.map((name, index) => [name, jsonNumbers(result.series[index] as Float64Array)]),
      ),
    };
    writeResult(io, JSON.stringify(document), values.out);
  },
};
