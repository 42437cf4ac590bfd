/**
 * Stories through dispatch, on a real workspace file: create, list, update the pages, rename, delete, the
 * schema's refusal of a malformed page, and the cascade when the project goes.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { StoryRecord, StorySummary } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const MODEL_ID = '11111111-1111-4111-8111-111111111111';
const ANALYSIS_ID = '22222222-2222-4222-8222-222222222222';
const NETWORK_ID = '33333333-3333-4333-8333-333333333333';
const WAVE_ID = '44444444-4444-4444-8444-444444444444';
const STUDY_ID = '55555555-5555-4555-8555-555555555555';

async function setup() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  const handlers = createHandlers({ workspace, host: 'test' });
  const run = (operation: string, input: unknown) => dispatch(handlers, operation, input);
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await run(operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const project = await call<{ id: string }>('projects.create', { name: 'Care' });
  return { workspace, run, call, projectId: project.id };
}

describe('story operations', () => {
  it('creates, lists, updates, renames and deletes a story', async () => {
    const { workspace, call, projectId } = await setup();
    const story = await call<StoryRecord>('stories.create', { projectId, name: 'Board meeting' });
    expect(story.document).toEqual({ pages: [] });
    const pages = [
      {
        kind: 'dynamics-chart',
        modelId: MODEL_ID,
        variables: ['Employee retention'],
        levers: ['Empathy training hours'],
        title: 'Retention',
        note: '',
      },
      { kind: 'sroi-headline', analysisId: ANALYSIS_ID, title: 'Value', note: 'Per pound invested' },
      { kind: 'text', title: 'Why', body: 'Because.' },
    ];
    const updated = await call<StoryRecord>('stories.update', { id: story.id, document: { pages } });
    expect(updated.document.pages).toEqual(pages);
    expect(await call<StoryRecord>('stories.get', { id: story.id })).toEqual(updated);
    const second = await call<StoryRecord>('stories.create', { projectId, name: 'board meeting' });
    expect(second.name).toBe('board meeting (2)');
    expect(
      (await call<StorySummary[]>('stories.list', { projectId })).map((s) => [s.name, s.pageCount]),
    ).toEqual([
      ['Board meeting', 3],
      ['board meeting (2)', 0],
    ]);
    const renamed = await call<StoryRecord>('stories.rename', { id: story.id, name: 'Town hall' });
    expect(renamed.name).toBe('Town hall');
    await call('stories.delete', { id: second.id });
    expect((await call<StorySummary[]>('stories.list', { projectId })).map((s) => s.name)).toEqual([
      'Town hall',
    ]);
    workspace.close();
  });

  it('refuses a malformed page and a name taken by another story', async () => {
    const { workspace, run, call, projectId } = await setup();
    const story = await call<StoryRecord>('stories.create', { projectId, name: 'A' });
    await call('stories.create', { projectId, name: 'B' });
    const bad = await run('stories.update', {
      id: story.id,
      document: { pages: [{ kind: 'sroi-headline', title: 'x', note: '' }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-input');
    const clash = await run('stories.rename', { id: story.id, name: 'b' });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.error.code).toBe('conflict');
    workspace.close();
  });

  it('keeps the later page kinds and refuses a network page coloured by something the graph does not offer', async () => {
    const { workspace, run, call, projectId } = await setup();
    const story = await call<StoryRecord>('stories.create', { projectId, name: 'Workshop' });
    const pages = [
      { kind: 'loop-dominance', modelId: MODEL_ID, title: 'Loops', note: '' },
      { kind: 'network-view', networkId: NETWORK_ID, colorBy: 'betweenness', title: 'Support', note: '' },
      { kind: 'network-view', networkId: NETWORK_ID, waveId: WAVE_ID, colorBy: 'team', title: '', note: '' },
      { kind: 'conjoint-simulator', studyId: STUDY_ID, title: 'Offers', note: 'Try a cheaper one' },
    ];
    const updated = await call<StoryRecord>('stories.update', { id: story.id, document: { pages } });
    expect(updated.document.pages).toEqual(pages);
    const bad = await run('stories.update', {
      id: story.id,
      document: { pages: [{ ...pages[1], colorBy: 'salary' }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-input');
      expect(bad.error.message).toContain('colorBy');
    }
    expect((await call<StoryRecord>('stories.get', { id: story.id })).document.pages).toEqual(pages);
    workspace.close();
  });

  it('goes with its project', async () => {
    const { workspace, call, projectId } = await setup();
    await call('stories.create', { projectId, name: 'A' });
    await call('projects.delete', { id: projectId });
    expect(workspace.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 0 });
    workspace.close();
  });
});
