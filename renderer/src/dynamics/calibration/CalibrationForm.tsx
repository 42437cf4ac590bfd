/**
 * The calibration form: the data CSV (its problems listed by row and column), each data column matched to a
 * model variable or left out with an optional weight, and the constants to fit with their bounds and start.
 */
import { useId, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { ConstantChoiceCells } from '../analysis/ConstantChoiceCells';
import type { ChartableVariable } from '../charts/chart-variables';
import type { CalibrationForm as Form, ColumnRow, FittedRow, LoadedData } from './calibration-form';

export interface CalibrationFormProps {
  readonly form: Form;
  readonly loaded: LoadedData | undefined;
  readonly dataProblems: readonly string[];
  readonly variables: readonly ChartableVariable[];
  readonly running: boolean;
  /** Where the data come from: a CSV file, or a measured series of this project (issue 10, point 4). */
  readonly source: DataSource;
  readonly onSource: (source: DataSource) => void;
  /** The measured series' picker, shown when that is the source. */
  readonly measuredPicker: ReactNode;
  readonly onFile: (file: File) => void;
  readonly onChange: (form: Form) => void;
  readonly onRun: () => void;
}

export type DataSource = 'file' | 'measured';

export function CalibrationForm({
  form,
  loaded,
  dataProblems,
  variables,
  running,
  source,
  onSource,
  measuredPicker,
  onFile,
  onChange,
  onRun,
}: CalibrationFormProps) {
  const id = useId();
  const setParameter = (index: number, change: Partial<FittedRow>) =>
    onChange({
      ...form,
      parameters: form.parameters.map((row, at) => (at === index ? { ...row, ...change } : row)),
    });
  const setColumn = (index: number, change: Partial<ColumnRow>) =>
    onChange({
      ...form,
      columns: form.columns.map((row, at) => (at === index ? { ...row, ...change } : row)),
    });
  const chosen = form.parameters.filter((row) => row.chosen).length;
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file !== undefined) onFile(file);
    event.target.value = '';
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) onRun();
  };
  return (
    <form className="calibration-form" onSubmit={submit} aria-label="Calibration">
      <fieldset>
        <legend>Data</legend>
        <div className="calibration-source" role="radiogroup" aria-label="Data source">
          <label>
            <input
              type="radio"
              name={`${id}-source`}
              checked={source === 'file'}
              onChange={() => onSource('file')}
            />{' '}
            A CSV file
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-source`}
              checked={source === 'measured'}
              onChange={() => onSource('measured')}
            />{' '}
            Measured series from this project
          </label>
        </div>
        {source === 'file' ? (
          <label className="field">
            <span className="field-label">Data CSV: a time column and one column per observed variable</span>
            <input type="file" accept=".csv,text/csv" onChange={pick} aria-label="Data CSV" />
          </label>
        ) : (
          measuredPicker
        )}
        {dataProblems.length > 0 ? (
          <div className="banner error" role="alert">
            <p>The data cannot be used:</p>
            <ul>
              {dataProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {loaded === undefined ? (
          <p className="muted small">No data loaded yet.</p>
        ) : (
          <>
            <p className="small" role="status">
              {loaded.fileName}: {loaded.data.times.length} times from {loaded.data.times[0]} to{' '}
              {loaded.data.times.at(-1)}, {loaded.data.columns.length} column
              {loaded.data.columns.length === 1 ? '' : 's'}
            </p>
            <div className="table-frame">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Data column</th>
                    <th scope="col">Model variable</th>
                    <th scope="col">Weight</th>
                  </tr>
                </thead>
                <tbody>
                  {form.columns.map((column, index) => (
                    <tr key={column.header}>
                      <th scope="row">{column.header}</th>
                      <td>
                        <select
                          aria-label={`Model variable of column ${column.header}`}
                          value={column.variable}
                          onChange={(event) => setColumn(index, { variable: event.target.value })}
                        >
                          <option value="">(not used)</option>
                          {variables.map((variable) => (
                            <option key={variable.id} value={variable.name}>
                              {variable.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          type="text"
                          inputMode="decimal"
                          className="bound-input"
                          aria-label={`Weight of column ${column.header}`}
                          placeholder="1 / variance"
                          value={column.weight}
                          disabled={column.variable === ''}
                          onChange={(event) => setColumn(index, { weight: event.target.value })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>
          Constants to fit <span className="muted small">({chosen} chosen)</span>
        </legend>
        <div className="table-frame calibration-parameters">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Fit</th>
                <th scope="col">Constant</th>
                <th scope="col">Min</th>
                <th scope="col">Max</th>
                <th scope="col">Start</th>
              </tr>
            </thead>
            <tbody>
              {form.parameters.map((row, index) => (
                <tr key={row.name} className={row.chosen ? 'chosen' : undefined}>
                  <ConstantChoiceCells
                    inputId={`${id}-fit-${index}`}
                    name={row.name}
                    value={row.value}
                    chosen={row.chosen}
                    onChosen={(chosen) => setParameter(index, { chosen })}
                  />
                  {(['min', 'max', 'start'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="text"
                        inputMode="decimal"
                        className="bound-input"
                        aria-label={`${row.name} ${field}`}
                        value={row[field]}
                        disabled={!row.chosen}
                        onChange={(event) => setParameter(index, { [field]: event.target.value })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <div className="calibration-settings">
        <label className="field">
          <span className="field-label">Iteration limit</span>
          <input
            type="text"
            inputMode="numeric"
            value={form.maxIterations}
            onChange={(event) => onChange({ ...form, maxIterations: event.target.value })}
          />
        </label>
        <button type="submit" className="primary" disabled={running || chosen === 0 || loaded === undefined}>
          Calibrate
        </button>
      </div>
      <p className="muted small">
        Minimises the weighted sum of squared errors between the data and the model at the data’s times
        (bounded Nelder-Mead with restarts). A column without a weight counts by 1 / the variance of its data,
        so variables in different units count alike.
      </p>
    </form>
  );
}
