/**
 * The system-dynamics engine: read XMILE, compile, run. Pure TypeScript (no Node, DOM or Electron), so the
 * same code runs in the main process, a Web Worker, the CLI and the tests.
 *
 *   const read = readXmile(text);                 // Outcome<ModelDocument>
 *   const compiled = compileModel(read.value);     // Outcome<CompiledModel>
 *   const result = simulate(compiled.value);       // SimulationResult (column-major Float64Arrays)
 *
 * For many runs, `createRunner()` once and `run({ parameters, seed })` repeatedly.
 */
export type { Diagnostic, DiagnosticCode, EquationPosition, Outcome } from './diagnostics';
export type {
  GraphicalFunction,
  IntegrationMethod,
  Macro,
  ModelDocument,
  SimSpecs,
  Variable,
} from './document';
export { METHODS, modelDocumentSchema } from './document';
export type { Expr } from './equation/ast';
export { parseEquation, ParseError } from './equation/parser';
export { printExpr } from './equation/print';
export type { ModelGraph, ModelNode, NodeKind } from './graph/nodes';
export { dynamicDependencies, initialDependencies } from './graph/nodes';
export { canonicalName, displayName } from './names';
export { readXmile } from './xmile-reader';
export { writeXmile } from './xmile-writer';
export { compileModel, simulate, type CompiledModel, type CompileOptions } from './compile/model';
export type { ParameterInfo, RunSpecs } from './compile/plan';
export { DEFAULT_SEED, Runner, type RunOptions } from './compile/runner';
export { copyResult, seriesOf, type SimulationResult } from './results';
export { overrideEquations } from './overrides';
