/**
 * Picks a measured series for the Dynamics model (issue 10, point 4): a KPI or NPS data set of the project, the
 * KPI, a unit (or all units), the period, the date at the model's start, the scale and the model variable it is
 * compared with. Shared by the charts' overlay and the calibration's data source.
 */
import { useEffect, useId, useState } from 'react';
import { kpiDefinition } from '../../../../model/measure/kpi/series';
import type { ChartableVariable } from '../charts/chart-variables';
import { formatValue } from '../charts/number-format';
import { defaultChoice, scaleFor } from './default-choice';
import { ALL_UNITS, MEASURED_PERIODS, SCALE_PRESETS, type MeasuredChoice } from './measured-choice';
import type { useMeasuredSelection } from './use-measured-selection';

interface MeasuredSeriesPickerProps {
  readonly selection: ReturnType<typeof useMeasuredSelection>;
  readonly variables: readonly ChartableVariable[];
  readonly unitsOf: (name: string) => string | undefined;
  /** What the variable choice is called here ("Compare with", "Fit to"). */
  readonly variableLabel: string;
}

const KIND_LABELS = { kpi: 'KPI series', nps: 'NPS answers' } as const;

export function MeasuredSeriesPicker({
  selection,
  variables,
  unitsOf,
  variableLabel,
}: MeasuredSeriesPickerProps) {
  const id = useId();
  const { datasets, dataset, options, series, choice, setChoice, datasetId, pick, problem } = selection;
  const ready = options?.ok === true ? options.options : undefined;

  // A data set just picked (or one whose remembered choice no longer fits): start from its defaults.
  useEffect(() => {
    if (dataset === undefined || ready === undefined) return;
    if (choice?.datasetId === dataset.id && ready.kpis.has(choice.kpi)) return;
    setChoice(defaultChoice(dataset, ready, variables, unitsOf));
  }, [dataset, ready, choice, setChoice, variables, unitsOf]);

  const [otherScale, setOtherScale] = useState<string | undefined>(() =>
    choice === undefined || SCALE_PRESETS.some((preset) => preset.factor === choice.scale)
      ? undefined
      : String(choice.scale),
  );
  const update = (change: Partial<MeasuredChoice>) => {
    if (choice !== undefined) setChoice({ ...choice, ...change });
  };
  const current = choice?.datasetId === datasetId ? choice : undefined;
  const units = current === undefined ? [] : (ready?.kpis.get(current.kpi) ?? []);

  if (datasets !== undefined && datasets.length === 0)
    return (
      <p className="muted small">
        This project has no KPI series or NPS answers yet: import them in the Measure section, then come back.
      </p>
    );

  return (
    <div className="measured-picker">
      <div className="measured-fields">
        <label className="field">
          <span className="field-label">Measured data set</span>
          <select
            aria-label="Measured data set"
            value={datasetId ?? ''}
            onChange={(event) => pick(event.target.value || undefined)}
          >
            <option value="">{datasets === undefined ? 'Loading…' : '(none)'}</option>
            {(['kpi', 'nps'] as const).map((kind) => {
              const ofKind = datasets?.filter((entry) => entry.kind === kind) ?? [];
              return ofKind.length === 0 ? null : (
                <optgroup key={kind} label={KIND_LABELS[kind]}>
                  {ofKind.map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        {current === undefined || ready === undefined ? null : (
          <>
            {current.kind === 'kpi' ? (
              <label className="field">
                <span className="field-label">KPI</span>
                <select
                  aria-label="KPI"
                  value={current.kpi}
                  onChange={(event) => {
                    const kpi = event.target.value;
                    const kpiUnits = ready.kpis.get(kpi) ?? [];
                    update({
                      kpi,
                      unit: kpiUnits.includes(current.unit) ? current.unit : (kpiUnits[0] ?? ALL_UNITS),
                      scale: scaleFor(kpi, unitsOf(current.variable)),
                    });
                  }}
                >
                  {[...ready.kpis.keys()].map((kpi) => (
                    <option key={kpi} value={kpi}>
                      {kpiDefinition(kpi).label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="field">
              <span className="field-label">Unit</span>
              <select
                aria-label="Unit"
                value={current.unit}
                onChange={(event) => update({ unit: event.target.value })}
              >
                {units.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
                <option value={ALL_UNITS}>
                  {current.kind === 'nps' ? 'All units (answers pooled)' : 'All units (mean)'}
                </option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Period</span>
              <select
                aria-label="Period"
                value={current.period}
                onChange={(event) => update({ period: event.target.value as MeasuredChoice['period'] })}
              >
                {MEASURED_PERIODS.map((period) => (
                  <option key={period} value={period}>
                    {period}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Date at the model’s start</span>
              <input
                aria-label="Date at the model’s start"
                type="date"
                value={current.timeZero ?? ready.firstDate ?? ''}
                onChange={(event) =>
                  update({
                    timeZero:
                      event.target.value === '' || event.target.value === ready.firstDate
                        ? null
                        : event.target.value,
                  })
                }
              />
            </label>
            <label className="field">
              <span className="field-label">Scale</span>
              <select
                aria-label="Scale"
                value={otherScale === undefined ? String(current.scale) : 'other'}
                onChange={(event) => {
                  if (event.target.value === 'other') setOtherScale(String(current.scale));
                  else {
                    setOtherScale(undefined);
                    update({ scale: Number(event.target.value) });
                  }
                }}
              >
                {SCALE_PRESETS.map((preset) => (
                  <option key={preset.factor} value={String(preset.factor)}>
                    {preset.label}
                  </option>
                ))}
                <option value="other">other factor…</option>
              </select>
            </label>
            {otherScale === undefined ? null : (
              <label className="field">
                <span className="field-label">Scale factor</span>
                <input
                  aria-label="Scale factor"
                  type="text"
                  inputMode="decimal"
                  className="bound-input"
                  value={otherScale}
                  aria-invalid={!Number.isFinite(Number(otherScale)) || otherScale.trim() === ''}
                  onChange={(event) => {
                    setOtherScale(event.target.value);
                    const factor = Number(event.target.value);
                    if (event.target.value.trim() !== '' && Number.isFinite(factor))
                      update({ scale: factor });
                  }}
                />
              </label>
            )}
            <label className="field">
              <span className="field-label">{variableLabel}</span>
              <select
                aria-label={variableLabel}
                id={`${id}-variable`}
                value={current.variable}
                onChange={(event) => update({ variable: event.target.value })}
              >
                {variables.map((variable) => (
                  <option key={variable.id} value={variable.name}>
                    {variable.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {problem === undefined ? null : (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      {options?.ok === false || series?.ok === false ? (
        <div className="banner error" role="alert">
          <p>The measured data cannot be used:</p>
          <ul>
            {[
              ...(options?.ok === false ? options.problems : []),
              ...(series?.ok === false ? series.problems : []),
            ]
              .slice(0, 8)
              .map((line) => (
                <li key={line}>{line}</li>
              ))}
          </ul>
        </div>
      ) : null}
      {series?.ok === true && current !== undefined ? (
        <p className="muted small" role="status">
          {series.series.description}: {series.series.values.length} values in {series.series.units}, the
          model’s start = {series.series.timeZero}, from {formatValue(series.series.times[0] ?? 0)} to{' '}
          {formatValue(series.series.times.at(-1) ?? 0)} (each value in the middle of its period)
        </p>
      ) : null}
    </div>
  );
}
