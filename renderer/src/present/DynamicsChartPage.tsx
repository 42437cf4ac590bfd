import { useCallback, useMemo, useState } from 'react';
import { canonicalName, seriesOf } from '../../../model/sd';
import type { ProjectId, StoryPage } from '../../../electron/api/contract';
import { displayUnits } from '../dynamics/charts/chart-variables';
import { seriesColor } from '../dynamics/charts/series-colors';
import { TimeSeriesChart, type ChartLine } from '../dynamics/charts/TimeSeriesChart';
import type { Overrides } from '../dynamics/engine/protocol';
import { ParameterSlider } from '../dynamics/whatif/ParameterSlider';
import { sliderRange } from '../dynamics/whatif/parameter-range';
import { useLiveModel } from './use-live-model';

type ChartPage = Extract<StoryPage, { kind: 'dynamics-chart' }>;

/** present.css's chart type size in a presentation (the handout keeps the charts' own). */
const PRESENTED_CHART_TEXT = 18;

/**
 * A live chart with only the page's levers as sliders (the Dynamics what-if's own chart and slider components).
 * `resetCount` is the presenter's reset (key R): every slider goes back to the page's starting scenario. A
 * static page (the handout) shows the starting scenario without sliders.
 */
export function DynamicsChartPage({
  projectId,
  page,
  resetCount = 0,
  interactive,
  chartHeight,
}: {
  readonly projectId: ProjectId;
  readonly page: ChartPage;
  readonly resetCount?: number;
  readonly interactive: boolean;
  readonly chartHeight: number;
}) {
  // The sliders' values belong to one reset: a new reset count drops them, back to the starting scenario.
  const [moved, setMoved] = useState<{ readonly reset: number; readonly overrides: Overrides }>();
  const overrides = moved?.reset === resetCount ? moved.overrides : undefined;
  const { model, run } = useLiveModel(projectId, page.modelId, page.scenarioId, overrides);

  const ready = model.status === 'ready' ? model : undefined;
  const current = overrides ?? ready?.start;
  const variables = useMemo(
    () =>
      new Map((ready?.document.variables ?? []).map((variable) => [canonicalName(variable.name), variable])),
    [ready],
  );
  const onChange = useCallback(
    (name: string, value: number | undefined) => {
      if (ready === undefined) return;
      setMoved((before) => {
        const base = (before?.reset === resetCount ? before.overrides : undefined) ?? ready.start;
        // A slider's own Reset (value undefined) goes back to where the page started: the scenario's value, or
        // the model's when the scenario leaves the constant alone.
        const next = value ?? ready.start[name];
        const rest = Object.fromEntries(Object.entries(base).filter(([key]) => key !== name));
        return { reset: resetCount, overrides: next === undefined ? rest : { ...rest, [name]: next } };
      });
    },
    [ready, resetCount],
  );

  if (model.status === 'loading') return <p className="muted">Loading the model…</p>;
  if (model.status === 'failed') return <p className="present-problem">{model.message}</p>;

  const lines: ChartLine[] = [];
  if (run !== undefined)
    page.variables.forEach((name, index) => {
      const values = seriesOf(run, name);
      if (values !== undefined)
        lines.push({
          key: name,
          label: name,
          color: seriesColor(index),
          time: run.time,
          values,
          role: 'main',
        });
    });
  const levers = page.levers.flatMap((name) => {
    const parameter = model.info.parameters.find((candidate) => candidate.id === canonicalName(name));
    return parameter === undefined ? [] : [parameter];
  });
  const timeUnits = model.document.simSpecs.timeUnits ?? 'time';
  return (
    <div className="present-dynamics">
      <div className="present-chart" data-testid="present-chart">
        <TimeSeriesChart
          title={page.title || page.variables.join(', ')}
          lines={lines}
          xLabel={timeUnits}
          yLabel={page.variables.length === 1 ? (page.variables[0] ?? '') : ''}
          fileName={page.title || model.name}
          height={chartHeight}
          legendFontSize={interactive ? PRESENTED_CHART_TEXT : undefined}
        />
        <p className="present-source">
          {model.name}
          {model.scenarioName === undefined ? '' : ` · starting from “${model.scenarioName}”`}
        </p>
      </div>
      {interactive && levers.length > 0 ? (
        <div className="present-levers">
          {levers.map((parameter) => {
            const value = current?.[parameter.name] ?? parameter.value;
            return (
              <ParameterSlider
                key={parameter.id}
                parameter={parameter}
                range={sliderRange(parameter.value, variables.get(parameter.id))}
                units={displayUnits(variables.get(parameter.id)?.units)}
                value={value}
                overridden={value !== (ready?.start[parameter.name] ?? parameter.value)}
                onChange={onChange}
              />
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
