/**
 * The Sensitivity analysis of the open model (issue 5, point 1): a Monte Carlo over chosen constants, run in
 * one Web Worker per core with a progress bar and Cancel, drawn as fan charts, a tornado on the chosen KPI and
 * summary tables; every run exportable as CSV, and saved to, listed from and reopened from the workspace.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SensitivityRunSummary } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useChartableVariables } from '../charts/use-chartable-variables';
import { stampFor } from '../scenarios/export-stamp';
import { useDynamics } from '../session/dynamics-context';
import { initialForm } from './initial-form';
import { resultOfRecord, sensitivityInputOf } from './saved-runs';
import { SavedAnalyses, type SavedEntry } from './SavedAnalyses';
import { SensitivityResults, type ShownRun } from './SensitivityResults';
import './sensitivity.css';
import { specOf, type SensitivityForm } from './spec-form';
import { SpecForm } from './SpecForm';
import { useSensitivityRun, type RunState } from './use-sensitivity-run';

export function SensitivityPanel() {
  const { session } = useDynamics();
  const { compile, document, record } = session;
  const variables = useChartableVariables(compile);
  const [form, setForm] = useState<SensitivityForm | undefined>();
  if (form === undefined && compile.status === 'ready' && variables.length > 0)
    setForm(initialForm(compile.info.parameters, document, variables));
  const { state, start, cancel, fail } = useSensitivityRun();
  const [shown, setShown] = useState<ShownRun | undefined>();
  const [elapsed, setElapsed] = useState<number | undefined>();
  const [saved, setSaved] = useState<readonly SensitivityRunSummary[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const refresh = useCallback(
    () =>
      call('sensitivity.list', { modelId: record.id }).then(setSaved, (error: unknown) =>
        setProblem(
          `The saved runs could not be listed: ${String(error instanceof Error ? error.message : error)}`,
        ),
      ),
    [record.id],
  );
  useEffect(() => void refresh(), [refresh]);

  const run = async () => {
    if (form === undefined) return;
    const checked = specOf(form);
    if (!checked.ok) {
      fail(checked.errors);
      return;
    }
    const stamp = stampFor({
      modelId: record.id,
      modelName: record.name,
      document,
      saved: session.save.status === 'saved',
    });
    // Handled below once the run is in; until then a failure must not count as unhandled.
    stamp.catch(() => undefined);
    const finished = await start(document, checked.spec);
    if (finished === undefined) return;
    try {
      const { model, modelHash, appVersion } = await stamp;
      setElapsed(finished.seconds);
      setShown({ result: finished.result, stamp: { model, modelHash, appVersion } });
    } catch (error) {
      // The stamp asks the workspace for the saved model text: without it the run cannot be traced, so say so.
      setProblem(
        `The run finished but its stamp could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const save = async (name: string) => {
    if (shown === undefined) return;
    const summary = await call(
      'sensitivity.save',
      sensitivityInputOf(shown.result, { modelId: record.id, name, stamp: shown.stamp }),
    );
    setShown({ ...shown, saved: { id: summary.id, name: summary.name } });
    await refresh();
  };
  const open = (id: SensitivityRunSummary['id']) => {
    setProblem(undefined);
    call('sensitivity.get', { id }).then(
      (stored) => {
        setElapsed(undefined);
        setShown({
          result: resultOfRecord(stored),
          stamp: stored.stamp,
          saved: { id: stored.id, name: stored.name },
        });
      },
      (error: unknown) =>
        setProblem(`The run could not be opened: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const remove = (summary: SavedEntry<SensitivityRunSummary['id']>) => {
    if (!window.confirm(`Delete the saved run “${summary.name}”? This cannot be undone.`)) return;
    call('sensitivity.delete', { id: summary.id }).then(
      () => {
        if (shown?.saved?.id === summary.id) setShown({ ...shown, saved: undefined });
        void refresh();
      },
      (error: unknown) =>
        setProblem(`The run could not be deleted: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  if (form === undefined)
    return compile.status === 'failed' ? (
      <p className="banner error" role="alert">
        The model does not compile, so it cannot be run: {compile.errors[0]?.message}
      </p>
    ) : (
      <p className="muted" role="status">
        Reading the model’s constants…
      </p>
    );
  if (form.parameters.length === 0) return <p className="muted">This model has no constants to vary.</p>;

  return (
    <div className="sensitivity-panel">
      <SpecForm
        form={form}
        variables={variables}
        running={state.status === 'running'}
        onChange={setForm}
        onRun={() => void run()}
      />
      <RunStatus state={state} onCancel={cancel} elapsed={elapsed} />
      {problem === undefined ? null : (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      <SavedAnalyses
        label="Saved sensitivity runs"
        entries={saved?.map((run) => ({
          id: run.id,
          name: run.name,
          problem: run.problem,
          detail: `${run.runs.toLocaleString('en-US')} runs, seed ${run.seed}, ${new Date(run.createdAt).toLocaleString()}`,
        }))}
        openId={shown?.saved?.id}
        empty="None yet: run one and save it to keep it with the model."
        onOpen={open}
        onDelete={remove}
      />
      {shown === undefined ? null : (
        <SensitivityResults key={shown.saved?.id ?? 'new'} run={shown} document={document} onSave={save} />
      )}
    </div>
  );
}

function RunStatus({
  state,
  onCancel,
  elapsed,
}: {
  readonly state: RunState;
  readonly onCancel: () => void;
  readonly elapsed: number | undefined;
}) {
  switch (state.status) {
    case 'running':
      return (
        <div className="progress-line" role="status">
          <progress max={state.total} value={state.done} aria-label="Sensitivity progress" />
          <span className="small">
            {state.done.toLocaleString('en-US')} of {state.total.toLocaleString('en-US')} runs on{' '}
            {state.workers} worker{state.workers === 1 ? '' : 's'}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    case 'cancelled':
      return (
        <p className="small" role="status">
          Cancelled after {state.done.toLocaleString('en-US')} of {state.total.toLocaleString('en-US')} runs;
          nothing was kept.
        </p>
      );
    case 'failed':
      return (
        <div className="banner error" role="alert">
          <p>The sensitivity run cannot start:</p>
          <ul>
            {state.errors.slice(0, 8).map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      );
    case 'idle':
      return elapsed === undefined ? null : (
        <p className="muted small" role="status">
          Finished in {elapsed.toFixed(1)} s.
        </p>
      );
  }
}
