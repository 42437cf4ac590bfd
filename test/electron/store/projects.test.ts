import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { projectIdSchema, type ProjectId } from '../../../model/schema/project';
import { OperationError } from '../../../electron/api/result';
import { StoredDocumentError } from '../../../electron/store/stored-document';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

function withWorkspace(test: (workspace: Workspace, clock: ReturnType<typeof testClock>) => void): void {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false, now: clock.now });
  try {
    test(workspace, clock);
  } finally {
    workspace.close();
  }
}

/** Calls `act` and returns the OperationError it throws. */
function failure(act: () => unknown): OperationError {
  try {
    act();
  } catch (error) {
    if (error instanceof OperationError) return error;
    throw error;
  }
  throw new Error('expected an OperationError, but nothing was thrown');
}

const absentId = (): ProjectId => projectIdSchema.parse(randomUUID());

describe('the project repository', () => {
  it('creates a project with a UUID, the trimmed name and UTC timestamps', () => {
    withWorkspace((workspace, clock) => {
      const project = workspace.projects.create({ name: '  Retention study  ', description: 'Call centre' });
      expect(projectIdSchema.safeParse(project.id).success).toBe(true);
      expect(project).toMatchObject({
        name: 'Retention study',
        description: 'Call centre',
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
      });
      expect(workspace.projects.get(project.id)).toEqual(project);
      expect(workspace.projects.create({ name: 'No description' }).description).toBe('');
    });
  });

  it('lists projects by name, ignoring case', () => {
    withWorkspace((workspace) => {
      for (const name of ['beta', 'Alpha', 'gamma', 'Delta', 'épsilon']) workspace.projects.create({ name });
      expect(workspace.projects.list().map((project) => project.name)).toEqual([
        'Alpha',
        'beta',
        'Delta',
        'épsilon',
        'gamma',
      ]);
    });
  });

  it('refuses a second project whose name differs only in case, ASCII or not', () => {
    withWorkspace((workspace) => {
      workspace.projects.create({ name: 'Acme Care' });
      workspace.projects.create({ name: 'Élan' });
      for (const name of ['acme care', 'ACME CARE', ' Acme Care ', 'élan', 'E\u0301lan']) {
        const error = failure(() => workspace.projects.create({ name }));
        expect(error.code, name).toBe('conflict');
        expect(error.message).toMatch(/already exists/);
      }
      expect(workspace.projects.list()).toHaveLength(2);
    });
  });

  it('renames a project, moving updatedAt and keeping createdAt', () => {
    withWorkspace((workspace, clock) => {
      const project = workspace.projects.create({ name: 'Pilot' });
      clock.advance(90_000);
      const renamed = workspace.projects.rename(project.id, 'Pilot, second wave');
      expect(renamed).toEqual({
        ...project,
        name: 'Pilot, second wave',
        updatedAt: clock.now().toISOString(),
      });
      expect(workspace.projects.get(project.id)).toEqual(renamed);
      // Changing only the case of its own name is not a clash with itself.
      expect(workspace.projects.rename(project.id, 'PILOT, second wave').name).toBe('PILOT, second wave');
    });
  });

  it('refuses a rename onto another project name, and leaves both as they were', () => {
    withWorkspace((workspace) => {
      const first = workspace.projects.create({ name: 'First' });
      const second = workspace.projects.create({ name: 'Second' });
      expect(failure(() => workspace.projects.rename(second.id, 'FIRST')).code).toBe('conflict');
      expect(workspace.projects.list()).toEqual([first, second]);
    });
  });

  it('answers not-found for an id it does not have', () => {
    withWorkspace((workspace) => {
      const id = absentId();
      for (const act of [
        () => workspace.projects.get(id),
        () => workspace.projects.rename(id, 'Anything'),
        () => workspace.projects.delete(id),
      ]) {
        const error = failure(act);
        expect(error.code).toBe('not-found');
        expect(error.message).toContain(id);
      }
    });
  });

  it('deletes a project', () => {
    withWorkspace((workspace) => {
      const project = workspace.projects.create({ name: 'Short-lived' });
      workspace.projects.delete(project.id);
      expect(workspace.projects.list()).toEqual([]);
      expect(failure(() => workspace.projects.get(project.id)).code).toBe('not-found');
      // The name is free again.
      expect(workspace.projects.create({ name: 'Short-lived' }).name).toBe('Short-lived');
    });
  });

  it('refuses a name its schema does not accept, naming the field', () => {
    withWorkspace((workspace) => {
      for (const name of ['', '   ', 'two\nlines', 'x'.repeat(121)]) {
        const error = failure(() => workspace.projects.create({ name }));
        expect(error.code).toBe('invalid-input');
        expect(error.message).toMatch(/name/);
      }
      const project = workspace.projects.create({ name: 'Kept' });
      expect(failure(() => workspace.projects.rename(project.id, '')).code).toBe('invalid-input');
      expect(workspace.projects.get(project.id).name).toBe('Kept');
      expect(
        failure(() => workspace.projects.create({ name: 'Long', description: 'x'.repeat(4001) })).code,
      ).toBe('invalid-input');
    });
  });

  it('reports a tampered row by table, row and field, and leaves it on disk as it was', () => {
    withWorkspace((workspace) => {
      const project = workspace.projects.create({ name: 'Tampered' });
      workspace.db.prepare("UPDATE projects SET created_at = 'last Tuesday' WHERE id = ?").run(project.id);

      for (const read of [() => workspace.projects.get(project.id), () => workspace.projects.list()]) {
        const error = failure(read);
        expect(error).toBeInstanceOf(StoredDocumentError);
        const stored = error as StoredDocumentError;
        expect(stored.code).toBe('storage');
        expect(stored).toMatchObject({ table: 'projects', rowId: project.id, field: 'createdAt' });
        expect(stored.message).toContain('projects');
        expect(stored.message).toContain(project.id);
        expect(stored.message).toContain('"createdAt"');
      }
      // A rename reads the row first, so it refuses too instead of rewriting a row it could not read.
      expect(failure(() => workspace.projects.rename(project.id, 'Fixed')).code).toBe('storage');
      const row = workspace.db.prepare('SELECT name, created_at FROM projects WHERE id = ?').get(project.id);
      expect(row).toEqual({ name: 'Tampered', created_at: 'last Tuesday' });
    });
  });
});
