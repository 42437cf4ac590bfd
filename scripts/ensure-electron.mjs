#!/usr/bin/env node
/**
 * `npm start` runs this before building and launching the app. It makes two things ready, each only once:
 *
 * 1. The Electron binary. Electron's install script is denied in package.json's `allowScripts` (so that
 *    `npm install` works on machines without GitHub access), so the binary is fetched here on first run by
 *    running Electron's own `node_modules/electron/install.js` (idempotent: it checks `dist/version` and
 *    `path.txt` itself) with ELECTRON_SKIP_BINARY_DOWNLOAD removed from its environment.
 *
 * 2. An Electron build of better-sqlite3's native module. node_modules/better-sqlite3 is built for Node's ABI,
 *    which the CLI, the web host and the tests need. Electron has its own ABI, so a copy of the package is built
 *    in `.electron-native/better-sqlite3/`, first from a prebuilt binary (`prebuild-install --runtime electron`),
 *    else from source with Electron's headers (`node-gyp rebuild --dist-url=https://electronjs.org/headers`,
 *    as in https://www.electronjs.org/docs/latest/tutorial/using-native-node-modules#manually-building-for-electron).
 *    The main process passes that file to better-sqlite3's `nativeBinding` option (electron/main/native-binding.ts).
 *    A stamp file records what it was built for, so the work is skipped until Electron or better-sqlite3 changes.
 *
 * The decisions are pure functions (`planSetup`, `electronInstallEnv`, `nativeBuildEnv`, `nativeBuildCommands`),
 * tested in test/electron/main/ensure-electron.test.ts; only `main()` touches the network.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative to the project root; electron/main/native-binding.ts reads the same path. */
export const NATIVE_PACKAGE_DIR = ['.electron-native', 'better-sqlite3'];
export const NATIVE_BINDING = [...NATIVE_PACKAGE_DIR, 'build', 'Release', 'better_sqlite3.node'];
export const NATIVE_STAMP_FILE = 'electron-build.json';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};
const readText = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * What is on disk now. Every field is plain data, so the plan can be tested without a real Electron.
 * @param {{ root: string, env: Record<string, string | undefined>, platform: string, arch: string }} where
 */
export function readFacts({ root, env, platform, arch }) {
  const electronDir = join(root, 'node_modules', 'electron');
  const betterSqliteDir = join(root, 'node_modules', 'better-sqlite3');
  const executable = readText(join(electronDir, 'path.txt'));
  return {
    platform,
    arch,
    electronVersion: readJson(join(electronDir, 'package.json'))?.version,
    betterSqliteVersion: readJson(join(betterSqliteDir, 'package.json'))?.version,
    electronOverride: env.ELECTRON_OVERRIDE_DIST_PATH,
    electronPathTxt: executable,
    electronDistVersion: readText(join(electronDir, 'dist', 'version'))
      ?.trim()
      .replace(/^v/, ''),
    electronExecutableExists: executable !== undefined && existsSync(join(electronDir, 'dist', executable)),
    nativeBindingExists: existsSync(join(root, ...NATIVE_BINDING)),
    nativeStamp: readJson(join(root, ...NATIVE_PACKAGE_DIR, NATIVE_STAMP_FILE)),
  };
}

/** What a finished native build is stamped with; a different stamp means build again. */
export function nativeStampFor(facts) {
  return {
    electron: facts.electronVersion,
    betterSqlite3: facts.betterSqliteVersion,
    platform: facts.platform,
    arch: facts.arch,
  };
}

/** Why Electron's binary must be fetched, or undefined when it is in place. */
function electronProblem(facts) {
  // The user points Electron at a build of their own (a documented variable of Electron's own index.js).
  if (facts.electronOverride !== undefined && facts.electronOverride !== '') return undefined;
  if (facts.electronPathTxt === undefined) return 'node_modules/electron/path.txt is missing';
  if (facts.electronDistVersion === undefined) return 'node_modules/electron/dist is missing';
  if (facts.electronDistVersion !== facts.electronVersion)
    return `node_modules/electron/dist holds ${facts.electronDistVersion}, not ${facts.electronVersion}`;
  if (!facts.electronExecutableExists)
    return 'the Electron executable is missing from node_modules/electron/dist';
  return undefined;
}

/** Why the Electron copy of better-sqlite3 must be built, or undefined when it is built for these versions. */
function nativeProblem(facts) {
  if (!facts.nativeBindingExists) return 'there is no Electron build of better-sqlite3 yet';
  const stamp = facts.nativeStamp;
  if (stamp === undefined || stamp === null || typeof stamp !== 'object')
    return 'the Electron build of better-sqlite3 has no stamp saying what it was built for';
  const wanted = nativeStampFor(facts);
  const changed = Object.keys(wanted).filter((key) => stamp[key] !== wanted[key]);
  if (changed.length > 0)
    return `the Electron build of better-sqlite3 was made for another ${changed.join(' and ')}`;
  return undefined;
}

/**
 * Decides what to do, with the reason for each step (printed for the user).
 * @returns {{ fetchElectron: boolean, electronReason: string | undefined, buildNative: boolean, nativeReason: string | undefined }}
 */
