/**
 * The sensitivity spec form: which constants vary (the model's levers ticked first) and how, the sampling
 * method, the number of runs and the seed, the KPI the tornado and the summary are about, and the variables
 * drawn as fan charts. Every field is plain text until Run, when the engine's schema checks it (spec-form.ts).
 */
import { useId, type FormEvent } from 'react';
import {
  DISTRIBUTION_TYPES,
  KPI_STATISTICS,
  type DistributionType,
  type KpiStatistic,
  type SamplingMethod,
} from '../../../../model/sd/sensitivity';
import { ConstantChoiceCells } from '../analysis/ConstantChoiceCells';
import type { ChartableVariable } from '../charts/chart-variables';
import { VariablePicker } from '../charts/VariablePicker';
import { DISTRIBUTION_FIELDS, OPTIONAL_FIELDS, type ParameterRow, type SensitivityForm } from './spec-form';

const SOURCE_WORDS: Record<ParameterRow['range']['source'], string> = {
  model: 'range from the model',
  documentation: 'range from its documentation',
  span: 'no range given: 0 to twice its value',
};

const STATISTIC_WORDS: Record<KpiStatistic, string> = {
  final: 'at the end of the run',
  mean: 'mean over the run',
  sum: 'sum over the run',
};

export interface SpecFormProps {
  readonly form: SensitivityForm;
  readonly variables: readonly ChartableVariable[];
  readonly running: boolean;
  readonly onChange: (form: SensitivityForm) => void;
  readonly onRun: () => void;
}

export function SpecForm({ form, variables, running, onChange, onRun }: SpecFormProps) {
  const id = useId();
  const setRow = (index: number, change: Partial<ParameterRow>) =>
    onChange({
      ...form,
      parameters: form.parameters.map((row, at) => (at === index ? { ...row, ...change } : row)),
    });
  const chosen = form.parameters.filter((row) => row.chosen).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) onRun();
  };
  return (
    <form className="sensitivity-form" onSubmit={submit} aria-label="Sensitivity run">
      <fieldset className="sensitivity-parameters">
        <legend>
          Parameters to vary <span className="muted small">({chosen} chosen)</span>
        </legend>
        <div className="table-frame">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Vary</th>
                <th scope="col">Constant</th>
                <th scope="col">Distribution</th>
                <th scope="col">Values</th>
              </tr>
            </thead>
            <tbody>
              {form.parameters.map((row, index) => (
                <tr key={row.name} className={row.chosen ? 'chosen' : undefined}>
                  <ConstantChoiceCells
                    inputId={`${id}-vary-${index}`}
                    name={row.name}
                    value={row.value}
                    chosen={row.chosen}
                    note={SOURCE_WORDS[row.range.source]}
                    onChosen={(chosen) => setRow(index, { chosen })}
                  />
                  <td>
                    <select
                      aria-label={`Distribution of ${row.name}`}
                      value={row.type}
                      disabled={!row.chosen}
                      onChange={(event) => setRow(index, { type: event.target.value as DistributionType })}
                    >
                      {DISTRIBUTION_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {type}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="distribution-fields">
                    {DISTRIBUTION_FIELDS[row.type].map((field) => {
                      const key = `${row.type}.${field}`;
                      return (
                        <label key={key} className="distribution-field">
                          <span className="small">
                            {field}
                            {OPTIONAL_FIELDS.has(key) ? ' (cut)' : ''}
                          </span>
                          <input
                            type="text"
                            inputMode="decimal"
                            aria-label={`${row.name} ${field}`}
                            value={row.fields[key] ?? ''}
                            disabled={!row.chosen}
                            onChange={(event) =>
                              setRow(index, { fields: { ...row.fields, [key]: event.target.value } })
                            }
                          />
                        </label>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">
          Lognormal takes the mean and standard deviation of the value itself (as Stella’s LOGNORMAL). A
          normal is cut to its min and max when they are given. Constants not varied keep the model’s values;
          the what-if sliders are not applied.
        </p>
      </fieldset>
      <div className="sensitivity-settings">
        <label className="field">
          <span className="field-label">Sampling</span>
          <select
            value={form.sampling}
            onChange={(event) => onChange({ ...form, sampling: event.target.value as SamplingMethod })}
          >
            <option value="latin-hypercube">Latin hypercube</option>
            <option value="random">Random</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Runs</span>
          <input
            type="text"
            inputMode="numeric"
            value={form.runs}
            onChange={(event) => onChange({ ...form, runs: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">Seed</span>
          <input
            type="text"
            inputMode="numeric"
            value={form.seed}
            onChange={(event) => onChange({ ...form, seed: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">KPI</span>
          <select
            value={form.kpiVariable}
            onChange={(event) => onChange({ ...form, kpiVariable: event.target.value })}
          >
            {variables.map((variable) => (
              <option key={variable.id} value={variable.name}>
                {variable.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">KPI taken</span>
          <select
            value={form.kpiStatistic}
            onChange={(event) => onChange({ ...form, kpiStatistic: event.target.value as KpiStatistic })}
          >
            {KPI_STATISTICS.map((statistic) => (
              <option key={statistic} value={statistic}>
                {STATISTIC_WORDS[statistic]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="sensitivity-outputs">
        <legend>Fan charts of</legend>
        <VariablePicker
          variables={variables}
          shown={form.outputs}
          onAdd={(name) => onChange({ ...form, outputs: [...form.outputs, name] })}
          onRemove={(name) =>
            onChange({ ...form, outputs: form.outputs.filter((output) => output !== name) })
          }
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={running || chosen === 0}>
          Run {form.runs.trim() === '' ? '' : `${form.runs.trim()} runs`}
        </button>
      </div>
    </form>
  );
}
