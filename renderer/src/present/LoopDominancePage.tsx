import { useCallback, useMemo, useState } from 'react';
import type { ModelDocument } from '../../../model/sd';
import type { ProjectId, StoryPage } from '../../../electron/api/contract';
import { seriesColor } from '../dynamics/charts/series-colors';
import type { Overrides } from '../dynamics/engine/protocol';
import { dominance, OTHER_LOOPS_COLOR } from '../dynamics/loops/dominance';
import { DominanceChart } from '../dynamics/loops/DominanceChart';
import '../dynamics/loops/loops.css';
import { useLoopAnalysis } from '../dynamics/loops/use-loop-analysis';
import { useLiveModel } from './use-live-model';

type LoopsPage = Extract<StoryPage, { kind: 'loop-dominance' }>;

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The Loops analysis's dominance chart of a model at the page's starting scenario (Loops That Matter, computed
 * in the loops worker by the Dynamics view's own hook and drawn by its own chart), with a legend in large type.
 * Clicking a band singles its loop out (and charts its part of the model); the presenter's reset (R) clears that.
 */
export function LoopDominancePage({
  projectId,
  page,
  resetCount = 0,
  chartHeight,
}: {
  readonly projectId: ProjectId;
  readonly page: LoopsPage;
  readonly resetCount?: number;
  readonly chartHeight: number;
}) {
  const { model } = useLiveModel(projectId, page.modelId, page.scenarioId, undefined);
  if (model.status === 'loading') return <p className="muted">Loading the model…</p>;
  if (model.status === 'failed') return <p className="present-problem">{model.message}</p>;
  return (
    <div className="present-loops">
      <LiveDominance
        document={model.document}
        start={model.start}
        resetCount={resetCount}
        chartHeight={chartHeight}
      />
      <p className="present-source">
        {model.name}
        {model.scenarioName === undefined ? '' : ` · starting from “${model.scenarioName}”`}
      </p>
    </div>
  );
}

function LiveDominance({
  document,
  start,
  resetCount,
  chartHeight,
}: {
  readonly document: ModelDocument;
  readonly start: Overrides;
  readonly resetCount: number;
  readonly chartHeight: number;
}) {
  const { analysis, errors } = useLoopAnalysis(document, start);
  // The selection belongs to one reset, as a chart page's slider values do.
  const [chosen, setChosen] = useState<{ readonly reset: number; readonly keys: ReadonlySet<string> }>();
  const selected = chosen?.reset === resetCount ? chosen.keys : NOTHING;
  const select = useCallback(
    (key: string, add: boolean) =>
      setChosen((before) => {
        const previous = before?.reset === resetCount ? before.keys : NOTHING;
        const next = new Set(add ? previous : []);
        if (previous.has(key) && (add || previous.size === 1)) next.delete(key);
        else next.add(key);
        return { reset: resetCount, keys: next };
      }),
    [resetCount],
  );
  const chart = useMemo(
    () => (analysis === undefined ? undefined : dominance(analysis, selected)),
    [analysis, selected],
  );
  const colors = useMemo(
    () =>
      new Map(
        chart?.series.map((entry, index) => [
          entry.key,
          entry.loop === undefined ? OTHER_LOOPS_COLOR : seriesColor(index),
        ]),
      ),
    [chart],
  );
  const colorOf = useCallback((key: string) => colors.get(key) ?? OTHER_LOOPS_COLOR, [colors]);

  if (chart === undefined)
    return errors.length > 0 ? (
      <p className="present-problem">The loops cannot be analysed: {errors[0]?.message}</p>
    ) : (
      <p className="muted">Finding the feedback loops…</p>
    );
  if (chart.series.length === 0) return <p className="story-page-body">This model has no feedback loops.</p>;
  return (
    <div className="present-dominance">
      <div className="present-chart" data-testid="present-dominance">
        <DominanceChart
          dominance={chart}
          colorOf={colorOf}
          selected={selected}
          onSelect={select}
          timeUnits={document.simSpecs.timeUnits}
          height={chartHeight}
        />
      </div>
      <div>
        <h3 className="present-loop-legend-title">Relative loop score</h3>
        <ul className="present-loop-legend" aria-label="Loops on the chart">
          {chart.series.map((entry) => (
            <li key={entry.key} className={selected.has(entry.key) ? 'selected' : undefined}>
              <svg width="24" height="24" aria-hidden="true">
                <rect width="24" height="24" rx="4" fill={colorOf(entry.key)} />
              </svg>
              <span>{entry.label}</span>
              {entry.loop === undefined ? null : (
                <span className="present-loop-share">{(entry.loop.importance * 100).toFixed(0)}%</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <p className="present-caption">
        Each band is a loop’s share of the change in the model’s stocks: reinforcing loops above zero,
        balancing loops below. The percentage is its mean share over the run.
      </p>
    </div>
  );
}
