import os from 'node:os';
import path from 'node:path';
import { APP_NAME } from './app-info';

/** Points every host (desktop app, web host, CLI) at another workspace folder, e.g. for a workshop laptop. */
export const DATA_DIR_ENV = 'EMPATHY_WORKBENCH_DATA_DIR';

export interface DataDirChoice {
  readonly dataDir: string;
  /** Where the folder came from, so `app.info` and error messages can say why this folder was used. */
  readonly source: 'flag' | 'env' | 'electron' | 'default';
}

export interface DataDirOptions {
  /** The value of `--data-dir`, if the user gave one. */
  readonly flag?: string | undefined;
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `app.getPath('userData')` when running inside Electron. */
  readonly electronUserData?: string | undefined;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
  readonly cwd?: string;
}

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Windows paths are built with `path.win32` even when the tests run on Linux, and POSIX paths likewise. */
const pathFor = (platform: NodeJS.Platform): path.PlatformPath =>
  platform === 'win32' ? path.win32 : path.posix;

/**
 * Electron's `appData` folder, re-derived so the CLI and the web host (which run without Electron) find the same
 * workspace as the desktop app. Electron documents `appData` as `%APPDATA%` on Windows, `$XDG_CONFIG_HOME` or
 * `~/.config` on Linux and `~/Library/Application Support` on macOS
 * (https://www.electronjs.org/docs/latest/api/app#appgetpathname), and `userData` as `appData` joined with the
 * app's name, which is package.json's `productName` when it has one.
 */
function electronAppData(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
) {
  const paths = pathFor(platform);
  if (platform === 'win32') {
    const appData = env['APPDATA'];
    return given(appData) ? appData : paths.join(home, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support');
  // The XDG Base Directory spec says a relative $XDG_CONFIG_HOME is invalid and must be ignored
  // (https://specifications.freedesktop.org/basedir-spec/latest/#variables).
  const xdgConfigHome = env['XDG_CONFIG_HOME'];
  return given(xdgConfigHome) && paths.isAbsolute(xdgConfigHome)
    ? xdgConfigHome
    : paths.join(home, '.config');
}

/**
 * The workspace folder: the `--data-dir` flag, else the environment variable, else Electron's userData folder when
 * given, else the folder Electron would use for productName "Empathy Workbench", so the CLI, the web host and the
 * desktop app share one workspace. Relative paths resolve against `cwd`.
 */
export function resolveDataDir(options: DataDirOptions): DataDirChoice {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const paths = pathFor(platform);
  const cwd = options.cwd ?? process.cwd();
  const resolve = (folder: string): string => paths.resolve(cwd, folder);

  if (given(options.flag)) return { dataDir: resolve(options.flag), source: 'flag' };
  const fromEnv = env[DATA_DIR_ENV];
  if (given(fromEnv)) return { dataDir: resolve(fromEnv), source: 'env' };
  if (given(options.electronUserData))
    return { dataDir: resolve(options.electronUserData), source: 'electron' };
  const home = options.home ?? os.homedir();
  return { dataDir: paths.join(electronAppData(platform, env, home), APP_NAME), source: 'default' };
}
