import { useEffect, useMemo, useState } from 'react';
import type { ParameterInfo } from '../../../../model/sd';
import type { Scenario } from '../../../../electron/api/contract';
import type { Overrides } from '../engine/protocol';
import { groupAxisLabel, timeAxisLabel } from '../charts/chart-scales';
import { chartedVariables, unitsOf } from '../charts/chart-variables';
import { kpisFor, kpiVariables, seriesIn } from '../charts/kpis';
import { seriesColor } from '../charts/series-colors';
import { TimeSeriesChart, type ChartLine } from '../charts/TimeSeriesChart';
import { useChartableVariables } from '../charts/use-chartable-variables';
import { VariablePicker } from '../charts/VariablePicker';
import { useDynamics } from '../session/dynamics-context';
import { exportRuns } from './export-runs';
import { ComparisonTable } from './ComparisonTable';
import { kpiTable, type NamedRun } from './kpi-table';
import { fitOverrides } from './scenario-overrides';

type Outcome =
  | { readonly status: 'running' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly runs: readonly (NamedRun & { readonly scenario: Scenario })[] };

interface ScenarioComparisonProps {
  readonly scenarios: readonly Scenario[];
  readonly parameters: readonly ParameterInfo[];
  /** The overrides a scenario runs with (its own, with linked constants set from their figures). */
  readonly overridesOf: (scenario: Scenario) => Overrides;
}

/**
 * Two to six scenarios run in the worker and drawn on the same axes, one chart per variable, with the KPI table
 * of their differences against the status quo (or the first).
 */
export function ScenarioComparison({ scenarios, parameters, overridesOf }: ScenarioComparisonProps) {
  const { session } = useDynamics();
  const { engine, compile, document, record } = session;
  const variables = useChartableVariables(compile);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'running' });
  const [chosen, setChosen] = useState<string[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  // Rerun when the scenarios or their overrides change, or the model recompiles (a new `info`).
  const info = compile.status === 'ready' ? compile.info : undefined;
  const signature = JSON.stringify(scenarios.map((scenario) => [scenario.id, overridesOf(scenario)]));
  useEffect(() => {
    if (info === undefined) return;
    let cancelled = false;
    const fitted = scenarios.map((scenario) => fitOverrides(overridesOf(scenario), parameters).overrides);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the runs are the worker's answer to this request
    setOutcome({ status: 'running' });
    void engine.run(fitted.map((overrides) => ({ overrides }))).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setOutcome({ status: 'failed', message: result.errors.map((error) => error.message).join(' ') });
        return;
      }
      setOutcome({
        status: 'ready',
        runs: result.runs.map((run, index) => {
          const scenario = scenarios[index] as Scenario;
          return { name: scenario.name, run, scenario };
        }),
      });
    });
    return () => {
      cancelled = true;
    };
    // `signature` stands for `scenarios`: a new array with the same scenarios must not rerun.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, info, engine, parameters]);

  const definitions = useMemo(() => kpisFor(document), [document]);
  // The KPIs' variables first (what the table summarises), one chart each.
  const charted = useMemo(
    () => chartedVariables(variables, chosen, undefined, kpiVariables(definitions)),
    [variables, chosen, definitions],
  );
  const runs = useMemo(() => (outcome.status === 'ready' ? outcome.runs : []), [outcome]);
  const table = useMemo(() => kpiTable(definitions, runs), [definitions, runs]);
  const xLabel = timeAxisLabel(document.simSpecs.timeUnits);
  // One chart per variable, a line per scenario; memoised so a slider moving elsewhere does not redraw them.
  const charts = useMemo(
    () =>
      charted.map((name) => ({
        name,
        yLabel: groupAxisLabel([name], unitsOf(document, name)),
        lines: runs.flatMap((entry, index): ChartLine[] => {
          const values = seriesIn(entry.run, name);
          return values === undefined
            ? []
            : [
                {
                  key: entry.scenario.id,
                  label: entry.name,
                  color: seriesColor(index),
                  time: entry.run.time,
                  values,
                  role: 'main',
                },
              ];
        }),
      })),
    [charted, runs, document],
  );

  const exportComparison = (format: 'csv' | 'json') => {
    setProblem(undefined);
    exportRuns(
      {
        modelId: record.id,
        modelName: record.name,
        document,
        saved: session.save.status === 'saved',
        usesRandom: session.compile.status === 'ready' ? session.compile.info.usesRandom : undefined,
      },
      runs.map((entry) => ({ scenario: entry.name, overrides: overridesOf(entry.scenario), run: entry.run })),
      format,
    ).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };

  return (
    <section className="comparison" aria-label="Scenario comparison">
      <div className="panel-heading">
        <h3 className="comparison-title">
          Comparing {scenarios.map((scenario) => `“${scenario.name}”`).join(', ')}
        </h3>
        <span className="export-group" role="group" aria-label="Export the compared runs">
          <span className="muted small">Export runs</span>
          <button type="button" onClick={() => exportComparison('csv')} disabled={runs.length === 0}>
            CSV
          </button>
          <button type="button" onClick={() => exportComparison('json')} disabled={runs.length === 0}>
            JSON
          </button>
        </span>
      </div>
      {problem === undefined ? null : (
        <p className="form-error" role="alert">
          The export failed: {problem}
        </p>
      )}
      {outcome.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The comparison could not run: {outcome.message}</p>
        </div>
      ) : null}
      {outcome.status === 'running' ? <p className="muted small">Running the scenarios…</p> : null}
      {runs.length > 0 ? <ComparisonTable runs={runs} table={table} /> : null}
      <VariablePicker
        variables={variables}
        shown={charted}
        onAdd={(name) => setChosen([...charted.filter((existing) => existing !== name), name])}
        onRemove={(name) => setChosen(charted.filter((existing) => existing !== name))}
      />
      {runs.length > 0 ? (
        <div className="chart-grid">
          {charts.map((chart) => (
            <TimeSeriesChart
              key={chart.name}
              title={chart.name}
              lines={chart.lines}
              xLabel={xLabel}
              yLabel={chart.yLabel}
              fileName={`${record.name} - ${chart.name} - comparison`}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
