import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The folder the renderer is built into for these tests, when EMPATHY_E2E_DIST names one (else dist/). */
export const e2eStaticDir = (): string | undefined => {
  const dir = process.env['EMPATHY_E2E_DIST'];
  return dir === undefined || dir === '' ? undefined : resolve(dir);
};

const staticDirArguments = (): string[] => {
  const dir = e2eStaticDir();
  return dir === undefined ? [] : ['--static-dir', dir];
};

export interface RunningHost {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real web host (`electron/web/main.ts`) on a free port and waits for the URL it prints. A new
 * workspace starts empty unless `samples` asks for the sample project.
 */
export function startWebHost(
  dataDir: string,
  options: { readonly samples?: boolean } = {},
): Promise<RunningHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/web/main.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-build',
      ...(options.samples === true ? [] : ['--no-samples']),
      ...staticDirArguments(),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INIT_CWD: ROOT } },
  );
  let output = '';
  return new Promise((resolveHost, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout?.off('data', onData);
        resolveHost({ url: match[1], dataDir, stop: () => stopHost(child) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) =>
      reject(new Error(`web host exited with ${code ?? 'a signal'} before serving:\n${output}`)),
    );
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) {
      done();
      return;
    }
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * One operation of the host's API, called from the test itself (not from the page), as the renderer calls it;
 * throws with the operation's message when it fails.
 */
export async function callHost<T>(host: RunningHost, operation: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.url}api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  return result.value;
}