export function planSetup(facts) {
  if (facts.electronVersion === undefined)
    throw new Error('node_modules/electron is missing: run "npm install" first.');
  if (facts.betterSqliteVersion === undefined)
    throw new Error('node_modules/better-sqlite3 is missing: run "npm install" first.');
  const electronReason = electronProblem(facts);
  const nativeReason = nativeProblem(facts);
  return {
    fetchElectron: electronReason !== undefined,
    electronReason,
    buildNative: nativeReason !== undefined,
    nativeReason,
  };
}

/** Electron's install.js exits at once when ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is removed here. */
export function electronInstallEnv(env) {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...rest } = env;
  return rest;
}

/**
 * The environment for building the Electron copy. The npm_config_* variables that choose Node's headers or
 * ABI (npm_config_nodedir=/usr on the development machines, a target or runtime from .npmrc) would make
 * node-gyp and prebuild-install build for Node again, so they are dropped; the command line says Electron.
 */
export function nativeBuildEnv(env) {
  const dropped = new Set([
    'npm_config_nodedir',
    'npm_config_target',
    'npm_config_runtime',
    'npm_config_disturl',
    'npm_config_dist_url',
  ]);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !dropped.has(key.toLowerCase())));
}

/**
 * The two ways to build, in order: a prebuilt binary for Electron's ABI from better-sqlite3's GitHub releases,
 * else a compile against Electron's headers. Both run inside the copy, so node_modules stays Node's.
 * @param {{ electronVersion: string, platform: string, arch: string, prebuildInstall: string, nodeGyp: string | undefined, home: string }} tools
 */
export function nativeBuildCommands({ electronVersion, platform, arch, prebuildInstall, nodeGyp, home }) {
  const commands = [
    {
      name: 'prebuild-install',
      args: [
        prebuildInstall,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--platform',
        platform,
        '--arch',
        arch,
      ],
    },
  ];
  if (nodeGyp !== undefined) {
    commands.push({
      name: 'node-gyp',
      args: [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--dist-url=${ELECTRON_HEADERS_URL}`,
        // Electron's docs keep its headers apart from Node's (HOME=~/.electron-gyp); --devdir does the same.
        `--devdir=${join(home, '.electron-gyp')}`,
      ],
    });
  }
  return commands;
}

/** node-gyp from node_modules, else the one npm bundles (npm sets npm_config_node_gyp for `npm start`). */
function findNodeGyp(root, env) {
  try {
    return createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = env.npm_config_node_gyp;
    return bundled !== undefined && existsSync(bundled) ? bundled : undefined;
  }
}

function run(args, options) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

function fetchElectron(root, env, log) {
  const electronDir = join(root, 'node_modules', 'electron');
  log('Fetching the Electron binary (first run only)...');
  const installed = run([join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: electronInstallEnv(env),
  });
  if (!installed || !existsSync(join(electronDir, 'path.txt')))
    throw new Error(
      'Electron could not be downloaded. Check the network (or a proxy), then run "npm start" again.',
    );
}

function buildNative(root, env, facts, log) {
  const source = join(root, 'node_modules', 'better-sqlite3');
  const target = join(root, ...NATIVE_PACKAGE_DIR);
  // Built beside the target and renamed into place, so a failed build never leaves a half-made copy in use.
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(staging), { recursive: true });
  cpSync(source, staging, {
    recursive: true,
    // The Node build (build/) is not copied: it is the wrong ABI and would be mistaken for a finished build.
    filter: (file) => {
      const inside = relative(source, file);
      return inside !== 'build' && !inside.startsWith(`build${sep}`);
    },
  });
  const commands = nativeBuildCommands({
    electronVersion: facts.electronVersion,
    platform: facts.platform,
    arch: facts.arch,
    prebuildInstall: createRequire(join(source, 'package.json')).resolve('prebuild-install/bin.js'),
    nodeGyp: findNodeGyp(root, env),
    home: homedir(),
  });
  const binding = join(staging, 'build', 'Release', 'better_sqlite3.node');
  const buildEnv = nativeBuildEnv(env);
  try {
    const done = commands.some((command) => {
      log(`Building better-sqlite3 for Electron ${facts.electronVersion} with ${command.name}...`);
      return run(command.args, { cwd: staging, env: buildEnv }) && existsSync(binding);
    });
    if (!done)
      throw new Error(
        'better-sqlite3 could not be built for Electron (no prebuilt binary, and node-gyp failed or is missing). ' +
          'A compiler and Python are needed to build it from source; see https://github.com/nodejs/node-gyp#installation.',
      );
    writeFileSync(join(staging, NATIVE_STAMP_FILE), `${JSON.stringify(nativeStampFor(facts), null, 2)}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const printLine = (text) => {
  process.stdout.write(`${text}\n`);
};

export function main({
  root,
  env = process.env,
  platform = process.platform,
  arch = process.arch,
  log = printLine,
}) {
  const facts = readFacts({ root, env, platform, arch });
  const plan = planSetup(facts);
  if (plan.fetchElectron) {
    log(`Electron: ${plan.electronReason}.`);
    fetchElectron(root, env, log);
  }
  if (plan.buildNative) {
    log(`better-sqlite3: ${plan.nativeReason}.`);
    buildNative(root, env, facts, log);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    main({ root: join(dirname(fileURLToPath(import.meta.url)), '..') });
  } catch (error) {
    process.stderr.write(`ensure-electron: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
