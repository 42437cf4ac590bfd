/**
 * The main window's size and place, kept across launches in `window-state.json` in the data folder. The file is
 * parsed with zod before it is trusted (Signal Desktop validates its saved window state the same way), and a
 * place that no connected display shows any more (a monitor was unplugged) is ignored, so the window never
 * opens out of reach. Saving is debounced: dragging a window emits hundreds of `move` events.
 */
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowPlacement {
  readonly bounds: WindowBounds;
  readonly isMaximized: boolean;
}

/** Without a saved place the window opens centred at a size that fits a 1366x768 laptop. */
export const DEFAULT_PLACEMENT: WindowPlacement = {
  bounds: { width: 1280, height: 720 },
  isMaximized: false,
};

/** Sizes outside this range cannot come from a real window; they mean the file was edited or corrupted. */
const MAX_EXTENT = 100_000;
const coordinate = z.number().int().min(-MAX_EXTENT).max(MAX_EXTENT);
const extent = z.number().int().min(100).max(MAX_EXTENT);

const savedPlacementSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: extent, height: extent }),
  isMaximized: z.boolean(),
});
type SavedPlacement = z.infer<typeof savedPlacementSchema>;

/** How much of the window's top edge (where the title bar is) must be on a display to count as reachable. */
export const MIN_VISIBLE = { width: 100, height: 32 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The work area that shows enough of the window's title-bar strip to grab it, if any. */
export function reachableWorkArea(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  const titleStrip = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 48) };
  return workAreas.find((area) => {
    const visible = overlap(titleStrip, area);
    return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
  });
}

/** Fits a saved place to today's displays, or answers undefined when it is out of reach. */
export function fitToDisplays(
  saved: SavedPlacement,
  workAreas: readonly Rectangle[],
): WindowPlacement | undefined {
  const area = reachableWorkArea(saved.bounds, workAreas);
  if (area === undefined) return undefined;
  return {
    bounds: {
      x: saved.bounds.x,
      y: saved.bounds.y,
      width: Math.min(saved.bounds.width, area.width),
      height: Math.min(saved.bounds.height, area.height),
    },
    isMaximized: saved.isMaximized,
  };
}

/**
 * Reads the saved place from `dataDir`. Any problem (no file, bad JSON, a field out of range, off every
 * display) gives the default place: a lost window position is never worth an error dialog.
 */
export function readWindowPlacement(dataDir: string, workAreas: readonly Rectangle[]): WindowPlacement {
  const saved = readJsonFile(join(dataDir, WINDOW_STATE_FILE), savedPlacementSchema);
  return (saved === undefined ? undefined : fitToDisplays(saved, workAreas)) ?? DEFAULT_PLACEMENT;
}

/** Writes through a temporary file and a rename, so a crash mid-write leaves the previous state intact. */
export function writeWindowPlacement(dataDir: string, placement: SavedPlacement): void {
  writeJsonFile(join(dataDir, WINDOW_STATE_FILE), placement);
}

export const SAVE_DELAY_MS = 500;

export interface PlacementTracker {
  /** Writes the pending state now (used on close). */
  flush(): void;
}

/**
 * Saves the window's place after it stops moving for SAVE_DELAY_MS, and at once when it closes. The normal
 * (un-maximized) bounds are saved with the maximized flag, so un-maximizing after a restart returns the window
 * to where the user last put it.
 */
export function trackWindowPlacement(
  window: BrowserWindow,
  dataDir: string,
  delayMs = SAVE_DELAY_MS,
): PlacementTracker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;

  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty || window.isDestroyed()) return;
    dirty = false;
    const { x, y, width, height } = window.getNormalBounds();
    try {
      writeWindowPlacement(dataDir, { bounds: { x, y, width, height }, isMaximized: window.isMaximized() });
    } catch (error) {
      console.warn('Could not save the window position:', error);
    }
  };

  const schedule = (): void => {
    dirty = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };

  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    dirty = true;
    save();
  });
  return { flush: save };
}
