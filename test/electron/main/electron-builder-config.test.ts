import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot package here (it downloads Electron), but its configuration loader and schema
 * validator run offline: the config is checked by electron-builder's own code, as `npm run dist` would.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

interface Association {
  readonly ext: string;
  readonly name?: string;
  readonly mimeType?: string;
  readonly role?: string;
  readonly rank?: string;
}
interface Platform {
  readonly target?: readonly string[];
  readonly fileAssociations?: readonly Association[];
}
interface BuilderConfig {
  readonly buildDependenciesFromSource?: boolean;
  /** electron-builder normalises `files` to file sets: `[{ filter: [...] }]`. */
  readonly files?: readonly (string | { readonly filter?: readonly string[] })[];
  readonly asar?: boolean;
  readonly asarUnpack?: readonly string[];
  readonly npmRebuild?: boolean;
  readonly fileAssociations?: readonly Association[];
  readonly linux?: Platform;
  readonly mac?: Platform;
  readonly win?: Platform;
  readonly electronFuses?: Readonly<Record<string, boolean>>;
  readonly directories?: { readonly buildResources?: string };
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
    // npmRebuild, not `electron-builder install-app-deps` in postinstall: postinstall would replace the Node build
    // the CLI, web host and tests load with an Electron one (npm start keeps its own copy in .electron-native).
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('packs the two builds, the sample data and package.json, and nothing else of the clone', async () => {
    const config = await loadConfig();
    const patterns = (config.files ?? []).flatMap((set) =>
      typeof set === 'string' ? [set] : (set.filter ?? []),
    );
    // Sources, tests, node_modules' dev dependencies and .electron-native never enter the package; the rest of
    // the patterns only leave things out (source maps, better-sqlite3's sources). packaging.test.ts packs it.
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'dist/**/*',
      'dist-electron/**/*',
      'sample-data/**/*',
      'package.json',
    ]);
    expect(patterns).toContain('!**/*.map');
  });

  it('opens .xmile and .stmx models on every platform, each named, typed and as their editor', async () => {
    const config = await loadConfig();
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'xmile',
        name: 'XMILE model',
        mimeType: 'application/xmile+xml',
        role: 'Editor',
      }),
      expect.objectContaining({
        ext: 'stmx',
        name: 'Stella model',
        mimeType: 'application/x-stella-model+xml',
        role: 'Editor',
      }),
    ]);
  });

  it('offers to open the workspace file on macOS and Linux without becoming every SQLite file’s default', async () => {
    const config = await loadConfig();
    const workspace = { ext: 'sqlite', name: 'Empathy Workbench workspace', role: 'Editor' };
    expect(config.mac?.fileAssociations).toEqual([
      expect.objectContaining({ ...workspace, rank: 'Alternate' }),
    ]);
    expect(config.linux?.fileAssociations).toEqual([
      expect.objectContaining({ ...workspace, mimeType: 'application/vnd.sqlite3' }),
    ]);
    // NSIS would write .sqlite's default program: no workspace association on Windows.
    expect(config.win?.fileAssociations).toBeUndefined();
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

  it('finds the app icon in the build resources, large enough for every platform’s icon set', async () => {
    const config = await loadConfig();
    const icon = join(root, config.directories?.buildResources ?? 'build', 'icon.png');
    const png = readFileSync(icon);
    // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
