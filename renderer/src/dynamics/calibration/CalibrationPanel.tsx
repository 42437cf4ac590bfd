/**
 * The Calibration analysis of the open model (issue 5, point 3): fit chosen constants, within bounds, to a data
 * CSV by minimising the weighted squared error (bounded Nelder-Mead in a worker, with progress and Cancel); the
 * estimates, the fit and data against the model; saved to, listed from and reopened from the workspace.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { canonicalName } from '../../../../model/sd';
import type { CalibrationSummary } from '../../../../electron/api/contract';
import { call } from '../../api';
import { useChartableVariables } from '../charts/use-chartable-variables';
import { stampFor } from '../scenarios/export-stamp';
import { sha256Hex } from '../scenarios/reproducibility';
import { useDynamics } from '../session/dynamics-context';
import { SavedAnalyses, type SavedEntry } from '../sensitivity/SavedAnalyses';
import '../sensitivity/sensitivity.css';
import { formatPrecise } from '../charts/number-format';
import { groupParameters } from '../whatif/parameter-groups';
import { sliderRange } from '../whatif/parameter-range';
import { runCalibration, type CalibrationJob } from './calibration-job';
import {
  calibrationSpecOf,
  columnRows,
  readDataFile,
  type CalibrationForm as Form,
  type LoadedData,
} from './calibration-form';
import { CalibrationForm, type DataSource } from './CalibrationForm';
import { unitsOf } from '../charts/chart-variables';
import { measuredCalibrationData, measuredColumns } from '../measured/measured-calibration';
import { withinRun } from '../measured/measured-options';
import { MeasuredSeriesPicker } from '../measured/MeasuredSeriesPicker';
import { useMeasuredSelection } from '../measured/use-measured-selection';
import { CalibrationResults } from './CalibrationResults';
import { calibrationInputOf, calibrationOfRecord, type ShownCalibration } from './saved-calibrations';

type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly iteration: number; readonly objective: number | undefined }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly errors: readonly string[] };

const text = (value: number) => String(Number(value.toPrecision(6)));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function CalibrationPanel() {
  const { session } = useDynamics();
  const { compile, document, record } = session;
  const variables = useChartableVariables(compile);
  const [formState, setForm] = useState<Form | undefined>();
  if (formState === undefined && compile.status === 'ready') {
    const byId = new Map(document.variables.map((variable) => [canonicalName(variable.name), variable]));
    const constants = groupParameters(compile.info.parameters, document)
      .flatMap((group) => group.parameters)
      .filter((parameter) => parameter.kind === 'constant');
    setForm({
      parameters: constants.map((parameter) => {
        const range = sliderRange(parameter.value, byId.get(parameter.id));
        return {
          name: parameter.name,
          value: parameter.value,
          chosen: false,
          min: text(range.min),
          max: text(range.max),
          start: text(parameter.value),
        };
      }),
      columns: [],
      maxIterations: '2000',
    });
  }
  const [fileLoaded, setLoaded] = useState<LoadedData | undefined>();
  const [fileProblems, setDataProblems] = useState<readonly string[]>([]);
  // A measured series of the project is the other source (issue 10, point 4): the same CalibrationData.
  const [source, setSource] = useState<DataSource>('file');
  const measured = useMeasuredSelection(
    'calibration',
    record.id,
    record.projectId,
    document.simSpecs.timeUnits,
    document.simSpecs.start,
  );
  const { choice: measuredChoice, series: measuredSeries } = measured;
  const measuredReading = useMemo(
    () =>
      measuredChoice === undefined || measuredSeries?.ok !== true
        ? undefined
        : // Only the figures within the run can be compared with it (dates before time 0 or past the stop).
          measuredCalibrationData(
            withinRun(measuredSeries.series, document.simSpecs.start, document.simSpecs.stop),
            measuredChoice,
          ),
    [measuredChoice, measuredSeries, document.simSpecs.start, document.simSpecs.stop],
  );
  const unitsOfVariable = useCallback((name: string) => unitsOf(document, name), [document]);
  // With a measured series the one data column is the series, fitted to the variable chosen with it.
  const form =
    formState !== undefined && source === 'measured' && measuredChoice !== undefined
      ? { ...formState, columns: measuredColumns(measuredChoice, formState.columns) }
      : formState;
  const changeForm = (next: Form) => {
    const variable = next.columns[0]?.variable;
    if (source === 'measured' && measuredChoice !== undefined && variable !== undefined && variable !== '')
      measured.setChoice({ ...measuredChoice, variable });
    setForm(next);
  };
  const loaded =
    source === 'file' ? fileLoaded : measuredReading?.ok === true ? measuredReading.loaded : undefined;
  const dataProblems =
    source === 'file' ? fileProblems : measuredReading?.ok === false ? measuredReading.problems : [];
  const chooseSource = (next: DataSource) => {
    setSource(next);
    setForm(
      (current) =>
        current && {
          ...current,
          columns:
            next === 'file'
              ? fileLoaded === undefined
                ? []
                : columnRows(fileLoaded.data, variables)
              : measuredChoice === undefined
                ? []
                : measuredColumns(measuredChoice, current.columns),
        },
    );
  };
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const [shown, setShown] = useState<ShownCalibration | undefined>();
  const [saved, setSaved] = useState<readonly CalibrationSummary[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const job = useRef<CalibrationJob | undefined>(undefined);
  useEffect(() => () => job.current?.cancel(), []);

  const refresh = useCallback(
    () =>
      call('calibrations.list', { modelId: record.id }).then(setSaved, (error: unknown) =>
        setProblem(`The saved calibrations could not be listed: ${message(error)}`),
      ),
    [record.id],
  );
  useEffect(() => void refresh(), [refresh]);

  const readFile = (file: File) => {
    void file.text().then((content) => {
      const reading = readDataFile(file.name, content);
      if (!reading.ok) {
        setDataProblems(reading.problems);
        setLoaded(undefined);
        return;
      }
      setDataProblems([]);
      setLoaded(reading.loaded);
      setForm((current) => current && { ...current, columns: columnRows(reading.loaded.data, variables) });
    });
  };

  const run = async () => {
    if (form === undefined || loaded === undefined) return;
    const checked = calibrationSpecOf(form);
    if (!checked.ok) {
      setState({ status: 'failed', errors: checked.errors });
      return;
    }
    job.current?.cancel();
    setState({ status: 'running', iteration: 0, objective: undefined });
    const stamp = Promise.all([
      stampFor({
        modelId: record.id,
        modelName: record.name,
        document,
        saved: session.save.status === 'saved',
      }),
      sha256Hex(loaded.text),
    ]);
    // Handled below once the fit is in; until then a failure must not count as unhandled.
    stamp.catch(() => undefined);
    const current = runCalibration(
      { document, data: loaded.data, spec: checked.spec },
      { onProgress: (iteration, objective) => setState({ status: 'running', iteration, objective }) },
    );
    job.current = current;
    const outcome = await current.outcome;
    if (job.current !== current) return;
    job.current = undefined;
    if (!outcome.ok) {
      setState(
        'cancelled' in outcome ? { status: 'cancelled' } : { status: 'failed', errors: outcome.errors },
      );
      return;
    }
    let stamped: Awaited<typeof stamp>;
    try {
      stamped = await stamp;
    } catch (error) {
      // The stamp asks the workspace for the saved model text: without it the fit cannot be traced, so say so.
      setState({
        status: 'failed',
        errors: [`The calibration finished but its stamp could not be made: ${message(error)}`],
      });
      return;
    }
    const [{ model, modelHash, appVersion }, dataHash] = stamped;
    setState({ status: 'idle' });
    setShown({
      spec: checked.spec,
      stamp: { model, modelHash, appVersion, data: loaded.fileName, dataHash },
      data: loaded.data,
      result: outcome.result,
      before: outcome.before,
    });
  };

  const save = async (name: string) => {
    if (shown === undefined) return;
    const summary = await call('calibrations.save', calibrationInputOf(shown, { modelId: record.id, name }));
    setShown({ ...shown, saved: { id: summary.id, name: summary.name } });
    await refresh();
  };
  const scenario = async (name: string) => {
    if (shown === undefined) return;
    await call('scenarios.create', {
      modelId: record.id,
      name,
      description: `Estimates calibrated to ${shown.data.fileName} (weighted squared error ${formatPrecise(shown.result.objective)}).`,
      overrides: Object.fromEntries(
        shown.result.parameters.map((parameter) => [parameter.name, parameter.estimate]),
      ),
    });
  };
  const open = (id: CalibrationSummary['id']) => {
    setProblem(undefined);
    call('calibrations.get', { id }).then(
      (stored) => setShown(calibrationOfRecord(stored)),
      (error: unknown) => setProblem(`The calibration could not be opened: ${message(error)}`),
    );
  };
  const remove = (entry: SavedEntry<CalibrationSummary['id']>) => {
    if (!window.confirm(`Delete the saved calibration “${entry.name}”? This cannot be undone.`)) return;
    call('calibrations.delete', { id: entry.id }).then(
      () => {
        if (shown?.saved?.id === entry.id) setShown({ ...shown, saved: undefined });
        void refresh();
      },
      (error: unknown) => setProblem(`The calibration could not be deleted: ${message(error)}`),
    );
  };

  if (form === undefined)
    return compile.status === 'failed' ? (
      <p className="banner error" role="alert">
        The model does not compile, so it cannot be calibrated: {compile.errors[0]?.message}
      </p>
    ) : (
      <p className="muted" role="status">
        Reading the model’s constants…
      </p>
    );

  return (
    <div className="calibration-panel">
      <CalibrationForm
        form={form}
        loaded={loaded}
        dataProblems={dataProblems}
        variables={variables}
        running={state.status === 'running'}
        source={source}
        onSource={chooseSource}
        measuredPicker={
          <MeasuredSeriesPicker
            selection={measured}
            variables={variables}
            unitsOf={unitsOfVariable}
            variableLabel="Fit to model variable"
          />
        }
        onFile={readFile}
        onChange={changeForm}
        onRun={() => void run()}
      />
      {state.status === 'running' ? (
        <div className="progress-line" role="status">
          <progress aria-label="Calibration progress" />
          <span className="small">
            Iteration {state.iteration.toLocaleString('en-US')}
            {state.objective === undefined
              ? ''
              : `, weighted squared error ${formatPrecise(state.objective)}`}
          </span>
          <button type="button" onClick={() => job.current?.cancel()}>
            Cancel
          </button>
        </div>
      ) : state.status === 'cancelled' ? (
        <p className="small" role="status">
          Calibration cancelled; nothing was kept.
        </p>
      ) : state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The calibration cannot run:</p>
          <ul>
            {state.errors.slice(0, 8).map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {problem === undefined ? null : (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      <SavedAnalyses
        label="Saved calibrations"
        entries={saved?.map((entry) => ({
          id: entry.id,
          name: entry.name,
          problem: entry.problem,
          detail: entry.parameters
            .map(
              (parameter) =>
                `${parameter.name} ${parameter.estimate === null ? '—' : formatPrecise(parameter.estimate)}`,
            )
            .join(', '),
        }))}
        openId={shown?.saved?.id}
        empty="None yet: calibrate and save to keep the estimates with the model."
        onOpen={open}
        onDelete={remove}
      />
      {shown === undefined ? null : (
        <CalibrationResults
          key={shown.saved?.id ?? 'new'}
          shown={shown}
          document={document}
          onSave={save}
          onScenario={scenario}
        />
      )}
    </div>
  );
}
