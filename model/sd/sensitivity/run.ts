/**
 * A whole sensitivity run in this thread: plan, ranges through one kernel, then bands, summary and tornado.
 * The CLI's worker pool and the app's Web Workers run the same kernel on ranges of their own and hand the
 * results to the same collector, so this is also the reference the parallel paths are tested against.
 */
import type { CompiledModel } from '../compile/model';
import { createKernel, type RunRange } from './kernel';
import { planSensitivity } from './plan';
import { createCollector, layoutOf, type SensitivityResult } from './result';
import { splitRange } from './shard';
import type { ResolvedSensitivitySpec, SpecOutcome } from './spec';
import { computeSwings } from './tornado';

/** Runs per work unit: about 50 ms of the empathy model, so progress moves and a cancel is quick. */
export const RANGE_SIZE = 100;

export interface RunOptions {
  /** The runs to do (a shard); all of them by default. */
  readonly range?: RunRange;
  /** The model's file name, for messages. */
  readonly fileName?: string;
  /** Called after each range with the runs done and the runs to do. */
  readonly onProgress?: (done: number, total: number) => void;
}

export function runSensitivity(
  model: CompiledModel,
  spec: ResolvedSensitivitySpec,
  options: RunOptions = {},
): SpecOutcome<SensitivityResult> {
  const planned = planSensitivity(model, spec, options.fileName);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const range = options.range ?? { from: 0, to: spec.runs };
  const kernel = createKernel(plan);
  const collector = createCollector(layoutOf(plan, range));
  const total = range.to - range.from;
  for (const piece of splitRange(range, RANGE_SIZE)) {
    collector.add(kernel.runRange(piece));
    options.onProgress?.(collector.received, total);
  }
  return { ok: true, value: collector.finish(computeSwings(kernel)) };
}
