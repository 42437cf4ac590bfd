import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  UsageError,
  parseCommandArgs,
  type CliCommand,
  type CliIO,
} from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/run';
import packageJson from '../../../package.json' with { type: 'json' };

function capture(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text) => (out += text), stderr: (text) => (err += text), cwd: process.cwd(), env: {} },
    out: () => out,
    err: () => err,
  };
}

const echo: CliCommand = {
  name: 'demo echo',
  summary: 'prints its word',
  usage: 'demo echo --word W',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { word: { type: 'string' } });
    if (values.word === undefined) throw new UsageError('--word is required');
    if (values.word === 'bad') throw new InputError('the word "bad" is not allowed\n(second line folded)');
    io.stdout(`${values.word}\n`);
  },
};

describe('CLI conventions', () => {
  it('lists commands with --help and exits 0', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io, [echo])).toBe(0);
    expect(out()).toContain('demo echo');
    expect(out()).toContain('prints its word');
  });

  it('prints the version with --version', async () => {
    const { io, out } = capture();
    expect(await runCli(['--version'], io, [echo])).toBe(0);
    expect(out().trim()).toBe(packageJson.version);
  });

  it('exits 2 for an unknown command, an unknown flag or a missing argument', async () => {
    for (const argv of [['nope'], ['demo', 'echo', '--colour', 'x'], ['demo', 'echo'], ['demo', 'other']]) {
      const { io, err } = capture();
      expect(await runCli(argv, io, [echo]), argv.join(' ')).toBe(2);
      expect(err()).not.toBe('');
    }
  });

  it('exits 1 with one line on stderr for bad input', async () => {
    const { io, err, out } = capture();
    expect(await runCli(['demo', 'echo', '--word', 'bad'], io, [echo])).toBe(1);
    expect(err().trim().split('\n')).toHaveLength(1);
    expect(err()).toContain('"bad" is not allowed');
    expect(out()).toBe('');
  });

  it('runs a command and shows its usage with --help', async () => {
    const ran = capture();
    expect(await runCli(['demo', 'echo', '--word', 'hello'], ran.io, [echo])).toBe(0);
    expect(ran.out()).toBe('hello\n');
    const help = capture();
    expect(await runCli(['demo', 'echo', '--help'], help.io, [echo])).toBe(0);
    expect(help.out()).toContain('demo echo --word W');
  });

  it('works as researchers call it: npm run --silent cli -- --help / --version', () => {
    const root = resolve(import.meta.dirname, '..', '..', '..');
    const help = spawnSync('npm', ['run', '--silent', 'cli', '--', '--help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith('Empathy Workbench')).toBe(true);
    const version = spawnSync('npm', ['run', '--silent', 'cli', '--', '--version'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(version.stdout).toBe(`${packageJson.version}\n`);
  });
});
