/**
 * The desktop-only messages between the main process and the renderer, besides the API operations and the menu's
 * commands. Kept free of imports so the sandboxed preload can bundle it; each payload has a guard, because the
 * preload forwards and the main process accepts only values of the expected shape.
 */

/** main -> renderer: a model file the OS asked the app to open was imported; the page shows it. */
export const OPEN_MODEL_CHANNEL = 'workbench-open:model';

export interface OpenedModel {
  readonly projectId: string;
  readonly modelId: string;
}

export const isOpenedModel = (value: unknown): value is OpenedModel =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { projectId?: unknown }).projectId === 'string' &&
  typeof (value as { modelId?: unknown }).modelId === 'string';

/**
 * renderer -> main: the project open in the page (null: none). Sent when the page starts listening for opened
 * models and whenever the project changes, so the main process knows where an opened model goes and that the
 * page is there to show it.
 */
export const CURRENT_PROJECT_CHANNEL = 'workbench-state:project';

/** A project id as the page reports it: a short string, or null. Anything else is ignored. */
export const isReportedProject = (value: unknown): value is string | null =>
  value === null || (typeof value === 'string' && value.length > 0 && value.length <= 100);

/**
 * main -> renderer, with a request number: the window is about to close. The page saves what is waiting to be
 * saved, then answers on CLOSE_READY_CHANNEL with the same number and the labels of the work still running.
 */
export const PREPARE_CLOSE_CHANNEL = 'workbench-close:prepare';
export const CLOSE_READY_CHANNEL = 'workbench-close:ready';

/** At most this many labels of at most this many characters cross over: they end up in a dialog. */
export const MAX_BUSY_LABELS = 20;
export const MAX_BUSY_LABEL_LENGTH = 200;

/** The labels the page reported, cut to what a dialog can show; anything that is not a string is dropped. */
export function busyLabels(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((label): label is string => typeof label === 'string' && label.trim() !== '')
    .slice(0, MAX_BUSY_LABELS)
    .map((label) => label.trim().slice(0, MAX_BUSY_LABEL_LENGTH));
}
