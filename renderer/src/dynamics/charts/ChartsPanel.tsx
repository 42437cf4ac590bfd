import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { canonicalName } from '../../../../model/sd';
import { markPainted } from '../session/performance-marks';
import { measureDrawn } from './redraw-measure';
import { useDynamics } from '../session/dynamics-context';
import { groupAxisLabel, timeAxisLabel } from './chart-scales';
import { chartedVariables, groupByUnits, unitsOf } from './chart-variables';
import { KpiCards } from './KpiCards';
import { evaluateKpis, kpisFor, kpiVariables, seriesIn } from './kpis';
import { formatValue } from './number-format';
import { seriesColor } from './series-colors';
import { TimeSeriesChart, type ChartLine } from './TimeSeriesChart';
import { useChartableVariables } from './use-chartable-variables';
import { VariablePicker } from './VariablePicker';
import { MeasuredOverlay, useMeasuredOverlay } from '../measured/MeasuredOverlay';
import './charts.css';

const chosenKey = (modelId: string): string => `empathy-workbench.chart-variables.${modelId}`;

function readChosen(modelId: string): string[] | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(chosenKey(modelId)) ?? 'null');
    return Array.isArray(stored) && stored.every((name) => typeof name === 'string') ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The label of the baseline in legends and read-outs. */
export const BASELINE_LABEL = 'baseline';

/**
 * The what-if charts: the chosen variables over time, one chart per unit, the current run drawn over the
 * baseline (the model with no overrides, faded); and the KPI cards at the horizon against the baseline.
 */
export function ChartsPanel() {
  const { session, selected } = useDynamics();
  const { document, baseline, current, record, runErrors } = session;
  const variables = useChartableVariables(session.compile);
  const [chosen, setChosen] = useState<string[] | undefined>(() => readChosen(record.id));

  useEffect(() => {
    if (chosen === undefined) localStorage.removeItem(chosenKey(record.id));
    else localStorage.setItem(chosenKey(record.id), JSON.stringify(chosen));
  }, [chosen, record.id]);

  // The slider-to-redraw measure ends when the frame showing this run has been painted. A layout effect runs
  // right after the charts' DOM changed and before that frame is painted; a passive effect may run only after
  // the paint, and its requestAnimationFrame would then wait for one more frame than the redraw took.
  useLayoutEffect(() => {
    if (current === undefined) return;
    measureDrawn();
    markPainted();
  }, [current]);

  const definitions = useMemo(() => kpisFor(document), [document]);
  const measured = useMeasuredOverlay(record, document, variables);
  const { seriesFor: measuredSeriesFor, variable: measuredVariable } = measured;
  const shown = useMemo(
    () => chartedVariables(variables, chosen, selected, kpiVariables(definitions), measuredVariable),
    [variables, chosen, selected, definitions, measuredVariable],
  );
  const fixed = useMemo(() => {
    const selectedId = selected === undefined ? undefined : canonicalName(selected);
    const selectedName = shown.find((name) => canonicalName(name) === selectedId);
    const alsoChosen = chosen?.includes(selectedName ?? '') === true;
    const pinned = new Map(selectedName === undefined || alsoChosen ? [] : [[selectedName, 'selected']]);
    // The variable measured data are compared with stays charted while the data are shown.
    const measuredId = measuredVariable === undefined ? undefined : canonicalName(measuredVariable);
    const measuredName = shown.find((name) => canonicalName(name) === measuredId);
    if (measuredName !== undefined && !pinned.has(measuredName) && chosen?.includes(measuredName) !== true)
      pinned.set(measuredName, 'measured');
    return pinned;
  }, [shown, selected, chosen, measuredVariable]);
  const groups = useMemo(() => groupByUnits(shown, (name) => unitsOf(document, name)), [shown, document]);
  const kpis = useMemo(
    () => (current === undefined ? [] : evaluateKpis(definitions, current, baseline)),
    [definitions, current, baseline],
  );

  // The charts' lines change only with a run, so the render a slider's preview causes (before its run is back)
  // leaves the memoised charts alone.
  const charts = useMemo(
    () =>
      current === undefined
        ? []
        : groups.map((group) => {
            const lines: ChartLine[] = [];
            for (const name of group.names) {
              const color = seriesColor(shown.indexOf(name));
              const reference = baseline === undefined ? undefined : seriesIn(baseline, name);
              if (reference !== undefined && baseline !== undefined)
                lines.push({
                  key: `baseline:${name}`,
                  label: name,
                  color,
                  time: baseline.time,
                  values: reference,
                  role: 'reference',
                });
              const values = seriesIn(current, name);
              if (values !== undefined)
                lines.push({
                  key: `current:${name}`,
                  label: name,
                  color,
                  time: current.time,
                  values,
                  role: 'main',
                });
            }
            // The measured series sits on its variable's chart, in its colour, after the run's lines.
            for (const name of group.names) {
              const series = measuredSeriesFor(name, current.time);
              if (series !== undefined)
                lines.push({
                  key: `measured:${name}`,
                  label: series.label,
                  color: seriesColor(shown.indexOf(name)),
                  time: series.times,
                  values: series.values,
                  role: 'measured',
                });
            }
            const title = group.names.length === 1 ? (group.names[0] as string) : group.names.join(', ');
            return {
              key: group.names.join('|'),
              title,
              lines,
              yLabel: groupAxisLabel(group.names, group.units),
            };
          }),
    [groups, shown, current, baseline, measuredSeriesFor],
  );

  const timeUnits = document.simSpecs.timeUnits;
  const xLabel = timeAxisLabel(timeUnits);
  const horizonTime = current?.time[current.time.length - 1];
  const horizon =
    horizonTime === undefined
      ? 'the horizon'
      : `${(timeUnits ?? 'time').toLowerCase()} ${formatValue(horizonTime)}`;

  const base = chosen ?? shown.filter((name) => !fixed.has(name));
  const add = (name: string) => setChosen([...base.filter((existing) => existing !== name), name]);
  const remove = (name: string) => setChosen(base.filter((existing) => existing !== name));

  return (
    <section className="panel charts" aria-label="Charts">
      <div className="panel-heading">
        <h2 className="panel-title">Charts</h2>
        {chosen === undefined ? null : (
          <button type="button" className="link" onClick={() => setChosen(undefined)}>
            Default variables
          </button>
        )}
      </div>
      {runErrors.length > 0 ? (
        <div className="banner error" role="alert">
          <p>The run failed: {runErrors.map((error) => error.message).join(' ')}</p>
        </div>
      ) : null}
      <KpiCards kpis={kpis} horizon={horizon} against={BASELINE_LABEL} />
      <VariablePicker variables={variables} shown={shown} onAdd={add} onRemove={remove} fixed={fixed} />
      <MeasuredOverlay overlay={measured} variables={variables} document={document} />
      {current === undefined ? (
        <p className="muted small">
          {session.compile.status === 'failed' ? 'No run: the model does not compile.' : 'Running the model…'}
        </p>
      ) : (
        <div className="chart-grid">
          {charts.map((chart) => (
            <TimeSeriesChart
              key={chart.key}
              title={chart.title}
              lines={chart.lines}
              xLabel={xLabel}
              yLabel={chart.yLabel}
              referenceLabel={BASELINE_LABEL}
              fileName={`${record.name} - ${chart.title}`}
            />
          ))}
        </div>
      )}
    </section>
  );
}
