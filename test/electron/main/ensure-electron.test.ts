import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ELECTRON_HEADERS_URL,
  electronInstallEnv,
  main,
  NATIVE_BINDING,
  NATIVE_PACKAGE_DIR,
  NATIVE_STAMP_FILE,
  nativeBuildCommands,
  nativeBuildEnv,
  planSetup,
  readFacts,
  type SetupFacts,
} from '../../../scripts/ensure-electron.mjs';

/** A clone after `npm install` and one `npm start`: everything in place. */
const ready: SetupFacts = {
  platform: 'linux',
  arch: 'x64',
  electronVersion: '41.7.1',
  betterSqliteVersion: '12.9.0',
  electronOverride: undefined,
  electronPathTxt: 'electron',
  electronDistVersion: '41.7.1',
  electronExecutableExists: true,
  nativeBindingExists: true,
  nativeStamp: { electron: '41.7.1', betterSqlite3: '12.9.0', platform: 'linux', arch: 'x64' },
};

describe('what npm start has to do', () => {
  it('nothing, when Electron and its better-sqlite3 are in place', () => {
    expect(planSetup(ready)).toEqual({
      fetchElectron: false,
      electronReason: undefined,
      buildNative: false,
      nativeReason: undefined,
    });
  });

  it('everything, right after npm install (Electron install script denied, no Electron copy)', () => {
    const plan = planSetup({
      ...ready,
      electronPathTxt: undefined,
      electronDistVersion: undefined,
      electronExecutableExists: false,
      nativeBindingExists: false,
      nativeStamp: undefined,
    });
    expect(plan.fetchElectron).toBe(true);
    expect(plan.electronReason).toMatch(/path\.txt/);
    expect(plan.buildNative).toBe(true);
  });

  it.each<[string, Partial<SetupFacts>]>([
    ['path.txt is missing', { electronPathTxt: undefined }],
    ['the dist folder is missing', { electronDistVersion: undefined, electronExecutableExists: false }],
    ['the dist folder holds another version', { electronDistVersion: '40.1.0' }],
    ['the executable is missing', { electronExecutableExists: false }],
  ])('fetches Electron when %s', (_case, change) => {
    const plan = planSetup({ ...ready, ...change });
    expect(plan.fetchElectron).toBe(true);
    expect(plan.buildNative).toBe(false);
  });

  it('leaves Electron alone when the user points ELECTRON_OVERRIDE_DIST_PATH at their own build', () => {
    expect(
      planSetup({ ...ready, electronOverride: '/opt/electron', electronPathTxt: undefined }).fetchElectron,
    ).toBe(false);
  });

  it.each<[string, Partial<SetupFacts>, RegExp]>([
    ['the binding is missing', { nativeBindingExists: false }, /no Electron build/],
    ['there is no stamp', { nativeStamp: undefined }, /no stamp/],
    ['the stamp is not an object', { nativeStamp: 'x' }, /no stamp/],
    [
      'Electron was upgraded',
      { electronVersion: '41.8.0', electronDistVersion: '41.8.0' },
      /another electron/,
    ],
    ['better-sqlite3 was upgraded', { betterSqliteVersion: '12.10.0' }, /another betterSqlite3/],
    [
      'node_modules came from another machine',
      { platform: 'darwin', arch: 'arm64' },
      /another platform and arch/,
    ],
  ])('rebuilds better-sqlite3 for Electron when %s', (_case, change, reason) => {
    const plan = planSetup({ ...ready, ...change });
    expect(plan.buildNative).toBe(true);
    expect(plan.nativeReason).toMatch(reason);
  });

  it('asks for npm install when a package is missing', () => {
    expect(() => planSetup({ ...ready, electronVersion: undefined })).toThrow(/npm install/);
    expect(() => planSetup({ ...ready, betterSqliteVersion: undefined })).toThrow(/npm install/);
  });
});

describe('the environments of the child processes', () => {
  it('let Electron install.js download (it exits at once with ELECTRON_SKIP_BINARY_DOWNLOAD set)', () => {
    const env = electronInstallEnv({
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      PATH: '/usr/bin',
      HTTPS_PROXY: 'http://p',
    });
    expect(env).toEqual({ PATH: '/usr/bin', HTTPS_PROXY: 'http://p' });
  });

  it('do not build the Electron copy against Node headers', () => {
    const env = nativeBuildEnv({
      npm_config_nodedir: '/usr',
      npm_config_target: '20.20.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      PATH: '/usr/bin',
      npm_config_cache: '/home/me/.npm',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/home/me/.npm' });
  });
});

describe('the build commands', () => {
  const tools = {
    electronVersion: '41.7.1',
    platform: 'linux',
    arch: 'x64',
    prebuildInstall: '/clone/node_modules/prebuild-install/bin.js',
    home: '/home/me',
  };

  it('try a prebuilt Electron binary first, then compile with Electron headers', () => {
    const [prebuilt, compile] = nativeBuildCommands({
      ...tools,
      nodeGyp: '/clone/node_modules/node-gyp/bin/node-gyp.js',
    });
    expect(prebuilt).toEqual({
      name: 'prebuild-install',
      args: [
        tools.prebuildInstall,
        '--runtime',
        'electron',
        '--target',
        '41.7.1',
        '--platform',
        'linux',
        '--arch',
        'x64',
      ],
    });
    expect(compile?.name).toBe('node-gyp');
    expect(compile?.args).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--target=41.7.1',
        '--arch=x64',
        `--dist-url=${ELECTRON_HEADERS_URL}`,
      ]),
    );
    expect(ELECTRON_HEADERS_URL).toBe('https://electronjs.org/headers');
  });

  it('only try the prebuilt binary when node-gyp cannot be found', () => {
    expect(nativeBuildCommands({ ...tools, nodeGyp: undefined }).map((command) => command.name)).toEqual([
      'prebuild-install',
    ]);
  });
});

