/**
 * The native menu. Built from Electron's standard roles (https://www.electronjs.org/docs/latest/api/menu-item#roles)
 * so that every platform gets its own labels, standard shortcuts (Cut/Copy/Paste, Undo/Redo, Zoom, Quit,
 * Minimize) and, on macOS, the application menu and Window menu the user expects. The File menu is the app's own:
 * "New Project" sends a command to the renderer, which owns the dialog; "Open…" and "Open Recent" open files in
 * the main process (open-files.ts). The menu is built again whenever the recent list changes.
 */
import { basename } from 'node:path';
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './menu-commands';

export interface MenuSettings {
  readonly platform: NodeJS.Platform;
  /** Reload and the developer tools appear only when running from a clone (not packaged). */
  readonly isDevelopment: boolean;
  readonly appName: string;
  /** The project's README on the web; the Help item is left out when the package names no homepage. */
  readonly readmeUrl: string | undefined;
  readonly sendCommand: (command: MenuCommand) => void;
  readonly openLink: (url: string) => void;
  /** Newest first (recent-files.ts). */
  readonly recentFiles: readonly string[];
  /** Shows the Open dialog. */
  readonly chooseFile: () => void;
  readonly openFile: (file: string) => void;
  readonly clearRecent: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Each file as `name — full path`: two files of one name in different folders stay apart. */
function openRecentMenu({ recentFiles, openFile, clearRecent }: MenuSettings): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] =
    recentFiles.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : recentFiles.map((file) => ({ label: `${basename(file)} — ${file}`, click: () => openFile(file) }));
  return {
    label: 'Open Recent',
    submenu: [
      ...items,
      separator,
      { label: 'Clear Recent', enabled: recentFiles.length > 0, click: clearRecent },
    ],
  };
}

function fileMenu(settings: MenuSettings): MenuItemConstructorOptions {
  const { platform, sendCommand, chooseFile } = settings;
  return {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => sendCommand('new-project') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: chooseFile },
      openRecentMenu(settings),
      separator,
      // macOS keeps Quit in the application menu; File ends with Close Window there (Cmd+W).
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function viewMenu({ isDevelopment }: MenuSettings): MenuItemConstructorOptions {
  const developerItems: MenuItemConstructorOptions[] = isDevelopment
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  return {
    label: 'View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
}

/** An empty Help menu would be a dead end, so it appears only when there is a README to point to. */
function helpMenu({ appName, readmeUrl, openLink }: MenuSettings): MenuItemConstructorOptions[] {
  if (readmeUrl === undefined) return [];
  return [{ role: 'help', submenu: [{ label: `${appName} README`, click: () => openLink(readmeUrl) }] }];
}

export function menuTemplate(settings: MenuSettings): MenuItemConstructorOptions[] {
  return [
    ...(settings.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    fileMenu(settings),
    { role: 'editMenu' },
    viewMenu(settings),
    { role: 'windowMenu' },
    ...helpMenu(settings),
  ];
}

export function installMenu(settings: MenuSettings): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(settings)));
}
