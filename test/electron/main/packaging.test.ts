import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import {
  copyFileSync,
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
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel } from '../../../electron/api/operations';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import { PREPARE_CLOSE_CHANNEL } from '../../../electron/main/desktop-channels';
import { SAMPLE_PROJECT_NAME } from '../../../electron/services/samples';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { WORKSPACE_FILE } from '../../../electron/store/workspace';

/**
 * `npm run dist` as far as it can go without the internet: scripts/dist.mjs runs electron-builder with
 * electron-builder.yml for Linux's unpacked target ("dir", the step every Linux installer is made from), with a
 * stand-in for Electron's binary (electron-builder would download the real one) that carries a fuse wire as
 * Electron's does, then starts the packed main process with Node and a stand-in for the `electron` module
 * (fixtures/stand-in-electron.cjs). Not done here: the native rebuild for Electron's ABI (it downloads Electron's
 * headers), the AppImage and .deb themselves (electron-builder downloads their tools), and starting the real
 * Electron: no Chromium renders the page, and the main process runs on Node 20, not on Electron's Node 24.
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

/** One line of the stand-in Electron's report. */
interface Reported {
  readonly event: string;
  readonly [field: string]: unknown;
}

/** One start of the packed main process: how it ended, its data folder, and what the stand-in reported. */
interface Started {
  readonly run: SpawnSyncReturns<string>;
  readonly home: string;
  readonly dataDir: string;
  /** The data folder's files as the app left them, before a test opens the workspace. */
  readonly dataFiles: readonly string[];
  readonly events: readonly Reported[];
}

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

