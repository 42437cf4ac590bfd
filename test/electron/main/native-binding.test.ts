import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_NATIVE_BINDING,
  electronNativeBinding,
  nativeModuleHint,
} from '../../../electron/main/native-binding';
import { NATIVE_BINDING } from '../../../scripts/ensure-electron.mjs';

describe('the Electron build of better-sqlite3', () => {
  it('is looked for where scripts/ensure-electron.mjs builds it', () => {
    expect([...ELECTRON_NATIVE_BINDING]).toEqual([...NATIVE_BINDING]);
  });

  it('is used from a clone when it has been built', () => {
    const expected = join('/clone', ...ELECTRON_NATIVE_BINDING);
    expect(
      electronNativeBinding({ appPath: '/clone', isPackaged: false, exists: (path) => path === expected }),
    ).toBe(expected);
    expect(
      electronNativeBinding({ appPath: '/clone', isPackaged: false, exists: () => false }),
    ).toBeUndefined();
  });

  it('is never used by a packaged app, whose node_modules electron-builder rebuilt', () => {
    expect(
      electronNativeBinding({ appPath: '/app.asar', isPackaged: true, exists: () => true }),
    ).toBeUndefined();
  });

  it('is suggested when Electron loaded the Node build', () => {
    const abiError =
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 145.";
    expect(nativeModuleHint(abiError)).toMatch(/npm start/);
    expect(nativeModuleHint('SQLITE_CORRUPT: database disk image is malformed')).toBeUndefined();
  });
});
