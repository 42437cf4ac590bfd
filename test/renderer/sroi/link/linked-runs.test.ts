/**
 * The runs behind linked quantities, against the real backend (the sample project seeded into a workspace in a
 * temporary folder) and the real engine session answering as the simulation worker would: a link's quantities,
 * and the source noticing when a scenario it ran has been changed since, so the view can run it again.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/api/dispatch';
import type {
  ModelSummary,
  OperationInput,
  OperationName,
  OperationOutput,
  Project,
  Scenario,
} from '../../../../electron/api/contract';
import { createHandlers } from '../../../../electron/services/handlers';
import { seedNewWorkspace } from '../../../../electron/services/samples';
import { openWorkspace } from '../../../../electron/store/workspace';
import { createEngineSession } from '../../../../renderer/src/dynamics/engine/engine-session';
import { LinkedRunSource } from '../../../../renderer/src/sroi/link/linked-runs';
import { tempDataDir } from '../../../electron/store/support';
import { inProcessPort } from '../../dynamics/worker-support';

/** The simulation worker's session in this process, answering asynchronously as a worker does. */
const enginePort = () => inProcessPort(createEngineSession());

async function sampleWorkspace() {
  const workspace = openWorkspace({ dataDir: tempDataDir() });
  seedNewWorkspace(workspace, resolve(import.meta.dirname, '../../../../sample-data'), (message) => {
    throw new Error(message);
  });
  const handlers = createHandlers({ workspace, host: 'test' });
  const call = async <K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  };
  const [project] = (await call('projects.list', {})) as readonly Project[];
  if (project === undefined) throw new Error('no sample project');
  const [model] = (await call('models.list', { projectId: project.id })) as readonly ModelSummary[];
  if (model === undefined) throw new Error('no sample model');
  const scenarios = (await call('scenarios.list', { modelId: model.id })) as readonly Scenario[];
  const scenario = (name: string): Scenario => {
    const found = scenarios.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no scenario ${name}`);
    return found;
  };
  return { workspace, call, project, model, scenario };
}

/** The sample's staff-retention link: quits avoided, the programme against the status quo. */
const quitsAvoided = {
  id: 'staff-retention',
  startYear: 1,
  durationYears: 1,
  quantityLink: {
    model: 'Empathy reference model',
    scenario: 'Empathy programme',
    baseline: 'Status quo',
    variable: 'Total quits',
    aggregation: 'annual-sum',
    scale: -1,
  },
} as const;

describe('linked runs', () => {
  it('notices a scenario edited since its run, and a fresh source follows the edit', async () => {
    const { workspace, call, project, scenario } = await sampleWorkspace();
    const source = new LinkedRunSource(project.id, call, enginePort);
    const before = await source.quantities(quitsAvoided);
    if (before.status !== 'ready') throw new Error(before.status === 'failed' ? before.message : 'running');
    // sample-data/sroi/README.md: 1.15 leavers avoided in year 1.
    expect(before.quantities[0]).toBeCloseTo(1.15, 2);
    expect(await source.changedSince()).toBe(false);

    // The programme edited to do exactly what the status quo does: nothing is avoided any more.
    const programme = scenario('Empathy programme');
    await call('scenarios.update', { id: programme.id, overrides: scenario('Status quo').overrides });
    expect(await source.changedSince()).toBe(true);
    source.dispose();

    const fresh = new LinkedRunSource(project.id, call, enginePort);
    const after = await fresh.quantities(quitsAvoided);
    if (after.status !== 'ready') throw new Error('the edited scenario did not run');
    expect(after.quantities.every((quantity) => quantity === 0)).toBe(true);
    expect(await fresh.changedSince()).toBe(false);
    fresh.dispose();
    workspace.close();
  });

  it('notices a model renamed to the name a link looked for in vain', async () => {
    const { workspace, call, project, model } = await sampleWorkspace();
    const renamedLink = {
      ...quitsAvoided,
      quantityLink: { ...quitsAvoided.quantityLink, model: 'Pilot model' },
    };
    const source = new LinkedRunSource(project.id, call, enginePort);
    const missing = await source.quantities(renamedLink);
    expect(missing).toEqual({ status: 'failed', message: 'This project has no model named “Pilot model”.' });
    expect(await source.changedSince()).toBe(false);
    await call('models.rename', { id: model.id, name: 'Pilot model' });
    expect(await source.changedSince()).toBe(true);
    source.dispose();
    workspace.close();
  });
});
