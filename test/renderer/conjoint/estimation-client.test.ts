import { describe, expect, it } from 'vitest';
import {
  EstimationClient,
  type EstimationPort,
} from '../../../renderer/src/conjoint/estimation/estimation-client';
import type { EstimationSpec } from '../../../model/conjoint/estimation-run';
import type {
  EstimationRequest,
  EstimationResponse,
} from '../../../renderer/src/conjoint/estimation/protocol';

/** A worker stand-in: records requests, answers when the test says so, and knows whether it was ended. */
class FakePort implements EstimationPort {
  readonly requests: EstimationRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<EstimationResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: EstimationRequest): void {
    this.requests.push(message);
  }
  answer(response: EstimationResponse): void {
    this.onmessage?.({ data: response } as MessageEvent<EstimationResponse>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const SPEC = { kind: 'hb' } as EstimationSpec;

function client() {
  const ports: FakePort[] = [];
  const estimation = new EstimationClient(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  });
  return { estimation, ports };
}

describe('estimation client', () => {
  it('passes progress on and resolves with the failure or result of its own request', async () => {
    const { estimation, ports } = client();
    const seen: number[] = [];
    const pending = estimation.estimate(SPEC, (done) => seen.push(done));
    const port = ports[0] as FakePort;
    const id = port.requests[0]?.id ?? -1;
    port.answer({ id: id + 99, kind: 'failed', error: 'not mine' });
    port.answer({ id, kind: 'progress', done: 10, total: 100 });
    port.answer({ id, kind: 'progress', done: 20, total: 100 });
    expect(estimation.busy).toBe(true);
    port.answer({ id, kind: 'failed', error: 'separation' });
    expect(await pending).toEqual({ status: 'failed', error: 'separation' });
    expect(seen).toEqual([10, 20]);
    expect(estimation.busy).toBe(false);
  });

  it('cancels at once by ending the worker, and starts a fresh one next time', async () => {
    const { estimation, ports } = client();
    const pending = estimation.estimate(SPEC);
    expect(await estimation.estimate(SPEC)).toMatchObject({ status: 'failed' });
    estimation.cancel();
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(ports[0]?.terminated).toBe(true);
    void estimation.estimate(SPEC);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.requests).toHaveLength(1);
  });

  it('answers a crashed worker as a failure naming it', async () => {
    const { estimation, ports } = client();
    const pending = estimation.estimate(SPEC);
    ports[0]?.onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(await pending).toEqual({
      status: 'failed',
      error: 'the estimation worker stopped: out of memory',
    });
  });
});
