#!/usr/bin/env node
/**
 * `npm run build:electron`: bundles the main process and the preload with esbuild into dist-electron/.
 *
 * - main.cjs: CommonJS for Electron's Node (Electron 41 ships Node 24; https://releases.electronjs.org). `electron`
 *   is provided by the runtime; `better-sqlite3` stays external because it loads a native module at run time
 *   (the packaged app ships it in node_modules, rebuilt for Electron and unpacked from the asar).
 * - preload.cjs: a sandboxed preload cannot `require` anything but a few Electron modules, and cannot be an ES
 *   module (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts), so it is one CommonJS file
 *   for Chromium 146. The build fails if anything from node_modules (zod, say) slipped into it.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist-electron');

/** Electron 41.x: Node 24.x in the main process, Chromium 146 in renderers (and preloads). */
export const MAIN_TARGET = 'node24';
export const PRELOAD_TARGET = 'chrome146';

/**
 * The two bundles, as esbuild options. Shared with scripts/electronegativity.mjs, which scans exactly the
 * project files these bundles contain.
 * @param {string} root the project folder
 * @returns {{ main: import('esbuild').BuildOptions, preload: import('esbuild').BuildOptions }}
 */
export function electronBundles(root) {
  const outDir = join(root, 'dist-electron');
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
    legalComments: 'none',
  };
  return {
    main: {
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      target: MAIN_TARGET,
      external: ['electron', 'better-sqlite3'],
    },
    preload: {
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(outDir, 'preload.cjs'),
      // 'browser' makes esbuild refuse Node built-ins, which a sandboxed preload does not have.
      platform: 'browser',
      target: PRELOAD_TARGET,
      external: ['electron'],
    },
  };
}

/** Inputs of a bundle that come from node_modules: none are allowed in the preload. */
export function packagesIn(metafile) {
  return Object.keys(metafile.inputs).filter((input) => input.split(/[\\/]/).includes('node_modules'));
}

async function main() {
  const bundles = electronBundles(ROOT);
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await build(bundles.main);
  const preload = await build(bundles.preload);
  const leaked = packagesIn(preload.metafile);
  if (leaked.length > 0) {
    throw new Error(`The preload must not bundle packages (the sandbox gives it none): ${leaked.join(', ')}`);
  }
  const built = ['main.cjs', 'preload.cjs'].map((file) => relative(ROOT, join(OUT_DIR, file)));
  process.stdout.write(`Built ${built.join(' and ')}.\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    process.stderr.write(`build-electron: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
