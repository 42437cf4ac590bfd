import { describe, expect, it } from 'vitest';
import { studySchema } from '../../../model/conjoint';
import type { ConjointDocument, ConjointStudyId } from '../../../model/schema/conjoint-document';
import { createConjointStudyRepository } from '../../../electron/store/conjoint-studies';
import { StoredDocumentError } from '../../../electron/store/stored-document';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

const STUDY = studySchema.parse({
  name: 'Service',
  attributes: [
    { kind: 'categorical', name: 'agent', levels: ['human', 'bot'] },
    { kind: 'numeric', name: 'price', unit: 'EUR', levels: [0, 5, 10] },
  ],
  price: 'price',
});

const document = (study = STUDY): ConjointDocument => ({
  study,
  design: null,
  responses: null,
  estimations: {},
});

function fixture() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), now: clock.now });
  const project = workspace.projects.create({ name: 'Care' });
  const studies = createConjointStudyRepository(workspace.db, clock.now);
  return { clock, workspace, project, studies };
}

describe('conjoint study repository', () => {
  it('saves a study, lists its summary and reads it back whole', () => {
    const { workspace, project, studies } = fixture();
    const created = studies.create(project.id, document());
    expect(created.name).toBe('Service');
    expect(studies.get(created.id)).toEqual(created);
    expect(studies.list(project.id)).toEqual([
      {
        id: created.id,
        projectId: project.id,
        name: 'Service',
        createdAt: created.createdAt,
        updatedAt: created.updatedAt,
        attributes: 2,
        design: null,
        responses: null,
        respondents: 0,
        estimated: [],
      },
    ]);
    expect(workspace.projects.get(project.id).updatedAt).toBe(created.updatedAt);
    workspace.close();
  });

  it('gives a duplicate name a free suffix and refuses a clashing rename', () => {
    const { workspace, project, studies } = fixture();
    const first = studies.create(project.id, document());
    const second = studies.create(project.id, document({ ...STUDY, name: 'service' }));
    expect(second.name).toBe('service (2)');
    expect(() =>
      studies.update(second.id, ({ document: current }) => ({
        ...current,
        study: { ...current.study, name: 'SERVICE' },
      })),
    ).toThrow(/already has a study named "Service"/);
    expect(studies.get(second.id).name).toBe('service (2)');
    expect(studies.get(first.id).document.study.name).toBe('Service');
    workspace.close();
  });

  it('keeps the row as it was when a change throws or fails the schema', () => {
    const { workspace, project, studies, clock } = fixture();
    const created = studies.create(project.id, document());
    clock.advance(1000);
    expect(() =>
      studies.update(created.id, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(() =>
      studies.update(created.id, ({ document: current }) => ({
        ...current,
        design: {
          kind: 'profiles',
          method: 'full-factorial',
          seed: null,
          profiles: [[0, 7]],
          dEfficiency: 100,
          createdAt: new Date(0).toISOString(),
        },
      })),
    ).toThrow(/design\.profiles\.0 is not valid: A profile names a level the study does not have/);
    expect(studies.get(created.id)).toEqual(created);
    workspace.close();
  });

  it('refuses a damaged row with the field named, and leaves it on disk', () => {
    const { workspace, project, studies } = fixture();
    const created = studies.create(project.id, document());
    workspace.db
      .prepare('UPDATE conjoint_studies SET document = ? WHERE id = ?')
      .run(JSON.stringify({ ...document(), study: { ...STUDY, price: 'agent' } }), created.id);
    let error: unknown;
    try {
      studies.get(created.id);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoredDocumentError);
    expect((error as StoredDocumentError).field).toBe('document.study.price');
    expect((error as Error).message).toMatch(/must be a numeric attribute/);
    expect(workspace.db.prepare('SELECT count(*) AS n FROM conjoint_studies').get()).toEqual({ n: 1 });
    workspace.close();
  });

  it('answers not-found, deletes a study, and goes with its project', () => {
    const { workspace, project, studies } = fixture();
    const missing = '00000000-0000-4000-8000-000000000000' as ConjointStudyId;
    expect(() => studies.get(missing)).toThrow(/No conjoint study/);
    expect(() => studies.delete(missing)).toThrow(/No conjoint study/);
    expect(() => studies.list(missing as never)).toThrow(/No project/);
    const created = studies.create(project.id, document());
    studies.delete(created.id);
    expect(studies.list(project.id)).toEqual([]);
    const kept = studies.create(project.id, document());
    workspace.projects.delete(project.id);
    expect(() => studies.get(kept.id)).toThrow(/No conjoint study/);
    workspace.close();
  });
});
