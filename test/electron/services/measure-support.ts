/** A workspace in a temp folder with one project, and the measure.* operations called as the app calls them. */
import { setUpHandlers } from './handlers-support';

export function setUpMeasure() {
  const { workspace, project, call, refusal } = setUpHandlers({
    projectName: 'Measures',
    backupOnOpen: false,
  });
  const datasetRows = (): number =>
    workspace.db.prepare<[], number>('SELECT count(*) FROM measure_datasets').pluck().get() ?? -1;
  return { workspace, project, call, refusal, datasetRows };
}
