import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, resolveDataDir } from '../../electron/data-dir';

const linux = { platform: 'linux', home: '/home/ada', cwd: '/work/session', env: {} } as const;

describe('the data folder', () => {
  it('comes from --data-dir first, resolved against the working folder', () => {
    expect(
      resolveDataDir({
        ...linux,
        flag: 'workshop',
        env: { [DATA_DIR_ENV]: '/srv/env' },
        electronUserData: '/ud',
      }),
    ).toEqual({ dataDir: '/work/session/workshop', source: 'flag' });
    expect(resolveDataDir({ ...linux, flag: '/abs/data' })).toEqual({ dataDir: '/abs/data', source: 'flag' });
  });

  it('then from the environment variable', () => {
    expect(
      resolveDataDir({ ...linux, env: { [DATA_DIR_ENV]: '../shared-ws' }, electronUserData: '/ud' }),
    ).toEqual({
      dataDir: '/work/shared-ws',
      source: 'env',
    });
  });

  it("then from Electron's userData folder", () => {
    expect(
      resolveDataDir({ ...linux, flag: '', env: { [DATA_DIR_ENV]: '  ' }, electronUserData: '/ud' }),
    ).toEqual({
      dataDir: '/ud',
      source: 'electron',
    });
  });

  it('otherwise from the folder Electron would choose on Linux', () => {
    expect(resolveDataDir(linux)).toEqual({
      dataDir: '/home/ada/.config/Empathy Workbench',
      source: 'default',
    });
    expect(resolveDataDir({ ...linux, env: { XDG_CONFIG_HOME: '/xdg' } }).dataDir).toBe(
      '/xdg/Empathy Workbench',
    );
    // A relative XDG_CONFIG_HOME is invalid by the XDG spec and ignored.
    expect(resolveDataDir({ ...linux, env: { XDG_CONFIG_HOME: 'rel' } }).dataDir).toBe(
      '/home/ada/.config/Empathy Workbench',
    );
  });

  it('on macOS', () => {
    expect(resolveDataDir({ platform: 'darwin', home: '/Users/ada', env: {} })).toEqual({
      dataDir: '/Users/ada/Library/Application Support/Empathy Workbench',
      source: 'default',
    });
  });

  it('on Windows, with Windows paths', () => {
    const windows = { platform: 'win32', home: 'C:\\Users\\ada', cwd: 'C:\\work' } as const;
    expect(resolveDataDir({ ...windows, env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' } })).toEqual({
      dataDir: 'C:\\Users\\ada\\AppData\\Roaming\\Empathy Workbench',
      source: 'default',
    });
    expect(resolveDataDir({ ...windows, env: {} }).dataDir).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Empathy Workbench',
    );
    expect(resolveDataDir({ ...windows, env: {}, flag: 'data' }).dataDir).toBe('C:\\work\\data');
  });

  it('defaults to this process: its environment, platform, home and working folder', () => {
    const choice = resolveDataDir({ flag: 'relative-data' });
    expect(choice).toEqual({ dataDir: path.resolve('relative-data'), source: 'flag' });
    const fallback = resolveDataDir({ env: {} });
    expect(fallback.source).toBe('default');
    expect(fallback.dataDir.startsWith(os.homedir())).toBe(true);
    expect(path.basename(fallback.dataDir)).toBe('Empathy Workbench');
  });
});
