/**
 * The Sensitivity panel's workers, driven in process: the runs split over one, two or three workers give the
 * same draws, KPIs, bands and tornado as the engine's single-thread reference (runSensitivity), since each run's
 * numbers depend only on the seed and its index; a cancel ends every worker and keeps nothing; a bad spec comes
 * back as the engine's message naming the field.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, type ModelDocument } from '../../../../model/sd';
import {
  resolveSpec,
  runSensitivity,
  sensitivitySpecSchema,
  type ResolvedSensitivitySpec,
} from '../../../../model/sd/sensitivity';
import type { SensitivityMessage } from '../../../../renderer/src/dynamics/sensitivity/protocol';
import {
  runSensitivityInWorkers,
  workerCount,
  type SensitivityPort,
} from '../../../../renderer/src/dynamics/sensitivity/sensitivity-pool';
import { createSensitivitySession } from '../../../../renderer/src/dynamics/sensitivity/sensitivity-session';

const text = readFileSync(resolve(import.meta.dirname, '../../../../sample-data/empathy-smb.xmile'), 'utf8');

function empathy(): ModelDocument {
  const read = readXmile(text);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

function spec(runs: number): ResolvedSensitivitySpec {
  const resolved = resolveSpec(
    sensitivitySpecSchema.parse({
      parameters: [
        { name: 'Training budget', distribution: { type: 'uniform', min: 0, max: 0.05 } },
        { name: 'Leadership commitment', distribution: { type: 'triangular', min: 0, mode: 0.5, max: 1 } },
        { name: 'Hiring policy', distribution: { type: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 } },
      ],
      outputs: ['Customers', 'Employee retention'],
      kpi: { variable: 'Cumulative profit' },
    }),
    { runs, seed: 42 },
  );
  if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
  return resolved.value;
}

/** A worker in this process: the session answers on a later task, as a real worker would. */
function inProcessPort(log: { terminated: number }): SensitivityPort {
  const port: SensitivityPort = {
    onmessage: null,
    postMessage(request) {
      const handle = createSensitivitySession((message) =>
        setTimeout(
          () => port.onmessage?.({ data: structuredClone(message) } as MessageEvent<SensitivityMessage>),
          0,
        ),
      );
      setTimeout(() => handle(structuredClone(request)), 0);
    },
    terminate() {
      log.terminated += 1;
      port.onmessage = null;
    },
  };
  return port;
}

describe('sensitivity in workers', () => {
  const document = empathy();
  const compiled = compileModel(document);
  if (!compiled.ok) throw new Error('the sample model does not compile');
  const reference = runSensitivity(compiled.value, spec(250));
  if (!reference.ok) throw new Error(reference.errors.join('\n'));

  it.each([1, 2, 3])('%i worker(s) give the single-thread numbers exactly', async (workers) => {
    const log = { terminated: 0 };
    const progress: number[] = [];
    const job = runSensitivityInWorkers(document, spec(250), {
      workers,
      createPort: () => inProcessPort(log),
      onProgress: (done) => progress.push(done),
    });
    const outcome = await job.outcome;
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const { result } = outcome;
    expect(Array.from(result.samples)).toEqual(Array.from(reference.value.samples));
    expect(Array.from(result.kpiValues)).toEqual(Array.from(reference.value.kpiValues));
    expect(result.bands.map((band) => Array.from(band))).toEqual(
      reference.value.bands.map((band) => Array.from(band)),
    );
    expect(result.tornado).toEqual(reference.value.tornado);
    expect(result.summary).toEqual(reference.value.summary);
    // Ranges of at most 100 runs: progress moves at least three times, and ends at every run.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(250);
    expect(log.terminated).toBe(workers);
  });

  it('a cancel ends every worker and keeps nothing', async () => {
    const log = { terminated: 0 };
    const job = runSensitivityInWorkers(document, spec(400), {
      workers: 2,
      createPort: () => inProcessPort(log),
    });
    job.cancel();
    expect(await job.outcome).toEqual({ ok: false, cancelled: true });
    expect(log.terminated).toBe(2);
  });

  it('a parameter the model does not have comes back naming the spec field', async () => {
    const bad = {
      ...spec(10),
      parameters: [{ name: 'Moon phase', distribution: { type: 'uniform' as const, min: 0, max: 1 } }],
    };
    const outcome = await runSensitivityInWorkers(document, bad, {
      workers: 2,
      createPort: () => inProcessPort({ terminated: 0 }),
    }).outcome;
    expect(outcome.ok).toBe(false);
    expect('errors' in outcome ? outcome.errors[0] : '').toMatch(/^parameters\[0\]\.name: .*Moon phase/);
  });

  it('uses one worker per core, between one and four', () => {
    expect([undefined, 1, 2, 8].map(workerCount)).toEqual([2, 1, 2, 4]);
  });
});
