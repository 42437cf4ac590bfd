import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const teacup = readFileSync(
  resolve(
    import.meta.dirname,
    '../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup_w_diagram.xmile',
  ),
  'utf8',
);

async function setup() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = await dispatch(handlers, 'projects.create', { name: 'Care' });
  if (!project.ok) throw new Error(project.error.message);
  return { workspace, handlers, projectId: (project.value as { id: string }).id };
}

describe('model operations', () => {
  it('imports an XMILE file under its file name and reads it back unchanged', async () => {
    const { workspace, handlers, projectId } = await setup();
    const imported = await dispatch(handlers, 'models.import', {
      projectId,
      xmile: teacup,
      fileName: 'teacup_w_diagram.xmile',
    });
    expect(imported).toMatchObject({ ok: true, value: { name: 'teacup_w_diagram' } });
    const id = imported.ok ? (imported.value as { id: string }).id : '';
    const read = await dispatch(handlers, 'models.get', { id });
    expect(read.ok && (read.value as { xmile: string }).xmile).toBe(teacup);
    workspace.close();
  });

  it('refuses text that is not XMILE, saying where, and saves nothing', async () => {
    const { workspace, handlers, projectId } = await setup();
    const refused = await dispatch(handlers, 'models.import', {
      projectId,
      xmile: '<xmile><model>',
      fileName: 'broken.xmile',
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('invalid-input');
    expect(!refused.ok && refused.error.message).toMatch(/broken\.xmile/);
    const list = await dispatch(handlers, 'models.list', { projectId });
    expect(list).toEqual({ ok: true, value: [] });
    workspace.close();
  });

  it('saves an edit only when it still reads as XMILE', async () => {
    const { workspace, handlers, projectId } = await setup();
    const imported = await dispatch(handlers, 'models.import', { projectId, xmile: teacup, name: 'Tea' });
    const id = imported.ok ? (imported.value as { id: string }).id : '';
    const bad = await dispatch(handlers, 'models.save', { id, xmile: 'not xml at all' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const edited = teacup.replace('<eqn>70</eqn>', '<eqn>72</eqn>');
    expect(await dispatch(handlers, 'models.save', { id, xmile: edited })).toMatchObject({ ok: true });
    const read = await dispatch(handlers, 'models.get', { id });
    expect(read.ok && (read.value as { xmile: string }).xmile).toContain('<eqn>72</eqn>');
    workspace.close();
  });
});
