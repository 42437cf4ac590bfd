/**
 * The two ways the CLI tests run a command: as users do, `npx tsx electron/cli/main.ts` in a child process from
 * the project's root (exit codes, standard output and error as a shell sees them), and in this process through
 * runCli with its output captured (quicker, for error messages and many small cases).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIO } from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/run';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The CLI in a child process from the project's root; `env` adds variables (a fixed SOURCE_DATE_EPOCH). */
export function spawnCli(
  args: readonly string[],
  { env = {}, maxBuffer }: { readonly env?: Record<string, string>; readonly maxBuffer?: number } = {},
) {
  return spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT, ...env },
    ...(maxBuffer === undefined ? {} : { maxBuffer }),
  });
}

/** The CLI in this process with standard output and error captured; relative paths from `cwd` (the root). */
export async function runCliCaptured(
  argv: readonly string[],
  { cwd = ROOT, env = {} }: { readonly cwd?: string; readonly env?: CliIO['env'] } = {},
) {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (text) => (out += text), stderr: (text) => (err += text), cwd, env };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/**
 * The teacup model with an equation naming a variable it does not have (Characteristic Time = 10 * nope), as
 * bad.xmile in a new temporary folder: its path.
 */
export function teacupThatDoesNotCompile(): string {
  const teacup = readFileSync(
    join(ROOT, 'test/fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
    'utf8',
  );
  const path = join(mkdtempSync(join(tmpdir(), 'cli-')), 'bad.xmile');
  writeFileSync(path, teacup.replace('<eqn>10</eqn>', '<eqn>10 * nope</eqn>'));
  return path;
}
