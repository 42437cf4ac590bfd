/**
 * The commands the native menu sends to the renderer, and the channel they travel on. Kept free of imports so
 * the sandboxed preload can bundle it: the preload forwards a command only if it is one of these names.
 */
export const MENU_COMMANDS = ['new-project'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Not `workbench:<operation>`: menu commands flow main -> renderer, operations renderer -> main. */
export const MENU_COMMAND_CHANNEL = 'workbench-menu:command';

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