describe('reading the clone', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'workbench-ensure-electron-'));
    const put = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put('node_modules/electron/package.json', JSON.stringify({ version: '41.7.1' }));
    put('node_modules/better-sqlite3/package.json', JSON.stringify({ version: '12.9.0' }));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('sees a fresh install as needing both steps', () => {
    const facts = readFacts({ root, env: {}, platform: 'linux', arch: 'x64' });
    expect(facts).toMatchObject({
      electronVersion: '41.7.1',
      betterSqliteVersion: '12.9.0',
      electronPathTxt: undefined,
      nativeBindingExists: false,
    });
    expect(planSetup(facts)).toMatchObject({ fetchElectron: true, buildNative: true });
  });

  it('sees a finished setup as done', () => {
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
    mkdirSync(join(root, 'node_modules/electron/dist'));
    writeFileSync(join(root, 'node_modules/electron/dist/version'), 'v41.7.1');
    writeFileSync(join(root, 'node_modules/electron/dist/electron'), '');
    mkdirSync(join(root, ...NATIVE_BINDING, '..'), { recursive: true });
    writeFileSync(join(root, ...NATIVE_BINDING), '');
    writeFileSync(
      join(root, ...NATIVE_PACKAGE_DIR, NATIVE_STAMP_FILE),
      JSON.stringify({ electron: '41.7.1', betterSqlite3: '12.9.0', platform: 'linux', arch: 'x64' }),
    );
    const facts = readFacts({ root, env: {}, platform: 'linux', arch: 'x64' });
    expect(planSetup(facts)).toMatchObject({ fetchElectron: false, buildNative: false });
  });
});

describe('running the steps (with stand-ins for the downloads)', () => {
  let root: string;
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const log = (): string[] => readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'workbench-ensure-run-'));
    put('node_modules/electron/package.json', JSON.stringify({ version: '41.7.1' }));
    // Stands in for Electron's install.js: records its environment, then unpacks a "binary".
    put(
      'node_modules/electron/install.js',
      `const fs = require('fs'), path = require('path');
       fs.appendFileSync(${JSON.stringify(join(root, 'calls.log'))}, 'install.js skip=' + process.env.ELECTRON_SKIP_BINARY_DOWNLOAD + '\\n');
       fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
       fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v41.7.1');
       fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
       fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
    );
    put(
      'node_modules/better-sqlite3/package.json',
      JSON.stringify({ name: 'better-sqlite3', version: '12.9.0' }),
    );
    put('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source');
    put('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'NODE ABI BUILD');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const prebuildInstall = (exitCode: number) =>
    put(
      'node_modules/better-sqlite3/node_modules/prebuild-install/bin.js',
      `const fs = require('fs');
       fs.appendFileSync(${JSON.stringify(join(root, 'calls.log'))},
         'prebuild-install ' + process.argv.slice(2).join(' ') + ' nodedir=' + process.env.npm_config_nodedir + ' copiedNodeBuild=' + fs.existsSync('build') + '\\n');
       if (${exitCode} === 0) {
         fs.mkdirSync('build/Release', { recursive: true });
         fs.writeFileSync('build/Release/better_sqlite3.node', 'ELECTRON ABI BUILD');
       }
       process.exit(${exitCode});`,
    );
  const devEnv = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', npm_config_nodedir: '/usr' };
  const quiet = (): void => undefined;

  it('fetches Electron and builds the Electron copy once, leaving the Node build alone', () => {
    prebuildInstall(0);
    main({ root, env: devEnv, platform: 'linux', arch: 'x64', log: quiet });
    expect(log()).toEqual([
      'install.js skip=undefined',
      'prebuild-install --runtime electron --target 41.7.1 --platform linux --arch x64 nodedir=undefined copiedNodeBuild=false',
    ]);
    expect(readFileSync(join(root, ...NATIVE_BINDING), 'utf8')).toBe('ELECTRON ABI BUILD');
    expect(
      readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8'),
    ).toBe('NODE ABI BUILD');
    expect(JSON.parse(readFileSync(join(root, ...NATIVE_PACKAGE_DIR, NATIVE_STAMP_FILE), 'utf8'))).toEqual({
      electron: '41.7.1',
      betterSqlite3: '12.9.0',
      platform: 'linux',
      arch: 'x64',
    });
    main({ root, env: devEnv, platform: 'linux', arch: 'x64', log: quiet });
    expect(log()).toHaveLength(2); // the second start does nothing
  });

  it('leaves no half-built copy behind when no build works', () => {
    prebuildInstall(1);
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
    mkdirSync(join(root, 'node_modules/electron/dist'));
    writeFileSync(join(root, 'node_modules/electron/dist/version'), '41.7.1');
    writeFileSync(join(root, 'node_modules/electron/dist/electron'), '');
    // node-gyp is looked up from the clone, then from npm (npm_config_node_gyp); here there is none.
    expect(() => main({ root, env: devEnv, platform: 'linux', arch: 'x64', log: quiet })).toThrow(
      /could not be built/,
    );
    expect(existsSync(join(root, ...NATIVE_PACKAGE_DIR))).toBe(false);
    expect(readdirSync(join(root, '.electron-native'))).toEqual([]);
  });
});
