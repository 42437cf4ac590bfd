/**
 * Stand-ins for the Dynamics workers in tests: the teacup model from the XMILE test suite, and a port that hands
 * each request to a worker's own session code in this process and answers asynchronously, as a worker does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readXmile, type ModelDocument } from '../../../model/sd';

const teacupText = readFileSync(
  resolve(import.meta.dirname, '../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
  'utf8',
);

/** The teacup model (sample_teacup/teacup.xmile), read afresh. */
export function teacup(): ModelDocument {
  const read = readXmile(teacupText);
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

/** A port to a worker session in this process; `sent` keeps every request, in order. */
export interface InProcessPort<Request, Response> {
  readonly sent: Request[];
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  postMessage(message: Request): void;
}

/** The port to `handle` (a worker's session): each request is copied as a message is, and answered on a later task. */
export function inProcessPort<Request, Response>(
  handle: (request: Request) => { readonly response: Response },
): InProcessPort<Request, Response> {
  const port: InProcessPort<Request, Response> = {
    sent: [],
    onmessage: null,
    postMessage(message) {
      port.sent.push(message);
      setTimeout(() => {
        const { response } = handle(structuredClone(message));
        port.onmessage?.({ data: response } as MessageEvent<Response>);
      }, 0);
    },
  };
  return port;
}
