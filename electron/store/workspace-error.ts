import { OperationError } from '../api/result';

/** Why a workspace file was refused. Each one leaves the file exactly as it was on disk. */
export type WorkspaceProblem =
  | 'not-sqlite' // the file does not start with SQLite's magic string
  | 'not-workspace' // a SQLite database that belongs to another program
  | 'newer-version' // saved by a newer Empathy Workbench (schema above the newest migration we know)
  | 'corrupt' // starts like SQLite but its pages are damaged
  | 'unreadable' // the operating system would not let us read it (permissions, a folder, locked)
  | 'migration-failed'; // an upgrade step failed and was rolled back

/**
 * A workspace that cannot be opened. It is an `OperationError` with code 'storage', so the API boundary turns it
 * into `{ ok: false, error }` like any other failure, and its message is written for the person using the app.
 */
export class WorkspaceError extends OperationError {
  readonly problem: WorkspaceProblem;
  readonly path: string;

  constructor(problem: WorkspaceProblem, path: string, message: string, cause?: unknown) {
    super('storage', message);
    this.name = 'WorkspaceError';
    this.problem = problem;
    this.path = path;
    if (cause !== undefined) this.cause = cause;
  }
}
