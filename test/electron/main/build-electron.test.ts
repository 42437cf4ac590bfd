import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  electronBundles,
  MAIN_TARGET,
  packagesIn,
  PRELOAD_TARGET,
} from '../../../scripts/build-electron.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the Electron bundles', () => {
  const bundles = electronBundles(root);

  it('are CommonJS files for Electron 41 (Node 24 in main, Chromium 146 in the preload)', () => {
    expect(bundles.main).toMatchObject({
      format: 'cjs',
      platform: 'node',
      target: MAIN_TARGET,
      bundle: true,
    });
    expect(bundles.main.outfile).toBe(join(root, 'dist-electron', 'main.cjs'));
    expect(bundles.preload).toMatchObject({
      format: 'cjs',
      platform: 'browser',
      target: PRELOAD_TARGET,
      bundle: true,
    });
    expect(bundles.preload.outfile).toBe(join(root, 'dist-electron', 'preload.cjs'));
    expect(MAIN_TARGET).toBe('node24');
    expect(PRELOAD_TARGET).toBe('chrome146');
  });

  it('leave electron and the native better-sqlite3 to the runtime', () => {
    expect(bundles.main.external).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']));
    expect(bundles.preload.external).toEqual(['electron']);
  });

  it('keep zod and every other package out of the sandboxed preload', async () => {
    const result = await build({
      ...bundles.preload,
      write: false,
      sourcemap: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(packagesIn(result.metafile)).toEqual([]);
    // The preload, the operation names (the list and each instrument's part of it) and the menu commands: no
    // schema, no service, no package.
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs).toEqual(expect.arrayContaining(['electron/api/operations.ts', 'electron/preload.ts']));
    for (const input of inputs) {
      expect(input).toMatch(
        /^electron\/(preload\.ts|api\/operations\.ts|api\/parts\/[a-z]+\.operations\.ts|main\/(menu-commands|desktop-channels|print-channel)\.ts)$/,
      );
    }
    const code = result.outputFiles?.find((file) => file.path.endsWith('.cjs'))?.text ?? '';
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/require\("(?!electron")/);
  });

  it('name the packages a bundle pulled in', () => {
    const metafile = {
      inputs: { 'electron/preload.ts': {}, 'node_modules/zod/v4/index.js': {} },
      outputs: {},
    };
    expect(packagesIn(metafile as never)).toEqual(['node_modules/zod/v4/index.js']);
  });
});
