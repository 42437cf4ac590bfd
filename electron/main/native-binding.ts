/**
 * Where the main process finds better-sqlite3's native module when it runs from a clone (`npm start`).
 *
 * The copy in node_modules is built for Node's ABI, because the CLI, the web host and the tests run on Node.
 * Electron has its own ABI (NODE_MODULE_VERSION 145 for Electron 41), so `scripts/ensure-electron.mjs` builds a
 * second copy into `.electron-native/` and Electron passes it to better-sqlite3's `nativeBinding` option.
 * A packaged app needs none of this: electron-builder rebuilds node_modules for Electron (`npmRebuild`) and
 * unpacks the `.node` file from the asar (`asarUnpack` in electron-builder.yml).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Relative to the app folder; `scripts/ensure-electron.mjs` writes to the same place (a test checks both agree). */
export const ELECTRON_NATIVE_BINDING = [
  '.electron-native',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
] as const;

export interface NativeBindingContext {
  readonly appPath: string;
  readonly isPackaged: boolean;
  readonly exists?: (path: string) => boolean;
}

/** The Electron build of better-sqlite3 to load, or undefined to let better-sqlite3 find its own. */
export function electronNativeBinding({
  appPath,
  isPackaged,
  exists = existsSync,
}: NativeBindingContext): string | undefined {
  if (isPackaged) return undefined;
  const binding = join(appPath, ...ELECTRON_NATIVE_BINDING);
  return exists(binding) ? binding : undefined;
}

/** A hint for the error dialog when the Node build was loaded into Electron by mistake. */
export function nativeModuleHint(message: string): string | undefined {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message))
    return undefined;
  return 'better-sqlite3 was built for Node, not for Electron. Run "npm start" (scripts/ensure-electron.mjs builds the Electron copy into .electron-native/).';
}
