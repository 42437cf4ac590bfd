import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot package here (it downloads Electron), but its configuration loader and schema
 * validator run offline: the config is checked by electron-builder's own code, as `npm run dist` would.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

interface BuilderConfig {
  /** electron-builder normalises `files` to file sets: `[{ filter: [...] }]`. */
  readonly files?: readonly (string | { readonly filter?: readonly string[] })[];
  readonly asar?: boolean;
  readonly asarUnpack?: readonly string[];
  readonly npmRebuild?: boolean;
  readonly fileAssociations?: readonly { readonly ext: string; readonly name?: string }[];
  readonly linux?: { readonly target?: readonly string[] };
  readonly mac?: { readonly target?: readonly string[] };
  readonly win?: { readonly target?: readonly string[] };
  readonly electronFuses?: Readonly<Record<string, boolean>>;
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = requireFromRoot(
    'app-builder-lib/out/util/config/config.js',
  ) as ConfigModule;
  const { DebugLogger } = requireFromRoot('builder-util') as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and builds every platform’s packages', async () => {
    const config = await loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('rebuilds better-sqlite3 for Electron and unpacks its native module from the asar', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('packs the two builds, and opens .xmile and .stmx models', async () => {
    const config = await loadConfig();
    const patterns = (config.files ?? []).flatMap((set) =>
      typeof set === 'string' ? [set] : (set.filter ?? []),
    );
    expect(patterns).toEqual(
      expect.arrayContaining(['dist/**/*', 'dist-electron/**/*', 'package.json', '!**/*.map']),
    );
    expect(config.fileAssociations?.map((association) => association.ext)).toEqual(['xmile', 'stmx']);
  });

  it('turns off the fuses that would let anyone run the binary as plain Node or inject code', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
