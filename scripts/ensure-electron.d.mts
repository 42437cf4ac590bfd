// Types of scripts/ensure-electron.mjs for its tests (plain Node runs the .mjs; nothing compiles it).

export const NATIVE_PACKAGE_DIR: readonly string[];
export const NATIVE_BINDING: readonly string[];
export const NATIVE_STAMP_FILE: string;
export const ELECTRON_HEADERS_URL: string;

export interface SetupFacts {
  readonly platform: string;
  readonly arch: string;
  readonly electronVersion: string | undefined;
  readonly betterSqliteVersion: string | undefined;
  readonly electronOverride: string | undefined;
  readonly electronPathTxt: string | undefined;
  readonly electronDistVersion: string | undefined;
  readonly electronExecutableExists: boolean;
  readonly nativeBindingExists: boolean;
  readonly nativeStamp: unknown;
}

export interface SetupPlan {
  readonly fetchElectron: boolean;
  readonly electronReason: string | undefined;
  readonly buildNative: boolean;
  readonly nativeReason: string | undefined;
}

export interface NativeStamp {
  readonly electron: string | undefined;
  readonly betterSqlite3: string | undefined;
  readonly platform: string;
  readonly arch: string;
}

export interface BuildCommand {
  readonly name: 'prebuild-install' | 'node-gyp';
  readonly args: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

export function readFacts(where: { root: string; env: Env; platform: string; arch: string }): SetupFacts;
export function nativeStampFor(facts: SetupFacts): NativeStamp;
export function planSetup(facts: SetupFacts): SetupPlan;
export function electronInstallEnv(env: Env): Record<string, string | undefined>;
export function nativeBuildEnv(env: Env): Record<string, string | undefined>;
export function nativeBuildCommands(tools: {
  electronVersion: string;
  platform: string;
  arch: string;
  prebuildInstall: string;
  nodeGyp: string | undefined;
  home: string;
}): BuildCommand[];
export function main(options: {
  root: string;
  env?: Env;
  platform?: string;
  arch?: string;
  log?: (line: string) => void;
}): void;
