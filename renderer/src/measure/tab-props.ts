/**
 * What the Measure section's shell (MeasureView) hands each of its tabs. The shell lists the project's data
 * sets and imports them; each tab picks the data sets of the kinds it reads, loads them whole with
 * `call('measure.get', ...)`, computes with model/measure in the page, and saves settings through the shell's
 * callback so the list stays current.
 */
import type { MeasureDataset, MeasureDatasetSummary, Project } from '../../../electron/api/contract';

export interface MeasureTabProps {
  readonly project: Project;
  /** The project's data sets of every kind, in the list's order. */
  readonly datasets: readonly MeasureDatasetSummary[];
  /** A tab saved a data set (its settings or privacy): the shell refreshes its list. */
  readonly onDatasetChanged: (dataset: MeasureDataset) => void;
}
