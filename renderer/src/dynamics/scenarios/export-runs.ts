/**
 * Exporting runs from the view: stamp them (export-stamp.ts), format them (run-export-format.ts), download the file.
 */
import { downloadText } from '../download';
import { stampFor, type StampSource } from './export-stamp';
import { exportFileName, runsToCsv, runsToJson, type ExportedRun } from './run-export-format';

export type ExportSource = StampSource;

export async function exportRuns(
  source: ExportSource,
  runs: readonly ExportedRun[],
  format: 'csv' | 'json',
): Promise<void> {
  const stamp = await stampFor(source);
  const name = exportFileName(
    source.modelName,
    runs.map((run) => run.scenario),
    format,
  );
  if (format === 'csv') downloadText(name, 'text/csv', runsToCsv(stamp, runs));
  else downloadText(name, 'application/json', runsToJson(stamp, runs));
}
