/**
 * Messages between the Sensitivity panel and its workers. Each worker is given the whole spec and one shard of
 * the run indices; since a run's draws depend only on the seed and its index (model/sd/sensitivity/streams.ts),
 * how the runs are split between workers never changes the numbers. A worker answers with its layout, then its
 * runs in ranges as they finish (their buffers transferred), then, if asked, the tornado's swings.
 */
import type { ModelDocument } from '../../../../model/sd';
import type {
  RangeResult,
  ResolvedSensitivitySpec,
  RunRange,
  SensitivityLayout,
  TornadoSwings,
} from '../../../../model/sd/sensitivity';

export interface SensitivityRequest {
  readonly id: number;
  readonly kind: 'run';
  readonly document: ModelDocument;
  readonly spec: ResolvedSensitivitySpec;
  /** This worker's shard of the runs. */
  readonly range: RunRange;
  /** Whether this worker also computes the tornado's swings (one worker does, after its runs). */
  readonly swings: boolean;
}

export type SensitivityMessage =
  | { readonly id: number; readonly kind: 'planned'; readonly layout: SensitivityLayout }
  | { readonly id: number; readonly kind: 'range'; readonly result: RangeResult }
  | { readonly id: number; readonly kind: 'swings'; readonly swings: TornadoSwings }
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'failed'; readonly errors: readonly string[] };