/** The packed app as the packaged executable sees it: app.asar extracted once, app.asar.unpacked's files included. */
function extractedApp(): string {
  const app = join(work, 'app');
  if (!existsSync(app)) asar.extractAll(join(resources, 'app.asar'), app);
  return app;
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
    // from older sources would be packed and started instead of today's. The renderer's slower Vite build runs
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
    const app = extractedApp();
    const packaged = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      main: string;
      homepage?: string;
    };
    expect(packaged.homepage).toBe('https://example.org/empathy-workbench');
    expect(distOutput).toContain('Homepage https://example.org/empathy-workbench (from EMPATHY_HOMEPAGE)');
    expect(existsSync(join(app, packaged.main))).toBe(true);
  });

  it('has every module the main process requires at run time: Electron’s, Node’s, and a working better-sqlite3', () => {
    const app = extractedApp();
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

  describe('started with Node and a stand-in Electron (fixtures/stand-in-electron.cjs)', () => {
    let app: string;
    /** Closed with the window's close button, which quits the app on Linux ('window-all-closed'). */
    let closed: Started;

    /** The one report of `event` in the closed run's. */
    function reported(event: string): Reported {
      const found = closed.events.filter((line) => line.event === event);
      expect(found, `one "${event}" in the stand-in's report`).toHaveLength(1);
      return found[0] as Reported;
    }

    /**
     * Starts the packed main process on a data folder of its own, as a desktop launch would: the executable with
     * the user's arguments and none of npm's variables. The page ends the session as `end` says.
     */
    function startPackagedApp(name: string, end: 'close-button' | 'quit'): Started {
      const folder = join(work, name);
      const home = join(folder, 'home');
      mkdirSync(home, { recursive: true });
      const data = join(folder, 'data');
      const reportFile = join(folder, 'stand-in-electron.jsonl');
      const run = spawnSync(process.execPath, [join(app, 'dist-electron', 'main.cjs'), '--data-dir', data], {
        cwd: home,
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'],
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          STAND_IN_ELECTRON_REPORT: reportFile,
          STAND_IN_ELECTRON_END: end,
        },
      });
      const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
      return {
        run,
        home,
        dataDir: data,
        dataFiles: existsSync(data) ? readdirSync(data).sort() : [],
        events: report
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Reported),
      };
    }

    /** Exit code 0, nothing on stderr, and nothing the stand-in lacks or refused. */
    function expectCleanRun({ run, events: lines }: Started): void {
      const story = `stderr:\n${run.stderr}\nreport:\n${lines.map((line) => JSON.stringify(line)).join('\n')}`;
      expect(run.status, story).toBe(0);
      expect(run.stderr).toBe('');
      expect(
        lines.filter((line) => ['missing', 'error-box', 'stand-in-failed'].includes(line.event)),
      ).toEqual([]);
    }

    beforeAll(() => {
      app = extractedApp();
      // The bundle's require("electron") finds the stand-in where a packaged app gets Electron's own module.
      // The workspace is opened with the packaged better-sqlite3, built for Node's ABI here (npmRebuild=false: the
      // rebuild for Electron's ABI downloads Electron's headers), which is the ABI this Node loads.
      const electronModule = join(app, 'node_modules', 'electron');
      mkdirSync(electronModule);
      copyFileSync(
        join(import.meta.dirname, 'fixtures', 'stand-in-electron.cjs'),
        join(electronModule, 'index.js'),
      );
      closed = startPackagedApp('closed', 'close-button');
    });

    it('runs through start-up and quit using only what the stand-in implements, with exit code 0', () => {
      expectCleanRun(closed);
      // Electron's order: the scheme and the sandbox before 'ready', the window after; quit after the window closed.
      const milestones = ['schemes', 'enable-sandbox', 'ready', 'window', 'page-loaded', 'closed', 'exit'];
      expect(closed.events.map((line) => line.event).filter((event) => milestones.includes(event))).toEqual(
        milestones,
      );
      expect(reported('exit')['exitCode']).toBe(0);
    });

    it('opens the workspace in --data-dir with the packaged better-sqlite3 and every migration applied', () => {
      expect(reported('exit')['nativeModules']).toEqual([
        join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      ]);
      // Not the user-data folder Electron would have offered.
      expect(existsSync(join(closed.home, '.config'))).toBe(false);
      const db = new Database(join(closed.dataDir, WORKSPACE_FILE), { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      } finally {
        db.close();
      }
    });

    it('creates the window with the secure webPreferences, the packaged preload and the navigation guards', () => {
      const window = reported('window') as Reported & {
        options: { show: boolean; webPreferences: Record<string, unknown> };
      };
      expect(window.options.show).toBe(false);
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        devTools: false,
        preload: join(app, 'dist-electron', 'preload.cjs'),
      });
      expect(window['preloadExists']).toBe(true);
      expect(window['guardedEvents']).toEqual(
        expect.arrayContaining(['will-navigate', 'will-attach-webview']),
      );
      expect(window['windowOpenHandler']).toBe(true);
      expect(reported('window-shown')).toBeDefined();
    });

    it('loads app:// and its protocol handler serves dist/index.html from the packaged app, with the CSP', () => {
      expect(reported('load-url')['url']).toBe(APP_ENTRY_URL);
      const page = reported('page-loaded') as Reported & { headers: Record<string, string> };
      expect(page['status']).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(page['body']).toBe(readFileSync(join(app, 'dist', 'index.html'), 'utf8'));
    });

    it('answers the app page’s IPC call (the sample project is listed) and refuses a foreign page’s', () => {
      const calls = closed.events.filter((line) => line.event === 'invoked');
      expect(calls.map((call) => [call['channel'], call['frameUrl']])).toEqual([
        [ipcChannel('projects.list'), APP_ENTRY_URL],
        [ipcChannel('projects.list'), 'https://example.org/'],
      ]);
      expect(calls[0]?.['result']).toMatchObject({ ok: true, value: [{ name: SAMPLE_PROJECT_NAME }] });
      expect(calls[1]?.['result']).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('closes through the close guard, quits, and leaves a closed workspace that passes integrity_check', () => {
      expect(closed.events.filter((line) => line.event === 'close').map((line) => line['prevented'])).toEqual(
        [true, false],
      );
      // Asked on the guard's channel, the page answered on the one the guard listens to (not after its time-out).
      expect(reported('sent')['channel']).toBe(PREPARE_CLOSE_CHANNEL);
      expect(reported('page-answers-close')['heard']).toBe(true);
      // Closed in 'will-quit': SQLite moves the write-ahead log into the file and deletes it, and its index, on the
      // last close (https://www.sqlite.org/wal.html#the_wal_file).
      expect(closed.dataFiles).toContain(WORKSPACE_FILE);
      expect(closed.dataFiles.filter((file) => file.startsWith(`${WORKSPACE_FILE}-`))).toEqual([]);
      const db = new Database(join(closed.dataDir, WORKSPACE_FILE), { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    });

    it('quits from File > Quit: the close guard holds the quit until the page answers, then it goes on', () => {
      const quit = startPackagedApp('quit', 'quit');
      expectCleanRun(quit);
      // app.quit() closes the window; the guard keeps it open, which cancels the quit as in Electron, until the page
      // answers; the window then closes and the main process quits again.
      expect(
        quit.events
          .filter((line) =>
            ['quit-requested', 'close', 'quit-cancelled', 'closed', 'exit'].includes(line.event),
          )
          .map((line) =>
            line.event === 'close' ? `close${line['prevented'] === true ? ' (kept)' : ''}` : line.event,
          ),
      ).toEqual([
        'quit-requested',
        'close (kept)',
        'quit-cancelled',
        'close',
        'quit-requested',
        'closed',
        'exit',
      ]);
      expect(quit.events.find((line) => line.event === 'exit')?.['exitCode']).toBe(0);
      expect(quit.dataFiles.filter((file) => file.startsWith(`${WORKSPACE_FILE}-`))).toEqual([]);
    });
  });
});
