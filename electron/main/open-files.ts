/**
 * Files the operating system asks the app to open: a model (.xmile, .stmx) double-clicked in a file manager,
 * dropped on the Dock icon or chosen under File > Open Recent, or a workspace file (workspace.sqlite).
 *
 * They arrive three ways (https://www.electronjs.org/docs/latest/api/app#event-open-file-macos): on Windows and
 * Linux as arguments of the first launch, or of a second launch that the single-instance lock turns into the
 * first instance's `second-instance` event; on macOS as `open-file` events, which may come before the app is
 * ready. Until the page has said it is listening (it reports its open project), paths wait in a queue.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { Handlers } from '../api/dispatch';
import { dispatch } from '../api/dispatch';
import { fail, ok, type Result } from '../api/result';
import { checkXmile } from '../services/models';
import { nameKey } from '../store/names';
import { WORKSPACE_FILE } from '../store/workspace';
import { XMILE_MAX_CHARS } from '../../model/schema/model';
import type { OpenedModel } from './desktop-channels';
import { DATA_DIR_FLAG } from './launch-args';

export const MODEL_EXTENSIONS = ['.xmile', '.stmx'] as const;

export type OpenableKind = 'model' | 'workspace';

/** What the app does with a file of this name, or undefined for a file it does not open. */
export function openableKind(file: string): OpenableKind | undefined {
  const extension = extname(file).toLowerCase();
  if ((MODEL_EXTENSIONS as readonly string[]).includes(extension)) return 'model';
  if (basename(file).toLowerCase() === WORKSPACE_FILE) return 'workspace';
  return undefined;
}

/**
 * The files to open among a launch's arguments, as absolute paths. Switches are skipped, whatever put them
 * there: ours (`--data-dir DIR` takes the next argument), Chromium's (`--allow-file-access-from-files`,
 * `--original-process-start-time=…`, which it adds to a second instance's argv), macOS's `-psn_0_…` when Finder
 * launches an app. So is anything that is not a file the app opens, such as the app path `.` from a clone.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  // argv[0] is the executable (electron or the packaged app), never a document.
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === undefined || arg === '') continue;
    if (arg === DATA_DIR_FLAG) {
      index += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (openableKind(arg) === undefined) continue;
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return files;
}

/**
 * Holds the paths that arrive before the page can show them, and hands each one to `open` in arrival order once
 * `ready(true)` is called. `ready(false)` (the window closed, the page reloads) queues them again.
 */
export class OpenQueue {
  readonly #open: (file: string) => void;
  readonly #waiting: string[] = [];
  #ready = false;

  constructor(open: (file: string) => void) {
    this.#open = open;
  }

  get waiting(): readonly string[] {
    return this.#waiting;
  }

  push(file: string): void {
    if (this.#ready) this.#open(file);
    else this.#waiting.push(file);
  }

  ready(isReady: boolean): void {
    this.#ready = isReady;
    while (this.#ready && this.#waiting.length > 0) {
      const next = this.#waiting.shift();
      if (next !== undefined) this.#open(next);
    }
  }
}

/** A model file's name without its extension: the name of the project made for it when none is open. */
const projectNameFor = (file: string): string => basename(file, extname(file)).trim() || 'Opened model';

async function unwrap<T>(result: Promise<Result<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value as T;
}

/**
 * The project an opened model goes into: the page's open project if it still exists, else the project named
 * after the file (made if there is none, found if the same file was opened before with no project open).
 */
async function targetProject(handlers: Handlers, file: string, openProject: string | null): Promise<string> {
  if (openProject !== null) {
    const found = await dispatch(handlers, 'projects.get', { id: openProject });
    if (found.ok) return openProject;
  }
  const name = projectNameFor(file);
  const projects = await unwrap<readonly { id: string; name: string }[]>(
    dispatch(handlers, 'projects.list', {}),
  );
  const existing = projects.find((project) => nameKey(project.name) === nameKey(name));
  if (existing !== undefined) return existing.id;
  const made = await unwrap<{ id: string }>(dispatch(handlers, 'projects.create', { name }));
  return made.id;
}

/**
 * Imports a model file through the `models.import` operation, the same path as the Import button, so the file
 * is read by the engine and refused with its problem named before anything is saved. The error names the file.
 */
export async function importModelFile(
  handlers: Handlers,
  file: string,
  openProject: string | null,
): Promise<Result<OpenedModel>> {
  const fileName = basename(file);
  let xmile: string;
  try {
    // UTF-8 takes up to 4 bytes a character: a file larger than this cannot pass the contract's length check,
    // and is refused before it is read into memory.
    const { size } = await stat(file);
    if (size > XMILE_MAX_CHARS * 4) {
      return fail('invalid-input', `"${file}" is too large to be a model (${size} bytes).`);
    }
    xmile = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('not-found', `Could not read "${file}": ${reason}`);
  }
  try {
    // Read before any project is made for it: a file that is not a model leaves the workspace as it was.
    checkXmile(xmile, fileName);
    const projectId = await targetProject(handlers, file, openProject);
    const model = await unwrap<{ id: string }>(
      dispatch(handlers, 'models.import', { projectId, xmile, fileName }),
    );
    return ok({ projectId, modelId: model.id });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('invalid-input', `Could not open "${file}": ${reason}`);
  }
}

/**
 * The arguments to restart with on another workspace folder: this launch's own arguments (the app path from a
 * clone, Chromium's switches) without its `--data-dir` and files, then `--data-dir FOLDER`.
 */
export function argsForWorkspace(argv: readonly string[], folder: string): string[] {
  const args: string[] = [];
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === undefined) continue;
    if (arg === DATA_DIR_FLAG) {
      index += 1;
      continue;
    }
    if (arg.startsWith(`${DATA_DIR_FLAG}=`) || (!arg.startsWith('-') && openableKind(arg) !== undefined))
      continue;
    args.push(arg);
  }
  return [...args, DATA_DIR_FLAG, folder];
}
