/**
 * Messages between the Dynamics view and its simulation worker. Every request carries an id and every answer
 * names it; failures come back as diagnostics, never as exceptions (Simlin's worker protocol does the same).
 */
import type {
  Diagnostic,
  IntegrationMethod,
  ModelDocument,
  ParameterInfo,
  RunSpecs,
} from '../../../../model/sd';
import type { NodeKind, Runner } from '../../../../model/sd';

export type Overrides = Readonly<Record<string, number>>;

/** What the view needs to know about a compiled model. */
export interface ModelInfo {
  readonly specs: RunSpecs;
  readonly parameters: readonly ParameterInfo[];
  readonly variables: readonly { readonly id: string; readonly name: string; readonly kind: NodeKind }[];
  /** True when the model draws random numbers, so its runs depend on the seed. */
  readonly usesRandom: boolean;
  readonly warnings: readonly Diagnostic[];
  /** What runs the steps in the worker (model/sd's Runner.backend): WebAssembly where it may be compiled. */
  readonly backend: Runner['backend'];
}

/** One run's results: the saved times and one series per variable, all views of one transferable buffer. */
export interface RunSeries {
  readonly names: readonly string[];
  readonly ids: readonly string[];
  readonly time: Float64Array;
  readonly series: readonly Float64Array[];
}

export interface RunRequestSpec {
  readonly overrides: Overrides;
  readonly seed?: number | undefined;
}

export type EngineRequest =
  | {
      readonly id: number;
      readonly kind: 'load';
      readonly document: ModelDocument;
      readonly method?: IntegrationMethod | undefined;
    }
  | { readonly id: number; readonly kind: 'run'; readonly runs: readonly RunRequestSpec[] };

export type EngineResponse =
  | { readonly id: number; readonly kind: 'loaded'; readonly ok: true; readonly info: ModelInfo }
  | { readonly id: number; readonly kind: 'result'; readonly ok: true; readonly runs: readonly RunSeries[] }
  | {
      readonly id: number;
      readonly kind: 'loaded' | 'result';
      readonly ok: false;
      readonly errors: readonly Diagnostic[];
    };
