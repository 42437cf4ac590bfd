/**
 * The loops worker's session and the panel's client, driven in process: the analysis comes back with its
 * buffers listed for transfer, bad overrides and broken models come back as diagnostics, and a burst of
 * requests (a slider drag) runs the first and the last only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXmile, type ModelDocument } from '../../../../model/sd';
import { LoopsClient, type LoopsPort } from '../../../../renderer/src/dynamics/loops/loops-client';
import { createLoopsSession } from '../../../../renderer/src/dynamics/loops/loops-session';
import type { LoopsRequest, LoopsResponse } from '../../../../renderer/src/dynamics/loops/protocol';

const teacupText = readFileSync(
  resolve(import.meta.dirname, '../../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
  'utf8',
);

function teacup(): ModelDocument {
  const read = readXmile(teacupText);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

function inProcessPort(): LoopsPort & { readonly sent: LoopsRequest[] } {
  const handle = createLoopsSession();
  const sent: LoopsRequest[] = [];
  const port: LoopsPort & { sent: LoopsRequest[] } = {
    sent,
    onmessage: null,
    postMessage(message) {
      sent.push(message);
      setTimeout(() => {
        const { response } = handle(structuredClone(message));
        port.onmessage?.({ data: response } as MessageEvent<LoopsResponse>);
      }, 0);
    },
  };
  return port;
}

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
    const port = inProcessPort();
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
    const port = inProcessPort();
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
