import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../../renderer/src/dynamics/engine/engine-client';
import { createEngineSession } from '../../../renderer/src/dynamics/engine/engine-session';
import { inProcessPort, teacup } from './worker-support';

describe('simulation worker session', () => {
  it('compiles once and answers runs with one transferable buffer per run', () => {
    const handle = createEngineSession();
    const loaded = handle({ id: 1, kind: 'load', document: teacup() });
    expect(loaded.response).toMatchObject({ ok: true, kind: 'loaded' });
    const answer = handle({
      id: 2,
      kind: 'run',
      runs: [{ overrides: {} }, { overrides: { 'Room Temperature': 20 } }],
    });
    expect(answer.response.ok).toBe(true);
    expect(answer.transfer).toHaveLength(2);
    if (answer.response.kind !== 'result' || !answer.response.ok) throw new Error('no result');
    const [base, cold] = answer.response.runs;
    const index = base?.names.indexOf('Teacup Temperature') ?? -1;
    // Teacup at t=0.125: 180 - 0.125 * (180 - 70) / 10 (Euler), from the SDXorg expected output.
    expect(base?.series[index]?.[1]).toBeCloseTo(178.625, 10);
    expect(cold?.series[index]?.[1]).toBeCloseTo(180 - (0.125 * (180 - 20)) / 10, 10);
  });

  it('reports a run before any successful load, and an override that is not a constant, as diagnostics', () => {
    const handle = createEngineSession();
    expect(handle({ id: 1, kind: 'run', runs: [{ overrides: {} }] }).response.ok).toBe(false);
    handle({ id: 2, kind: 'load', document: teacup() });
    const bad = handle({ id: 3, kind: 'run', runs: [{ overrides: { 'Heat Loss to Room': 1 } }] }).response;
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]?.message).toMatch(/Heat Loss to Room/);
  });

  it('answers an engine failure as a diagnostic instead of leaving the view waiting', () => {
    const handle = createEngineSession();
    handle({ id: 1, kind: 'load', document: teacup() });
    const malformed = { overrides: null } as unknown as { overrides: Record<string, number> };
    const answer = handle({ id: 7, kind: 'run', runs: [malformed] }).response;
    expect(answer).toMatchObject({ id: 7, kind: 'result', ok: false });
    expect(!answer.ok && answer.errors[0]?.message).toMatch(/engine failed unexpectedly/);
  });
});

describe('engine client', () => {
  it('keeps only the newest waiting run while one is in flight', async () => {
    const port = inProcessPort(createEngineSession());
    const client = new EngineClient(port);
    expect((await client.load(teacup())).ok).toBe(true);
    const first = client.runLatest([{ overrides: { 'Room Temperature': 60 } }]);
    const second = client.runLatest([{ overrides: { 'Room Temperature': 61 } }]);
    const third = client.runLatest([{ overrides: { 'Room Temperature': 62 } }]);
    expect(await second).toBe('superseded');
    const [a, c] = await Promise.all([first, third]);
    expect(a !== 'superseded' && a.ok).toBe(true);
    expect(c !== 'superseded' && c.ok).toBe(true);
    const runs = port.sent.filter((message) => message.kind === 'run');
    expect(
      runs.map((message) => (message.kind === 'run' ? message.runs[0]?.overrides['Room Temperature'] : 0)),
    ).toEqual([60, 62]);
  });
});
