/**
 * The panel's side of a Monte Carlo: the runs are cut into one shard per worker (shardRange, as the CLI's
 * `--shard`), each worker runs its shard through the engine's kernel and sends its ranges back as they finish,
 * and the engine's collector puts them together by run index and computes the bands, summary and tornado. The
 * same seed gives the same numbers whatever the number of workers (tested in test/renderer/dynamics/sensitivity).
 *
 * Cancel ends the workers at once (terminate): a worker's loop never yields, so a message asking it to stop
 * would wait for the shard to finish; nothing of a cancelled run is kept.
 */
import type { ModelDocument } from '../../../../model/sd';
import {
  createCollector,
  shardRange,
  type ResolvedSensitivitySpec,
  type SensitivityCollector,
  type SensitivityResult,
  type TornadoSwings,
} from '../../../../model/sd/sensitivity';
import type { SensitivityMessage, SensitivityRequest } from './protocol';

/** The part of a Worker the pool uses (tests pass an in-process stand-in). */
export interface SensitivityPort {
  postMessage(message: SensitivityRequest): void;
  onmessage: ((event: MessageEvent<SensitivityMessage>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type SensitivityOutcome =
  | { readonly ok: true; readonly result: SensitivityResult }
  | { readonly ok: false; readonly errors: readonly string[] }
  | { readonly ok: false; readonly cancelled: true };

export interface SensitivityJob {
  readonly outcome: Promise<SensitivityOutcome>;
  cancel(): void;
}

export interface PoolOptions {
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly createPort?: () => SensitivityPort;
}

/** Workers for this machine: one per core, at least one, at most four (more would only queue on the engine). */
export function workerCount(cores: number | undefined): number {
  return Math.max(1, Math.min(4, Math.floor(cores ?? 2)));
}

/** The real worker (Vite bundles it as its own module file, allowed by the CSP's worker-src 'self'). */
export function createSensitivityWorker(): SensitivityPort {
  return new Worker(new URL('./sensitivity.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sensitivity',
  });
}

export function runSensitivityInWorkers(
  document: ModelDocument,
  spec: ResolvedSensitivitySpec,
  options: PoolOptions,
): SensitivityJob {
  const count = Math.max(1, Math.min(options.workers, spec.runs));
  const create = options.createPort ?? createSensitivityWorker;
  const ports: SensitivityPort[] = [];
  let settle: (outcome: SensitivityOutcome) => void = () => undefined;
  const outcome = new Promise<SensitivityOutcome>((resolve) => {
    settle = resolve;
  });
  let settled = false;
  const finish = (value: SensitivityOutcome) => {
    if (settled) return;
    settled = true;
    for (const port of ports) port.terminate();
    settle(value);
  };

  let collector: SensitivityCollector | undefined;
  let swings: TornadoSwings | undefined;
  let done = 0;
  const id = 1;
  const tryFinish = () => {
    if (collector === undefined || swings === undefined || done < count || !collector.complete) return;
    try {
      finish({ ok: true, result: collector.finish(swings) });
    } catch (error) {
      finish({ ok: false, errors: [error instanceof Error ? error.message : String(error)] });
    }
  };

  for (let index = 1; index <= count; index++) {
    const port = create();
    ports.push(port);
    port.onmessage = ({ data: message }) => {
      if (settled || message.id !== id) return;
      switch (message.kind) {
        case 'planned':
          // Every worker plans the same spec on the same model; the first layout, widened to every run, is
          // the whole run's.
          collector ??= createCollector({ ...message.layout, range: { from: 0, to: spec.runs } });
          break;
        case 'range':
          collector?.add(message.result);
          options.onProgress?.(collector?.received ?? 0, spec.runs);
          break;
        case 'swings':
          swings = message.swings;
          break;
        case 'done':
          done += 1;
          tryFinish();
          break;
        case 'failed':
          finish({ ok: false, errors: message.errors });
          break;
      }
    };
    port.onerror = (event) =>
      finish({
        ok: false,
        errors: [`A sensitivity worker stopped: ${event.message || 'it could not start'}`],
      });
    port.postMessage({
      id,
      kind: 'run',
      document,
      spec,
      range: shardRange(spec.runs, { index, count }),
      swings: index === 1,
    });
  }
  return { outcome, cancel: () => finish({ ok: false, cancelled: true }) };
}
