/**
 * A finished (or reopened) calibration: the estimates against their bounds and start, the objective before and
 * after and whether the search converged, the fit per variable (RMSE, R^2) with a chart of data against the
 * model before and after; the estimates as CSV (the CLI's format), as a new scenario, and saved to the workspace.
 */
import { useState, type FormEvent } from 'react';
import type { ModelDocument } from '../../../../model/sd';
import { estimatesCsv } from '../../../../model/sd/calibration';
import { unitsOf } from '../charts/chart-variables';
import { formatPrecise } from '../charts/number-format';
import { seriesColor } from '../charts/series-colors';
import { downloadText } from '../download';
import { FitChart } from './FitChart';
import type { ShownCalibration } from './saved-calibrations';

export interface CalibrationResultsProps {
  readonly shown: ShownCalibration;
  readonly document: ModelDocument;
  readonly onSave: (name: string) => Promise<void>;
  readonly onScenario: (name: string) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function CalibrationResults({ shown, document, onSave, onScenario }: CalibrationResultsProps) {
  const { result, before, saved } = shown;
  const [name, setName] = useState(saved?.name ?? `Calibrated to ${shown.data.fileName}`);
  const [status, setStatus] = useState<{ busy: boolean; note?: string; error?: string }>({ busy: false });
  const act = (what: (name: string) => Promise<void>, done: string) => (event?: FormEvent) => {
    event?.preventDefault();
    setStatus({ busy: true });
    what(name).then(
      () => setStatus({ busy: false, note: done }),
      (error: unknown) => setStatus({ busy: false, error: message(error) }),
    );
  };
  const beforeOf = (variable: string) => before?.find((fit) => fit.variable === variable);

  return (
    <section className="calibration-results" aria-label="Calibration results">
      <p className="small">
        {result.stopped ? 'Stopped' : result.converged ? 'Converged' : 'Did not converge'} after{' '}
        {result.iterations.toLocaleString('en-US')} iterations ({result.evaluations.toLocaleString('en-US')}{' '}
        runs, {result.restarts} restart{result.restarts === 1 ? '' : 's'}); weighted squared error{' '}
        {formatPrecise(result.startObjective)} at the start, {formatPrecise(result.objective)} at the
        estimates.
        {saved === undefined ? '' : ` Saved as “${saved.name}”.`}
      </p>
      {result.warnings.length > 0 ? (
        <ul className="banner warning small">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <div className="table-frame">
        <table className="data-table calibration-estimates">
          <caption>Estimates</caption>
          <thead>
            <tr>
              <th scope="col">Constant</th>
              <th scope="col">Estimate</th>
              <th scope="col">Start</th>
              <th scope="col">Min</th>
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            {result.parameters.map((parameter) => (
              <tr key={parameter.name}>
                <th scope="row">{parameter.name}</th>
                <td>
                  {formatPrecise(parameter.estimate)}
                  {parameter.atBound ? ' (on a bound)' : ''}
                </td>
                <td>{formatPrecise(parameter.start)}</td>
                <td>{formatPrecise(parameter.min)}</td>
                <td>{formatPrecise(parameter.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-frame">
        <table className="data-table calibration-fit">
          <caption>Fit per variable</caption>
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Data column</th>
              <th scope="col">Points</th>
              <th scope="col">Weight</th>
              <th scope="col">RMSE</th>
              <th scope="col">R²</th>
            </tr>
          </thead>
          <tbody>
            {result.fit.map((fit) => (
              <tr key={fit.variable}>
                <th scope="row">{fit.variable}</th>
                <td>{fit.column}</td>
                <td>{fit.points}</td>
                <td>{formatPrecise(fit.weight)}</td>
                <td>{formatPrecise(fit.rmse)}</td>
                <td>{Number.isFinite(fit.rSquared) ? fit.rSquared.toFixed(4) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chart-grid">
        {result.fit.map((fit, index) => (
          <FitChart
            key={fit.variable}
            fit={fit}
            before={beforeOf(fit.variable)}
            units={unitsOf(document, fit.variable)}
            timeUnits={document.simSpecs.timeUnits}
            color={seriesColor(index)}
          />
        ))}
      </div>
      <p className="muted small">
        Points: the data; dashed: the model at the starting values; solid: the model at the estimates.
      </p>
      <form className="inline-form" onSubmit={act(onSave, 'Saved to the workspace.')}>
        <label className="inline-label small">
          Name
          <input
            type="text"
            aria-label="Name of the calibration"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {saved === undefined ? (
          <button type="submit" disabled={status.busy || name.trim() === ''}>
            Save to workspace
          </button>
        ) : null}
        <button
          type="button"
          disabled={status.busy || name.trim() === ''}
          onClick={act(
            onScenario,
            `Scenario “${name.trim()}” created with the estimates; it is listed under Scenarios.`,
          )}
        >
          Apply estimates to a new scenario
        </button>
        <button
          type="button"
          onClick={() => downloadText(`${shown.stamp.model}-estimates.csv`, 'text/csv', estimatesCsv(result))}
        >
          Export estimates (CSV)
        </button>
      </form>
      {status.note === undefined ? null : (
        <p className="small" role="status">
          {status.note}
        </p>
      )}
      {status.error === undefined ? null : (
        <p className="banner error" role="alert">
          {status.error}
        </p>
      )}
    </section>
  );
}
