/**
 * A finished (or reopened) sensitivity run: the fan chart of each recorded variable, the tornado and the
 * summary tables, the CSV of every run (the CLI's format, model/sd/sensitivity/export.ts, so researchers read one
 * format), and saving to the workspace under a name.
 */
import { useState, type FormEvent } from 'react';
import { displayName, type ModelDocument } from '../../../../model/sd';
import {
  kpiLabel,
  sensitivityCsv,
  type SensitivityResult,
  type SensitivityStamp,
} from '../../../../model/sd/sensitivity';
import { unitsOf } from '../charts/chart-variables';
import { seriesColor } from '../charts/series-colors';
import { downloadText } from '../download';
import { FanChart } from './FanChart';
import { SummaryTable } from './SummaryTable';
import { TornadoChart } from './TornadoChart';

export interface ShownRun {
  readonly result: SensitivityResult;
  readonly stamp: SensitivityStamp;
  /** Set once it is in the workspace. */
  readonly saved?: { readonly id: string; readonly name: string } | undefined;
}

export interface SensitivityResultsProps {
  readonly run: ShownRun;
  readonly document: ModelDocument;
  readonly onSave: (name: string) => Promise<void>;
}

const fileSafe = (text: string): string => text.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '');

export function SensitivityResults({ run, document, onSave }: SensitivityResultsProps) {
  const { result, stamp, saved } = run;
  const label = kpiLabel(result);
  const [name, setName] = useState(`${result.spec.runs} runs, seed ${result.spec.seed}`);
  const [saving, setSaving] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const middle = result.percentiles.length;
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaving({ busy: true });
    onSave(name).then(
      () => setSaving({ busy: false }),
      (error: unknown) =>
        setSaving({ busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const exportCsv = () =>
    downloadText(
      `${fileSafe(stamp.model)}-sensitivity-seed${result.spec.seed}-${result.spec.runs}runs.csv`,
      'text/csv',
      // The date of the export joins the stamp, as the CLI's exports carry it (issue 9).
      sensitivityCsv({ ...stamp, exportedAt: new Date().toISOString() }, result),
    );

  return (
    <section className="sensitivity-results" aria-label="Sensitivity results">
      <div className="sensitivity-result-bar">
        <p className="small">
          {result.spec.runs.toLocaleString('en-US')} runs (
          {result.spec.sampling === 'random' ? 'random' : 'Latin hypercube'}
          ), seed {result.spec.seed}, {result.parameters.length} parameter
          {result.parameters.length === 1 ? '' : 's'} varied
          {saved === undefined ? '' : `; saved as “${saved.name}”`}
        </p>
        <button type="button" onClick={exportCsv}>
          Export runs (CSV)
        </button>
        {saved === undefined ? (
          <form className="inline-form" onSubmit={save}>
            <label className="inline-label small">
              Save as
              <input
                type="text"
                value={name}
                aria-label="Name of the saved run"
                onChange={(event) => setName(event.target.value)}
              />
            </label>
            <button type="submit" disabled={saving.busy || name.trim() === ''}>
              Save to workspace
            </button>
          </form>
        ) : null}
      </div>
      {saving.error === undefined ? null : (
        <p className="banner error" role="alert">
          The run could not be saved: {saving.error}
        </p>
      )}
      <TornadoChart tornado={result.tornado} kpiLabel={label} />
      <SummaryTable summary={result.summary} tornado={result.tornado} kpiLabel={label} />
      <div className="chart-grid">
        {result.outputs.map((output, index) => (
          <FanChart
            key={output}
            variable={output}
            units={unitsOf(document, output)}
            timeUnits={document.simSpecs.timeUnits}
            time={result.bandTimes}
            bands={result.bands[index] ?? new Float64Array(middle * result.bandTimes.length)}
            percentiles={result.percentiles}
            color={seriesColor(index)}
          />
        ))}
      </div>
      <p className="muted small">
        Bands are the runs’ percentiles at {result.bandTimes.length} times (type 7, as R’s quantile). The
        tornado moves one parameter at a time to its 5th and 95th percentile with the others at their medians.
        Charted: {result.outputs.map(displayName).join(', ')}.
      </p>
    </section>
  );
}
