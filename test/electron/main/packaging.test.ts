import { spawnSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run dist` as far as it can go without the internet: scripts/dist.mjs runs electron-builder with
 * electron-builder.yml for Linux's unpacked target ("dir", the step every Linux installer is made from), with a
 * stand-in for Electron's binary (electron-builder would download the real one) that carries a fuse wire as
 * Electron's does. Not done here: the native rebuild for Electron's ABI (it downloads Electron's headers), the
 * AppImage and .deb themselves (electron-builder downloads their tools), and starting the app.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

/** @electron/fuses' marker, then wire version 1, the number of fuses, and one byte per fuse ('0' off, '1' on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults for the eight V1 fuses, in order. */
const DEFAULT_WIRE = '10110001';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;

interface Asar {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractAll(archive: string, dest: string): void;
  statFile(archive: string, filename: string): { unpacked?: boolean };
}
const asar = createRequire(requireFromRoot.resolve('app-builder-lib'))('@electron/asar') as Asar;

let work: string;
let unpacked: string;
let resources: string;
let distOutput = '';

function fuseWire(executable: string): string {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  expect(at, 'the fuse sentinel is in the packaged executable').toBeGreaterThan(0);
  const wire = at + FUSE_SENTINEL.length;
  return bytes.subarray(wire + 2, wire + 2 + (bytes[wire + 1] ?? 0)).toString('latin1');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

describe.runIf(process.platform === 'linux')('npm run dist (Linux, unpacked, stand-in Electron)', () => {
  beforeAll(() => {
    // The main process is bundled afresh (esbuild, a second or two), as `npm run dist` does: a bundle left over
    // from older sources would be packed instead of today's. The renderer's slower Vite build runs
    // only when there is none; the tests compare the packed page with itself, not with the sources.
    const script = existsSync(join(root, 'dist', 'index.html')) ? 'build:electron' : 'build';
    const build = spawnSync('npm', ['run', '--silent', script], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run ${script} failed:\n${build.stderr}`);
    work = mkdtempSync(join(tmpdir(), 'empathy-dist-'));
    const electronDist = join(work, 'electron');
    mkdirSync(electronDist);
    writeFileSync(
      join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for Electron"\nexit 0\n# '),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, DEFAULT_WIRE.length]),
        Buffer.from(DEFAULT_WIRE),
        Buffer.from('\n'),
      ]),
      { mode: 0o755 },
    );
    const version = (requireFromRoot('electron/package.json') as { version: string }).version;
    writeFileSync(join(electronDist, 'version'), version);
    const output = join(work, 'release');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'scripts', 'dist.mjs'),
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, EMPATHY_HOMEPAGE: 'https://example.org/empathy-workbench' },
      },
    );
    distOutput = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`scripts/dist.mjs failed:\n${distOutput}`);
    unpacked = join(output, 'linux-unpacked');
    resources = join(unpacked, 'resources');
  }, 600_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('packs the two builds, the sample data and package.json, without sources or source maps', () => {
    const files = asar.listPackage(join(resources, 'app.asar'), { isPack: false });
    for (const file of [
      '/dist/index.html',
      '/dist-electron/main.cjs',
      '/dist-electron/preload.cjs',
      '/sample-data/empathy-smb.xmile',
      '/package.json',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    for (const folder of ['/electron/', '/renderer/', '/model/', '/test/', '/scripts/'])
      expect(files.filter((file) => file.startsWith(folder))).toEqual([]);
  });

  it('ships better-sqlite3 alone of the dependencies (the rest is bundled), with only what it loads', () => {
    const modules = new Set(
      asar
        .listPackage(join(resources, 'app.asar'), { isPack: false })
        .filter((file) => file.startsWith('/node_modules/'))
        .map((file) => file.split('/')[2]),
    );
    expect(modules.has('better-sqlite3')).toBe(true);
    for (const bundled of ['zod', 'graphology', 'fast-xml-parser', 'papaparse', 'ml-matrix', '@stdlib'])
      expect(modules.has(bundled), bundled).toBe(false);
    const native = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const shipped = filesUnder(native);
    expect(shipped).toContain('build/Release/better_sqlite3.node');
    expect(shipped.filter((file) => /^(deps|src)\//.test(file) || file.includes('/obj'))).toEqual([]);
    expect(
      asar.statFile(
        join(resources, 'app.asar'),
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      ).unpacked,
    ).toBe(true);
  });

  it('names the executable as the .desktop file does and flips the fuses electron-builder.yml sets', () => {
    const executable = join(unpacked, 'empathy-workbench');
    expect(existsSync(executable)).toBe(true);
    const wire = fuseWire(executable);
    const state = Object.fromEntries(FUSES.map((fuse, index) => [fuse, wire[index] === '1']));
    expect(state).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      // Not set in electron-builder.yml: Electron's default stays.
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('writes the homepage into the packaged package.json, whose main is the main-process bundle', () => {
    const app = join(work, 'app');
    asar.extractAll(join(resources, 'app.asar'), app);
    const packaged = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      main: string;
      homepage?: string;
    };
    expect(packaged.homepage).toBe('https://example.org/empathy-workbench');
    expect(distOutput).toContain('Homepage https://example.org/empathy-workbench (from EMPATHY_HOMEPAGE)');
    expect(existsSync(join(app, packaged.main))).toBe(true);
  });

  it('has every module the main process requires at run time: Electron’s, Node’s, and a working better-sqlite3', () => {
    const app = join(work, 'app');
    if (!existsSync(app)) asar.extractAll(join(resources, 'app.asar'), app);
    const main = readFileSync(join(app, 'dist-electron', 'main.cjs'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
    const builtins = new Set(builtinModules);
    const outside = [...required].filter(
      (name) => name !== undefined && !name.startsWith('node:') && !builtins.has(name),
    );
    expect(outside.sort()).toEqual(['better-sqlite3', 'electron']);
    // Loaded from the packaged copy, as the app would (built for Node's ABI here: no rebuild without Electron).
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        'const path = require.resolve("better-sqlite3", { paths: [process.argv[1]] });' +
          'const db = new (require(path))(":memory:");' +
          'console.log(JSON.stringify({ path, version: db.prepare("select sqlite_version() as v").get().v }));',
        join(app, 'dist-electron'),
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    const loaded = JSON.parse(probe.stdout) as { path: string; version: string };
    expect(relative(app, loaded.path)).toBe(join('node_modules', 'better-sqlite3', 'lib', 'index.js'));
    expect(loaded.version).toMatch(/^3\.\d+\.\d+$/);
  });
});
