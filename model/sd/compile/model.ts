/**
 * The compiled model: what the rest of the workbench holds on to. Compiling orders the dependencies once;
 * after that, any number of runners reuse the plan, each with its own buffers (one per worker thread), and a
 * run takes a parameter vector, so scenarios, sweeps and Monte Carlo never recompile.
 */
import { guarded, type Diagnostic, type Outcome } from '../diagnostics';
import type { IntegrationMethod, ModelDocument } from '../document';
import { buildGraph } from '../graph/build';
import type { ModelGraph, NodeKind } from '../graph/nodes';
import { canonicalName, displayName } from '../names';
import { copyResult, type SimulationResult } from '../results';
import { planModel, runSpecs, type ModelPlan, type ParameterInfo, type RunSpecs } from './plan';
import { Runner, type RunOptions } from './runner';

export interface CompiledModel {
  readonly document: ModelDocument;
  /** Nodes with their resolved equations and dependencies, for loop analysis. */
  readonly graph: ModelGraph;
  readonly specs: RunSpecs;
  /** The constants a run can override, in parameter-vector order. */
  readonly parameters: readonly ParameterInfo[];
  /** The model's variables (what a run reports unless told otherwise). */
  readonly variables: readonly { readonly id: string; readonly name: string; readonly kind: NodeKind }[];
  readonly usesRandom: boolean;
  /** The parameter vector with the model's own values (a fresh copy each call). */
  defaultParameters(): Float64Array;
  /** Position of a parameter in the vector by name (case, spaces and underscores ignored), or -1. */
  parameterIndex(name: string): number;
  /** The parameter vector with some constants overridden by name; errors name what is not a constant. */
  parameterVector(overrides: Readonly<Record<string, number>>): Outcome<Float64Array>;
  /** A runner with its own buffers. `variables` (names) selects what it reports; `method` overrides the file's. */
  createRunner(options?: {
    readonly method?: IntegrationMethod;
    readonly variables?: readonly string[];
  }): Runner;
}

export interface CompileOptions {
  /** Integration method for every run, instead of the one the file declares. */
  readonly method?: IntegrationMethod;
}

export function compileModel(document: ModelDocument, options: CompileOptions = {}): Outcome<CompiledModel> {
  return guarded('compiling the model', () => compileChecked(document, options));
}

function compileChecked(document: ModelDocument, options: CompileOptions): Outcome<CompiledModel> {
  const specs = runSpecs(document.simSpecs, options.method ?? document.simSpecs.method);
  if (!specs.ok) return specs;
  const built = buildGraph(document);
  if (!built.ok) return { ok: false, errors: built.errors, warnings: [...specs.warnings, ...built.warnings] };
  const planned = planModel(built.value, specs.value);
  const warnings = [...specs.warnings, ...built.warnings, ...planned.warnings];
  if (!planned.ok) return { ok: false, errors: planned.errors, warnings };
  return { ok: true, value: compiled(document, planned.value), warnings };
}

function compiled(document: ModelDocument, plan: ModelPlan): CompiledModel {
  const { graph, parameters } = plan;
  const variables = graph.variables.map((id) => {
    const node = graph.nodes.get(id);
    return { id, name: node?.name ?? id, kind: node?.kind ?? 'aux' };
  });
  const parameterIndex = (name: string): number =>
    parameters.findIndex((parameter) => parameter.id === canonicalName(name));
  const defaults = Float64Array.from(parameters, (parameter) => parameter.value);
  return {
    document,
    graph,
    specs: plan.specs,
    parameters,
    variables,
    usesRandom: plan.usesRandom,
    defaultParameters: () => defaults.slice(),
    parameterIndex,
    parameterVector(overrides) {
      const vector = defaults.slice();
      const errors: Diagnostic[] = [];
      for (const [name, value] of Object.entries(overrides)) {
        const index = parameterIndex(name);
        if (index >= 0) {
          vector[index] = value;
          continue;
        }
        const node = graph.nodes.get(canonicalName(name));
        const shown = displayName(name);
        errors.push({
          code: 'override',
          variable: shown,
          message:
            node === undefined || node.hidden
              ? `"${shown}" is not a variable of the model`
              : `"${shown}" is computed from an equation, not a constant a run can override`,
        });
      }
      return errors.length > 0
        ? { ok: false, errors, warnings: [] }
        : { ok: true, value: vector, warnings: [] };
    },
    createRunner(options = {}) {
      const ids =
        options.variables === undefined
          ? graph.variables
          : options.variables.map((name) => {
              const id = canonicalName(name);
              if (!graph.variables.includes(id)) throw new Error(`"${name}" is not a variable of the model`);
              return id;
            });
      return new Runner(plan, { method: options.method ?? plan.specs.method, outputs: ids });
    },
  };
}

/** Compiles (if needed) and runs once, returning a result that owns its memory. */
export function simulate(
  model: CompiledModel,
  options: RunOptions & { readonly method?: IntegrationMethod; readonly variables?: readonly string[] } = {},
): SimulationResult {
  const runnerOptions: { method?: IntegrationMethod; variables?: readonly string[] } = {};
  if (options.method !== undefined) runnerOptions.method = options.method;
  if (options.variables !== undefined) runnerOptions.variables = options.variables;
  return copyResult(model.createRunner(runnerOptions).run(options));
}
