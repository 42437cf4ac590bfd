/**
 * The calibration worker's session and the panel's job, in process: the teacup's room temperature fitted to data
 * the model makes at 70 comes back at 70 (hand-checkable: the data are exact), with the fit at the start as the
 * "before" line, progress at most every PROGRESS_MS of the worker's clock, errors as messages, and Cancel ending
 * the worker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, simulate } from '../../../../model/sd';
import { parseCalibrationSpec, readCalibrationData } from '../../../../model/sd/calibration';
import { seriesOf } from '../../../../model/sd/results';
import {
  runCalibration,
  type CalibrationPort,
} from '../../../../renderer/src/dynamics/calibration/calibration-job';
import { createCalibrationSession } from '../../../../renderer/src/dynamics/calibration/calibration-session';
import type { CalibrationMessage } from '../../../../renderer/src/dynamics/calibration/protocol';

const read = readXmile(
  readFileSync(
    resolve(import.meta.dirname, '../../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
    'utf8',
  ),
);
if (!read.ok) throw new Error('teacup');
const document = read.value;

/** The teacup's temperature every minute with the room at 70 degrees, as calibration data. */
function exactData() {
  const compiled = compileModel(document);
  if (!compiled.ok) throw new Error('compile');
  const parameters = compiled.value.parameterVector({ 'Room Temperature': 70 });
  if (!parameters.ok) throw new Error('parameters');
  const run = simulate(compiled.value, { parameters: parameters.value });
  const series = seriesOf(run, 'Teacup Temperature');
  if (series === undefined) throw new Error('series');
  const records = [['time', 'Teacup Temperature']];
  for (let minute = 0; minute <= 30; minute++) {
    const row = run.time.findIndex((time) => Math.abs(time - minute) < 1e-9);
    records.push([String(minute), String(series[row])]);
  }
  const data = readCalibrationData({ fileName: 'teacup.csv', records });
  if (!data.ok) throw new Error('data');
  return data.data;
}

const spec = (() => {
  const parsed = parseCalibrationSpec({
    parameters: [{ name: 'Room Temperature', min: 50, max: 90, start: 60 }],
  });
  if (!parsed.ok) throw new Error('spec');
  return parsed.value;
})();

function inProcessPort(log: { terminated: number }): CalibrationPort {
  const port: CalibrationPort = {
    onmessage: null,
    postMessage(request) {
      const handle = createCalibrationSession((message) =>
        setTimeout(
          () => port.onmessage?.({ data: structuredClone(message) } as MessageEvent<CalibrationMessage>),
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

describe('calibration in a worker', () => {
  it('finds the room temperature the data was made with, and the fit before it', async () => {
    const log = { terminated: 0 };
    const outcome = await runCalibration(
      { document, data: exactData(), spec },
      { createPort: () => inProcessPort(log) },
    ).outcome;
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.result.parameters[0]?.estimate).toBeCloseTo(70, 4);
    expect(outcome.result.fit[0]?.rSquared).toBeGreaterThan(0.999999);
    // Before: the model at 60 degrees sits below the data from the first minute on.
    const before = outcome.before[0];
    expect(before?.variable).toBe('Teacup Temperature');
    expect((before?.model[30] ?? 0) < (before?.data[30] ?? 0)).toBe(true);
    expect(log.terminated).toBe(1);
  });

  it('reports progress at most every 100 ms of its clock', () => {
    const messages: CalibrationMessage[] = [];
    let clock = 0;
    // Each iteration advances the clock by 30 ms: progress every fourth iteration at most.
    createCalibrationSession(
      (message) => messages.push(message),
      () => (clock += 30),
    )({ id: 1, kind: 'calibrate', document, data: exactData(), spec });
    const progress = messages.filter((message) => message.kind === 'progress');
    const done = messages.at(-1);
    expect(done?.kind).toBe('done');
    const iterations = done?.kind === 'done' ? done.result.iterations : 0;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(iterations / 3));
  });

  it('names a constant the model does not have, and a cancel keeps nothing', async () => {
    const messages: CalibrationMessage[] = [];
    const bad = parseCalibrationSpec({ parameters: [{ name: 'Moon phase', min: 0, max: 1 }] });
    if (!bad.ok) throw new Error('spec');
    createCalibrationSession((message) => messages.push(message))({
      id: 1,
      kind: 'calibrate',
      document,
      data: exactData(),
      spec: bad.value,
    });
    expect(messages).toEqual([{ id: 1, kind: 'failed', errors: [expect.stringMatching(/Moon phase/)] }]);

    const log = { terminated: 0 };
    const job = runCalibration(
      { document, data: exactData(), spec },
      { createPort: () => inProcessPort(log) },
    );
    job.cancel();
    expect(await job.outcome).toEqual({ ok: false, cancelled: true });
    expect(log.terminated).toBe(1);
  });
});
