/** Small XMILE models written inline for unit tests, and shortcuts to read, compile and run them. */
import {
  compileModel,
  readXmile,
  simulate,
  type CompiledModel,
  type Diagnostic,
  type IntegrationMethod,
  type SimulationResult,
} from '../../../model/sd';
import { seriesOf } from '../../../model/sd/results';

export interface InlineModel {
  readonly start?: number;
  readonly stop?: number;
  readonly dt?: number;
  readonly method?: string;
  readonly saveStep?: number;
  /** Raw XML placed inside <variables>. */
  readonly variables: string;
  /** Raw XML placed after </model> (macros) . */
  readonly after?: string;
  /** Raw XML placed before <model> (behavior). */
  readonly before?: string;
  readonly vendor?: string;
}

export function xmile(model: InlineModel): string {
  const save = model.saveStep === undefined ? '' : ` isee:save_interval="${model.saveStep}"`;
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
  <header><vendor>${model.vendor ?? 'test'}</vendor><product version="1.0">unit test</product></header>
  <sim_specs method="${model.method ?? 'Euler'}"${save}>
    <start>${model.start ?? 0}</start><stop>${model.stop ?? 10}</stop><dt>${model.dt ?? 1}</dt>
  </sim_specs>
  ${model.before ?? ''}
  <model><variables>${model.variables}</variables></model>
  ${model.after ?? ''}
</xmile>`;
}

/** An <aux>, <flow> or <stock> element. */
export const aux = (name: string, eqn: string, inner = ''): string =>
  `<aux name="${name}"><eqn>${escape(eqn)}</eqn>${inner}</aux>`;
export const flow = (name: string, eqn: string, inner = ''): string =>
  `<flow name="${name}"><eqn>${escape(eqn)}</eqn>${inner}</flow>`;
export const stock = (
  name: string,
  initial: string,
  inflows: readonly string[] = [],
  outflows: readonly string[] = [],
  inner = '',
): string =>
  `<stock name="${name}"><eqn>${escape(initial)}</eqn>${inflows.map((f) => `<inflow>${f}</inflow>`).join('')}${outflows
    .map((f) => `<outflow>${f}</outflow>`)
    .join('')}${inner}</stock>`;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function compile(text: string, method?: IntegrationMethod): CompiledModel {
  const read = readXmile(text);
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('\n'));
  const compiled = compileModel(read.value, method === undefined ? {} : { method });
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
  return compiled.value;
}

export function run(
  model: InlineModel,
  options: { method?: IntegrationMethod; seed?: number } = {},
): SimulationResult {
  const seed = options.seed === undefined ? {} : { seed: options.seed };
  return simulate(compile(xmile(model), options.method), seed);
}

/** The diagnostics that stop a model from compiling (reading must succeed). */
export function compileErrors(model: InlineModel): readonly Diagnostic[] {
  const read = readXmile(xmile(model));
  if (!read.ok) throw new Error(read.errors.map((error) => error.message).join('\n'));
  const compiled = compileModel(read.value);
  return compiled.ok ? [] : compiled.errors;
}

export function series(result: SimulationResult, name: string): number[] {
  const found = seriesOf(result, name);
  if (found === undefined) throw new Error(`no series "${name}" in ${result.names.join(', ')}`);
  return Array.from(found);
}
