/**
 * The renderer's only way to the backend: `window.workbench` inside Electron (the preload's named functions),
 * the same operations over HTTP in the browser. Both satisfy the contract's `WorkbenchApi`.
 */
import type { OperationInput, OperationOutput, Result, WorkbenchApi } from '../../electron/api/contract';
import { OPERATIONS, type OperationName } from '../../electron/api/operations';

/** What Electron's preload adds next to the operations. */
export interface DesktopBridge {
  readonly host: 'electron';
  onMenuCommand?(callback: (command: string) => void): () => void;
  /** Prints the page to a PDF file the user chooses (electron/main/print-to-pdf.ts); the name is a suggestion. */
  printToPdf?(
    fileName: string,
  ): Promise<Result<{ readonly saved: true; readonly path: string } | { readonly saved: false }>>;
}

declare global {
  interface Window {
    readonly workbench?: WorkbenchApi & DesktopBridge;
  }
}

async function callOverHttp(operation: OperationName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `The workbench did not answer (${detail}). Is "npm run web" still running?`,
      },
    };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `The workbench answered ${response.status} without a result.` },
    };
  }
}

function createHttpApi(): WorkbenchApi {
  const entries = OPERATIONS.map((operation) => [
    operation,
    (input: unknown) => callOverHttp(operation, input),
  ]);
  return Object.fromEntries(entries) as WorkbenchApi;
}

export const api: WorkbenchApi = window.workbench ?? createHttpApi();
export const desktop: DesktopBridge | undefined = window.workbench;

/** Calls an operation and returns its value, or throws an Error carrying the backend's message. */
export async function call<K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
): Promise<OperationOutput<K>> {
  const invoke = api[operation] as (input: OperationInput<K>) => Promise<Result<OperationOutput<K>>>;
  const result = await invoke(input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

export class ApiCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}
