/**
 * The Loops analysis of the open model: its feedback loops under the current what-if, their polarity and
 * their dominance over time (Loops That Matter, computed in the loops worker), the chosen loops highlighted
 * on the stock-and-flow diagram and drawn as a causal loop diagram.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { seriesColor } from '../charts/series-colors';
import { useDynamics } from '../session/dynamics-context';
import { CausalLoopDiagram } from './CausalLoopDiagram';
import { dominance, loopKey, OTHER_LOOPS_COLOR } from './dominance';
import { DominanceChart } from './DominanceChart';
import { LoopList } from './LoopList';
import './loops.css';
import { useLoopAnalysis } from './use-loop-analysis';

type View = 'dominance' | 'diagram';

const NOTHING: ReadonlySet<string> = new Set();
/** Drawn in the causal loop diagram when no loop is selected. */
const DEFAULT_DIAGRAM_LOOPS = 1;

export function LoopsPanel() {
  const { session, highlight } = useDynamics();
  const { analysis, updating, errors } = useLoopAnalysis(session.document, session.overrides);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NOTHING);
  const [view, setView] = useState<View>('dominance');

  const select = useCallback((key: string, add: boolean) => {
    setSelected((previous) => {
      if (add) {
        const next = new Set(previous);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }
      return previous.size === 1 && previous.has(key) ? NOTHING : new Set([key]);
    });
  }, []);

  const loops = useMemo(() => analysis?.loops ?? [], [analysis]);
  const chosen = useMemo(() => loops.filter((loop) => selected.has(loopKey(loop))), [loops, selected]);

  // The chosen loops' variables are drawn highlighted on the diagram, until the panel closes.
  useEffect(() => {
    highlight(chosen.length === 0 ? NOTHING : new Set(chosen.flatMap((loop) => loop.variables)));
  }, [chosen, highlight]);
  useEffect(() => () => highlight(NOTHING), [highlight]);

  const chart = useMemo(
    () => (analysis === undefined ? undefined : dominance(analysis, selected)),
    [analysis, selected],
  );
  const colors = useMemo(() => {
    const map = new Map<string, string>();
    chart?.series.forEach((entry, index) =>
      map.set(entry.key, entry.loop === undefined ? OTHER_LOOPS_COLOR : seriesColor(index)),
    );
    return map;
  }, [chart]);
  const colorOf = useCallback((key: string) => colors.get(key) ?? OTHER_LOOPS_COLOR, [colors]);
  const listColor = useCallback((key: string) => colors.get(key), [colors]);

  if (analysis === undefined) {
    return errors.length > 0 ? (
      <p className="banner error" role="alert">
        The loops cannot be analysed: {errors[0]?.message}
      </p>
    ) : (
      <p className="muted" role="status">
        Finding the feedback loops…
      </p>
    );
  }

  const diagramLoops = chosen.length > 0 ? chosen : loops.slice(0, DEFAULT_DIAGRAM_LOOPS);
  return (
    <div className="loops-panel">
      <div className="loops-header">
        <p className="muted small loops-method">
          {analysis.methodNote} {updating ? <span role="status">Updating…</span> : null}
        </p>
        <div className="segmented" role="group" aria-label="Loops view">
          <button type="button" aria-pressed={view === 'dominance'} onClick={() => setView('dominance')}>
            Dominance
          </button>
          <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
            Causal loop diagram
          </button>
        </div>
      </div>
      {errors.length > 0 ? (
        <p className="banner error" role="alert">
          The loops could not be updated: {errors[0]?.message}
        </p>
      ) : null}
      {loops.length === 0 ? (
        <p className="muted">
          This model has no feedback loops: no variable affects itself through the others.
        </p>
      ) : (
        <div className="loops-body">
          <LoopList loops={loops} selected={selected} onSelect={select} colorOf={listColor} />
          <div className="loops-view">
            {view === 'dominance' && chart !== undefined ? (
              <>
                <DominanceChart
                  dominance={chart}
                  colorOf={colorOf}
                  selected={selected}
                  onSelect={select}
                  timeUnits={session.document.simSpecs.timeUnits}
                />
                <p className="muted small">
                  Each band is a loop’s share of the change in the model’s stocks over the dt ending at that
                  time: reinforcing loops above zero, balancing loops below.
                  {chart.elsewhere > 0
                    ? ` ${chart.elsewhere} loop${chart.elsewhere === 1 ? '' : 's'} in other parts of the model, not connected to these, are not charted.`
                    : ''}
                </p>
              </>
            ) : (
              <>
                <CausalLoopDiagram loops={diagramLoops} />
                {chosen.length === 0 ? (
                  <p className="muted small">
                    Showing the loop that matters most; select loops in the list to draw them.
                  </p>
                ) : null}
              </>
            )}
          </div>
        </div>
      )}
      <details className="loops-notes">
        <summary className="small">How these are computed</summary>
        <ul className="small muted">
          <li>
            Loops That Matter (Schoenberg, Davidsen &amp; Eberlein 2020, with the 2023 flow-to-stock link
            score): a loop’s score is the product of its link scores; its relative score, its share of the
            sum.
          </li>
          <li>{analysis.polarityNote}</li>
          {analysis.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
