import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installMenu, menuTemplate, type MenuSettings } from '../../../electron/main/menu';
import { Menu, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const README = 'https://example.org/empathy-workbench#readme';

function settings(overrides: Partial<MenuSettings> = {}): MenuSettings {
  return {
    platform: 'linux',
    isDevelopment: false,
    appName: 'Empathy Workbench',
    readmeUrl: README,
    sendCommand: vi.fn(),
    openLink: vi.fn(),
    recentFiles: [],
    chooseFile: vi.fn(),
    openFile: vi.fn(),
    clearRecent: vi.fn(),
    ...overrides,
  };
}

const submenuOf = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];
const roles = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => item.role ?? item.label ?? item.type);
const click = (item: MenuItemConstructorOptions | undefined): void => {
  (item?.click as (() => void) | undefined)?.();
};

describe('the native menu', () => {
  it('on macOS starts with the application menu and closes windows from File', () => {
    const template = menuTemplate(settings({ platform: 'darwin' }));
    expect(roles(template)).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu', 'help']);
    expect(roles(submenuOf(template[1]))).toContain('close');
    expect(roles(submenuOf(template[1]))).not.toContain('quit');
  });

  it('on Windows and Linux has no application menu and quits from File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = menuTemplate(settings({ platform }));
      expect(roles(template)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
      expect(roles(submenuOf(template[0]))).toContain('quit');
    }
  });

  it('sends New Project (Cmd/Ctrl+N) to the renderer as a command', () => {
    const menu = settings();
    const newProject = submenuOf(menuTemplate(menu)[0])[0];
    expect(newProject).toMatchObject({ label: 'New Project…', accelerator: 'CmdOrCtrl+N' });
    click(newProject);
    expect(menu.sendCommand).toHaveBeenCalledWith('new-project');
  });

  it('has Open… (Cmd/Ctrl+O) and Open Recent, newest first, with Clear Recent', () => {
    const menu = settings({ recentFiles: ['/m/Shop.xmile', 'C:\\Models\\Team.stmx'] });
    const file = submenuOf(menuTemplate(menu)[0]);
    expect(file[1]).toMatchObject({ label: 'Open…', accelerator: 'CmdOrCtrl+O' });
    click(file[1]);
    expect(menu.chooseFile).toHaveBeenCalledOnce();
    const recent = submenuOf(file[2]);
    expect(file[2]?.label).toBe('Open Recent');
    expect(roles(recent)).toEqual([
      'Shop.xmile — /m/Shop.xmile',
      expect.stringContaining('C:\\Models\\Team.stmx'),
      'separator',
      'Clear Recent',
    ]);
    click(recent[1]);
    expect(menu.openFile).toHaveBeenCalledWith('C:\\Models\\Team.stmx');
    click(recent.at(-1));
    expect(menu.clearRecent).toHaveBeenCalledOnce();
  });

  it('says there are no recent files, and cannot clear an empty list', () => {
    const recent = submenuOf(submenuOf(menuTemplate(settings())[0])[2]);
    expect(recent[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(recent.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('uses the standard roles, whose accelerators Electron supplies per platform', () => {
    const view = submenuOf(menuTemplate(settings())[2]);
    expect(roles(view)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    for (const item of view) expect(item.accelerator).toBeUndefined();
  });

  it('offers reload and developer tools only in development', () => {
    const production = roles(submenuOf(menuTemplate(settings())[2]));
    const development = roles(submenuOf(menuTemplate(settings({ isDevelopment: true }))[2]));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(production).not.toContain(role);
      expect(development).toContain(role);
    }
  });

  it('links to the README through the external-link door, and leaves Help out without one', () => {
    const menu = settings();
    const help = menuTemplate(menu).at(-1);
    expect(help?.role).toBe('help');
    click(submenuOf(help)[0]);
    expect(menu.openLink).toHaveBeenCalledWith(README);
    expect(roles(menuTemplate(settings({ readmeUrl: undefined })))).not.toContain('help');
  });

  it('installs the template as the application menu', () => {
    installMenu(settings());
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
