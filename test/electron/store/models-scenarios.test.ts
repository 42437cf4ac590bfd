import { describe, expect, it } from 'vitest';
import type { ModelId } from '../../../model/schema/model';
import type { ScenarioId } from '../../../model/schema/scenario';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir, testClock } from './support';

const TEACUP =
  '<xmile version="1.0"><sim_specs><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs></xmile>';

function fixture() {
  const clock = testClock();
  const workspace = openWorkspace({ dataDir: tempDataDir(), now: clock.now });
  const project = workspace.projects.create({ name: 'Care' });
  const model = workspace.models.create({ projectId: project.id, name: 'Teacup', xmile: TEACUP });
  return { clock, workspace, project, model };
}

describe('model repository', () => {
  it('saves, lists without the text, reads back with it, and touches the project', () => {
    const { workspace, project, model, clock } = fixture();
    expect(workspace.models.list(project.id)).toEqual([
      {
        id: model.id,
        projectId: project.id,
        name: 'Teacup',
        createdAt: model.createdAt,
        updatedAt: model.updatedAt,
      },
    ]);
    clock.advance(1000);
    const saved = workspace.models.save(model.id, `${TEACUP}<!-- edited -->`);
    expect(workspace.models.get(model.id).xmile).toContain('edited');
    expect(saved.updatedAt > model.updatedAt).toBe(true);
    expect(workspace.projects.get(project.id).updatedAt).toBe(saved.updatedAt);
    workspace.close();
  });

  it('gives an imported duplicate name a free suffix, but refuses a clashing rename', () => {
    const { workspace, project, model } = fixture();
    const second = workspace.models.create({ projectId: project.id, name: 'teacup', xmile: TEACUP });
    expect(second.name).toBe('teacup (2)');
    expect(() => workspace.models.rename(second.id, 'TEACUP')).toThrow(/already has a model named "Teacup"/);
    expect(workspace.models.rename(model.id, 'Teacup v2').name).toBe('Teacup v2');
    workspace.close();
  });

  it('answers not-found for a missing model or project', () => {
    const { workspace } = fixture();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(() => workspace.models.get(missing as ModelId)).toThrow(/No model/);
    expect(() => workspace.models.list(missing as never)).toThrow(/No project/);
    expect(() => workspace.models.create({ projectId: missing as never, name: 'x', xmile: TEACUP })).toThrow(
      /No project/,
    );
    workspace.close();
  });

  it('deletes a model with its scenarios, and a project with its models', () => {
    const { workspace, project, model } = fixture();
    const scenario = workspace.scenarios.create(model.id, { name: 'Base', overrides: {} });
    workspace.models.delete(model.id);
    expect(() => workspace.scenarios.get(scenario.id)).toThrow(/No scenario/);
    const again = workspace.models.create({ projectId: project.id, name: 'Again', xmile: TEACUP });
    workspace.projects.delete(project.id);
    expect(() => workspace.models.get(again.id)).toThrow(/No model/);
    workspace.close();
  });
});

describe('scenario repository', () => {
  it('creates, updates, duplicates and deletes, keeping overrides and links', () => {
    const { workspace, model } = fixture();
    const base = workspace.scenarios.create(model.id, {
      name: 'Empathy programme',
      overrides: { 'Training Budget': 5000 },
      links: [
        {
          variable: 'Reciprocity',
          source: { instrument: 'network', documentId: 'n1', figure: 'graph.reciprocity' },
        },
      ],
    });
    expect(workspace.scenarios.get(base.id)).toEqual(base);
    const updated = workspace.scenarios.update(base.id, { overrides: { 'Training Budget': 8000 } });
    expect(updated.overrides).toEqual({ 'Training Budget': 8000 });
    expect(updated.name).toBe('Empathy programme');
    expect(updated.links).toHaveLength(1);

    const copy = workspace.scenarios.duplicate(base.id);
    expect(copy.name).toBe('Empathy programme (copy)');
    expect(copy.overrides).toEqual(updated.overrides);
    expect(workspace.scenarios.duplicate(base.id).name).toBe('Empathy programme (copy) (2)');
    expect(workspace.scenarios.list(model.id).map((scenario) => scenario.name)).toEqual([
      'Empathy programme',
      'Empathy programme (copy)',
      'Empathy programme (copy) (2)',
    ]);
    workspace.scenarios.delete(copy.id);
    expect(workspace.scenarios.list(model.id)).toHaveLength(2);
    workspace.close();
  });

  it('refuses a clashing name, a non-finite override, and names the field', () => {
    const { workspace, model } = fixture();
    workspace.scenarios.create(model.id, { name: 'Status quo', overrides: {} });
    expect(() => workspace.scenarios.create(model.id, { name: 'STATUS QUO', overrides: {} })).toThrow(
      /already has a scenario/,
    );
    expect(() => workspace.scenarios.create(model.id, { name: 'Bad', overrides: { x: Number.NaN } })).toThrow(
      /overrides\.x/,
    );
    expect(() =>
      workspace.scenarios.update('00000000-0000-4000-8000-000000000000' as ScenarioId, { name: 'x' }),
    ).toThrow(/No scenario/);
    workspace.close();
  });

  it('reports a tampered row by field and leaves it on disk', () => {
    const { workspace, model } = fixture();
    const scenario = workspace.scenarios.create(model.id, { name: 'Base', overrides: { a: 1 } });
    workspace.db.prepare('UPDATE scenarios SET overrides = ? WHERE id = ?').run('{"a":"lots"}', scenario.id);
    expect(() => workspace.scenarios.get(scenario.id)).toThrow(/field "overrides\.a"/);
    expect(
      workspace.db.prepare('SELECT overrides FROM scenarios WHERE id = ?').pluck().get(scenario.id),
    ).toBe('{"a":"lots"}');
    workspace.close();
  });
});
