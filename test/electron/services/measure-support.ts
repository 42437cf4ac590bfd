/** A workspace in a temp folder with one project, and the measure.* operations called as the app calls them. */
import { dispatch } from '../../../electron/api/dispatch';
import type { OperationInput, OperationName, OperationOutput } from '../../../electron/api/contract';
import { createHandlers } from '../../../electron/services/handlers';
import { openWorkspace } from '../../../electron/store/workspace';
import { tempDataDir } from '../store/support';

export function setUpMeasure() {
  const workspace = openWorkspace({ dataDir: tempDataDir(), backupOnOpen: false });
  const handlers = createHandlers({ workspace, host: 'test' });
  const project = workspace.projects.create({ name: 'Measures' });
  async function call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<OperationOutput<K>> {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as OperationOutput<K>;
  }
  async function refusal<K extends OperationName>(operation: K, input: OperationInput<K>) {
    const result = await dispatch(handlers, operation, input);
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  }
  const datasetRows = (): number =>
    workspace.db.prepare<[], number>('SELECT count(*) FROM measure_datasets').pluck().get() ?? -1;
  return { workspace, project, call, refusal, datasetRows };
}
