import { describe, expect, it } from 'vitest';
import { linkedValue } from '../../../model/schema/figure';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

describe('linkable figures', () => {
  it('answers the figures of a project, and not-found for a project that does not exist', async () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const handlers = createHandlers({ workspace, host: 'test' });
    const project = workspace.projects.create({ name: 'Care' });
    const figures = await dispatch(handlers, 'links.figures', { projectId: project.id });
    expect(figures.ok).toBe(true);
    expect(Array.isArray(figures.ok && figures.value)).toBe(true);
    const missing = await dispatch(handlers, 'links.figures', {
      projectId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    workspace.close();
  });

  it('maps a figure to its constant by scale and offset', () => {
    expect(linkedValue(0.4, {})).toBe(0.4);
    expect(linkedValue(0.4, { scale: 2, offset: 0.1 })).toBeCloseTo(0.9, 12);
  });
});
