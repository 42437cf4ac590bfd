import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT_NAME, seedNewWorkspace, seedSamples } from '../../../electron/services/samples';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

const teacup = readFileSync(
  resolve(import.meta.dirname, '../../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile'),
  'utf8',
);

function sampleFolder(scenarios: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'empathy-samples-'));
  writeFileSync(join(dir, 'empathy-smb.xmile'), teacup);
  mkdirSync(join(dir, 'scenarios'));
  for (const [file, body] of Object.entries(scenarios))
    writeFileSync(join(dir, 'scenarios', file), JSON.stringify(body));
  return dir;
}

describe('sample project', () => {
  it('seeds a new workspace with the model and its scenarios', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    expect(workspace.isNew).toBe(true);
    const dir = sampleFolder({
      'a.json': { name: 'Status quo', overrides: {} },
      'b.json': { name: 'Warm room', overrides: { 'Room Temperature': 75 } },
    });
    seedNewWorkspace(workspace, dir, (message) => {
      throw new Error(message);
    });
    const [project] = workspace.projects.list();
    if (project === undefined) throw new Error('no sample project');
    expect(project.name).toBe(SAMPLE_PROJECT_NAME);
    const [model] = workspace.models.list(project.id);
    if (model === undefined) throw new Error('no sample model');
    expect(model.name).toBe('Empathy reference model');
    expect(workspace.scenarios.list(model.id).map((scenario) => [scenario.name, scenario.overrides])).toEqual(
      [
        ['Status quo', {}],
        ['Warm room', { 'Room Temperature': 75 }],
      ],
    );
    workspace.close();
  });

  it('leaves an existing workspace alone', () => {
    const dataDir = tempDataDir();
    openWorkspace({ dataDir }).close();
    const reopened = openWorkspace({ dataDir });
    expect(reopened.isNew).toBe(false);
    seedNewWorkspace(reopened, sampleFolder({}), () => undefined);
    expect(reopened.projects.list()).toEqual([]);
    reopened.close();
  });

  it('writes nothing when a shipped scenario is broken, and says so', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const dir = sampleFolder({
      'a.json': { name: 'Fine', overrides: {} },
      'b.json': { name: 'Broken', overrides: { x: 'high' } },
    });
    expect(() => seedSamples(workspace, dir)).toThrow(/b\.json/);
    expect(workspace.projects.list()).toEqual([]);
    const warnings: string[] = [];
    seedNewWorkspace(workspace, dir, (message) => warnings.push(message));
    expect(warnings[0]).toMatch(/sample project could not be created/);
    workspace.close();
  });

  it('does nothing without sample files', () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    expect(seedSamples(workspace, join(tmpdir(), 'no-such-folder-empathy'))).toBeUndefined();
    workspace.close();
  });
});
