/**
 * The loops worker's session and the panel's client, driven in process: the analysis comes back with its
 * buffers listed for transfer, bad overrides and broken models come back as diagnostics, and a burst of
 * requests (a slider drag) runs the first and the last only.
 */
import { describe, expect, it } from 'vitest';
import { LoopsClient } from '../../../../renderer/src/dynamics/loops/loops-client';
import { createLoopsSession } from '../../../../renderer/src/dynamics/loops/loops-session';
import { inProcessPort, teacup } from '../worker-support';

describe('loops worker session', () => {
  it('analyses the loops under the what-if and lists the score buffers for transfer', () => {
    const handle = createLoopsSession();
    const answer = handle({
      id: 1,
      kind: 'analyze',
      document: teacup(),
      overrides: { 'Room Temperature': 20 },
    });
    if (!answer.response.ok) throw new Error(answer.response.errors[0]?.message);
    expect(answer.response.analysis.loops.map((loop) => loop.name)).toEqual(['B1']);
    // time, and each loop's score and relative score.
    expect(answer.transfer).toHaveLength(3);
  });

  it('answers an override that is not a constant, and a model that does not compile, with diagnostics', () => {
    const handle = createLoopsSession();
    const bad = handle({ id: 2, kind: 'analyze', document: teacup(), overrides: { 'Heat Loss to Room': 1 } });
    expect(bad.response).toMatchObject({ id: 2, ok: false });
    const broken = teacup();
    const document = {
      ...broken,
      variables: broken.variables.map((variable) =>
        variable.name === 'Characteristic Time' ? { ...variable, eqn: '10 * nope' } : variable,
      ),
    };
    const failed = handle({ id: 3, kind: 'analyze', document, overrides: {} });
    expect(failed.response.ok).toBe(false);
    if (!failed.response.ok) expect(failed.response.errors[0]?.message).toContain('nope');
  });
});

describe('loops client', () => {
  it('runs the request in flight and the latest waiting one; those overtaken resolve as superseded', async () => {
    const port = inProcessPort(createLoopsSession());
    const client = new LoopsClient(port);
    const document = teacup();
    const outcomes = await Promise.all([
      client.analyze(document, {}),
      client.analyze(document, { 'Room Temperature': 10 }),
      client.analyze(document, { 'Room Temperature': 20 }),
    ]);
    expect(outcomes[0]).toMatchObject({ ok: true });
    expect(outcomes[1]).toBe('superseded');
    expect(outcomes[2]).toMatchObject({ ok: true });
    expect(port.sent.map((request) => request.overrides)).toEqual([{}, { 'Room Temperature': 20 }]);
  });

  it('answers every request with the error once the worker has failed', async () => {
    const port = inProcessPort(createLoopsSession());
    const client = new LoopsClient(port);
    const waiting = client.analyze(teacup(), {});
    port.onerror?.({ message: 'boom' } as ErrorEvent);
    expect(await waiting).toMatchObject({
      ok: false,
      errors: [{ message: 'The loops worker stopped: boom' }],
    });
    expect(await client.analyze(teacup(), {})).toMatchObject({ ok: false });
  });
});
