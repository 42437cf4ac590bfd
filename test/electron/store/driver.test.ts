import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, WORKSPACE_FILE, WorkspaceError } from '../../../electron/store/workspace';
import { tempDataDir } from './support';

/** The Node build of the driver's native module, standing in for the Electron build electron/main passes. */
const nodeBuild = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('the native module option', () => {
  it('opens new and existing workspaces with the build it names', () => {
    expect(fs.existsSync(nodeBuild)).toBe(true);
    const dataDir = tempDataDir();
    for (let round = 0; round < 2; round += 1) {
      const workspace = openWorkspace({ dataDir, backupOnOpen: false, nativeBinding: nodeBuild });
      workspace.close();
    }
  });

  it('passes a failure to load the module on unchanged, not disguised as a problem with the file', () => {
    const dataDir = tempDataDir();
    openWorkspace({ dataDir, backupOnOpen: false }).close(); // existing file: the read-only check loads the module
    const missing = path.join(dataDir, 'no-such-build.node');
    for (const folder of [dataDir, tempDataDir()]) {
      let caught: unknown;
      try {
        openWorkspace({ dataDir: folder, backupOnOpen: false, nativeBinding: missing });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect(caught).not.toBeInstanceOf(WorkspaceError);
    }
    expect(fs.existsSync(path.join(dataDir, WORKSPACE_FILE))).toBe(true);
  });
});
