/**
 * The Graph tab: one wave drawn with fcose, sized and coloured by a figure, team or community, filtered,
 * searchable, with a person's ego network and numbers on click, a legend, the plain-words findings, and PNG and
 * SVG exports. Metrics run in their worker (a progress bar meanwhile); the layout in its own, so the graph
 * appears before the metrics of a large network are done.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkDocument, NetworkWave } from '../../../../electron/api/contract';
import { networkInsights, type NodeMetricName } from '../../../../model/network';
import { graphOfTies } from '../../../../model/network/formats';
import { downloadBlob, downloadText } from '../../dynamics/download';
import { InsightsPanel, findingsOf, type Finding } from '../insights/InsightsPanel';
import { teamPatterns } from '../insights/team-patterns';
import { useWaveMetrics } from '../metrics/use-wave-metrics';
import { consentedEncoding, consentedLabels, poolGroupsBelow } from '../privacy/consent-encoding';
import { privacyOf } from '../privacy/network-privacy';
import { GraphControls } from './GraphControls';
import { Legend } from './Legend';
import { NetworkCanvas, type CanvasHandle } from './NetworkCanvas';
import { PersonPanel } from './PersonPanel';
import {
  availableMetrics,
  finiteExtent,
  NODE_SIZE,
  NO_GROUP_COLOR,
  type ColorBy,
  type SizeBy,
} from './encoding';
import { NO_FILTER, visibleElements, type GraphFilter, type Visible } from './filters';
import { findPerson } from './search';
import { sceneToSvg } from './svg-export';
import { useThemeColors } from './theme-colors';
import { useNodeEncoding } from './use-node-encoding';
import { useWaveLayout } from './use-wave-layout';

const everything = (nodes: number, edges: number): Visible => ({
  nodes: new Uint8Array(nodes).fill(1),
  edges: new Uint8Array(edges).fill(1),
  nodeCount: nodes,
  edgeCount: edges,
});

/** What sizes and colours the nodes: kept by the page, so it holds when another wave is picked. */
export interface GraphEncoding {
  readonly sizeBy: SizeBy;
  readonly colorBy: ColorBy;
}

export const DEFAULT_ENCODING: GraphEncoding = { sizeBy: 'betweennessWeighted', colorBy: 'team' };

/**
 * One wave's graph. The page keys it by wave and version: a new wave starts with no person, finding or filter
 * chosen (they may not apply to it), and with the page's encoding.
 */
export function GraphTab({
  network,
  wave,
  encoding,
  onEncoding,
}: {
  readonly network: NetworkDocument;
  readonly wave: NetworkWave;
  readonly encoding: GraphEncoding;
  readonly onEncoding: (next: GraphEncoding) => void;
}) {
  const key = `${wave.id} ${wave.updatedAt}`;
  const graph = useMemo(() => graphOfTies({ ...wave, directed: network.directed }), [wave, network.directed]);
  /** Per-person views (names on the graph, search, the person panel, findings naming people) need consent. */
  const { individualConsent: individualViews, minGroupSize } = privacyOf(network);
  // Without consent (issue 11) the nodes carry their team (when not a small one), never a name or an id.
  const labels = useMemo(
    () => consentedLabels(graph, { individualConsent: individualViews, minGroupSize }),
    [graph, individualViews, minGroupSize],
  );
  const indexOfId = useMemo(() => new Map(graph.nodes.map((node, index) => [node.id, index])), [graph]);
  const { state, cancel, retry } = useWaveMetrics(key, graph);
  const metrics = state.status === 'ready' ? state.result.metrics : null;
  const theme = useThemeColors();
  const canvas = useRef<CanvasHandle>(null);
  const search = useRef<HTMLInputElement>(null);

  const { positions, layoutError } = useWaveLayout(key, graph);

  const metricNames = useMemo(() => (metrics === null ? [] : availableMetrics(metrics)), [metrics]);
  const hasTeams = metrics?.teams != null;
  const setSizeBy = (next: SizeBy) => onEncoding({ ...encoding, sizeBy: next });
  const setColorBy = (next: ColorBy) => onEncoding({ ...encoding, colorBy: next });
  const [filter, setFilter] = useState<GraphFilter>(NO_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const [finding, setFinding] = useState<Finding | null>(null);
  const [searchText, setSearchText] = useState('');
  const [searchProblem, setSearchProblem] = useState<string | null>(null);

  // Without consent, a person's size or colour may not show their own figures (a large node is a broker): every
  // node the same size, coloured by team or community only (small teams pooled), and no filter on a person's
  // figures.
  const encodable = individualViews ? metricNames : [];
  const effective = consentedEncoding(metrics, encoding, individualViews);
  const { sizeBy: effectiveSize, colorBy: effectiveColor } = effective;
  const { sizes, colors, widths, weightRange, legend } = useNodeEncoding(
    graph,
    metrics,
    effective,
    poolGroupsBelow({ individualConsent: individualViews, minGroupSize }),
  );
  const visible = useMemo(
    () =>
      metrics === null
        ? everything(graph.nodes.length, graph.edges.length)
        : visibleElements(graph, metrics, filter),
    [graph, metrics, filter],
  );
  const findings = useMemo(() => {
    if (state.status !== 'ready') return [];
    const nameOf = (id: string) => {
      const index = indexOfId.get(id);
      return index === undefined ? undefined : labels[index];
    };
    // Worded here rather than in the worker, as they depend on the network's people-data settings (issue 11):
    // without consent they speak of roles and patterns and name no one; team findings and patterns leave out
    // teams under the minimum group size, with the model's note saying so.
    const insights = networkInsights(graph, state.result.metrics, {
      individuals: individualViews,
      minimumGroupSize: minGroupSize,
    });
    return findingsOf(insights, teamPatterns(graph, state.result.metrics, minGroupSize), nameOf);
  }, [state, graph, labels, indexOfId, individualViews, minGroupSize]);
  const highlighted = useMemo(() => {
    const marked = new Set<number>();
    if (finding === null) return marked;
    for (const id of finding.nodes) {
      const index = indexOfId.get(id);
      if (index !== undefined) marked.add(index);
    }
    // A finding about a team and no one in particular shows the whole team.
    if (finding.nodes.length === 0 && metrics?.teams != null) {
      const teams = metrics.teams;
      const wanted = new Set(finding.teams.map((team) => teams.names.indexOf(team)));
      teams.index.forEach((team, index) => {
        if (wanted.has(team)) marked.add(index);
      });
    }
    return marked;
  }, [finding, indexOfId, metrics]);

  const choose = (node: number | null) => {
    setSelected(node);
    if (node !== null) canvas.current?.center(node);
  };

  // "/" focuses the search (unless typing somewhere), Escape clears the selection and the finding.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement && event.target.closest('input, select, textarea') !== null;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'Escape') {
        setSelected(null);
        setFinding(null);
        if (event.target === search.current) search.current?.blur();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const runSearch = (text: string) => {
    const found = findPerson(graph, labels, text);
    if (found === null) {
      setSearchProblem(text.trim() === '' ? null : `No person matches “${text.trim()}”.`);
      return;
    }
    setSearchProblem(null);
    setFinding(null);
    choose(found);
  };

  const fileStem = `${network.name} - ${wave.wave}`;
  const exportSvg = () => {
    if (positions === undefined) return;
    const shown: number[] = [];
    const position = new Map<number, number>();
    graph.nodes.forEach((_, index) => {
      if (visible.nodes[index] !== 1) return;
      position.set(index, shown.length);
      shown.push(index);
    });
    const svg = sceneToSvg({
      title: `${network.name}, wave ${wave.wave}`,
      directed: graph.directed,
      nodes: shown.map((index) => ({
        x: positions[index * 2] ?? 0,
        y: positions[index * 2 + 1] ?? 0,
        diameter: sizes[index] ?? NODE_SIZE.uniform,
        color: colors[index] ?? NO_GROUP_COLOR,
        label: labels[index] ?? '',
      })),
      edges: graph.edges.flatMap((edge, index) => {
        const source = position.get(edge.source);
        const target = position.get(edge.target);
        return visible.edges[index] === 1 && source !== undefined && target !== undefined
          ? [{ source, target, width: widths[index] ?? 1 }]
          : [];
      }),
      background: theme.surface,
      edgeColor: theme.muted,
      labelColor: theme.text,
      nodeBorderColor: theme.surface,
    });
    downloadText(`${fileStem}.svg`, 'image/svg+xml', svg);
  };
  // A large network's people arrive over several frames: its picture waits until they are all in.
  const [drawing, setDrawing] = useState(false);
  const exportPng = async () => {
    const blob = await canvas.current?.png(theme.surface);
    if (blob !== undefined) downloadBlob(`${fileStem}.png`, blob);
  };

  const metricExtent = (metric: NodeMetricName) =>
    metrics === null ? ([0, 0] as const) : finiteExtent(metrics.node[metric]);

  return (
    <div className="graph-tab">
      <div className="graph-toolbar" role="toolbar" aria-label="Graph">
        {individualViews ? (
          <label className="graph-search">
            <span className="visually-hidden">Find a person</span>
            <input
              ref={search}
              type="search"
              placeholder="Find a person ( / )"
              list="network-people"
              value={searchText}
              onChange={(event) => {
                setSearchText(event.target.value);
                // Picking a suggestion from the list selects the person at once.
                if (labels.includes(event.target.value)) runSearch(event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') runSearch(searchText);
              }}
            />
            <datalist id="network-people">
              {labels.map((label, index) => (
                <option key={graph.nodes[index]?.id ?? index} value={label} />
              ))}
            </datalist>
          </label>
        ) : (
          <span className="muted small" data-testid="no-person-search">
            Person search is off: participants have not agreed to individual views.
          </span>
        )}
        <button type="button" onClick={() => canvas.current?.fit()} disabled={positions === undefined}>
          Fit
        </button>
        <button
          type="button"
          onClick={() => void exportPng()}
          disabled={positions === undefined || drawing}
          title={drawing ? 'The graph is still being drawn' : undefined}
        >
          Export PNG
        </button>
        <button type="button" onClick={exportSvg} disabled={positions === undefined}>
          Export SVG
        </button>
        <span className="muted small" data-testid="graph-counts">
          {visible.nodeCount} of {graph.nodes.length} people, {visible.edgeCount} of {graph.edges.length} ties
          shown
        </span>
      </div>
      {searchProblem !== null ? (
        <p className="small error-text" role="status">
          {searchProblem}
        </p>
      ) : null}
      {state.status === 'computing' ? (
        <div className="metrics-progress" role="status">
          <span>Computing the figures… {Math.round(state.fraction * 100)}%</span>
          <progress value={state.fraction} max={1} aria-label="Metrics computed" />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.status === 'cancelled' || state.status === 'failed' ? (
        <div className={state.status === 'failed' ? 'banner error' : 'banner'} role="alert">
          <p>
            {state.status === 'failed'
              ? `The figures could not be computed: ${state.error}`
              : 'Computing the figures was cancelled; the graph shows without them.'}
          </p>
          <button type="button" onClick={retry}>
            Compute again
          </button>
        </div>
      ) : null}
      <div className="graph-body">
        <div className="graph-stage">
          {layoutError !== undefined ? (
            <div className="banner error" role="alert">
              <p>{layoutError}</p>
            </div>
          ) : positions === undefined ? (
            <p className="graph-placeholder muted" role="status">
              Laying out {graph.nodes.length} people…
            </p>
          ) : (
            <NetworkCanvas
              ref={canvas}
              graph={graph}
              positions={positions}
              labels={labels}
              sizes={sizes}
              colors={colors}
              widths={widths}
              visible={visible}
              selected={selected}
              highlighted={highlighted}
              theme={theme}
              onDrawingChange={setDrawing}
              onSelect={(node) => {
                setSelected(node);
                if (node !== null) setFinding(null);
              }}
            />
          )}
        </div>
        <aside className="graph-side">
          {selected !== null && !individualViews ? (
            <section className="person-panel" aria-label="Per-person views are off">
              <p className="small">
                Per-person figures are not shown for this network: its participants have not agreed to
                individual views. Team figures and the graph stay available.
              </p>
              <button type="button" onClick={() => setSelected(null)}>
                Close
              </button>
            </section>
          ) : null}
          {selected !== null && individualViews ? (
            <PersonPanel
              graph={graph}
              metrics={metrics}
              node={selected}
              labels={labels}
              shownMetrics={metricNames}
              onClose={() => setSelected(null)}
              onChoose={choose}
            />
          ) : null}
          {/* What the graph shows, beside it as in Gephi's appearance panel, so the graph starts under the
              toolbar instead of below the fold. */}
          <section className="graph-display" aria-label="What the graph shows">
            <GraphControls
              metrics={encodable}
              ready={metrics !== null}
              teams={metrics?.teams?.names ?? []}
              hasTeams={hasTeams}
              sizeBy={effectiveSize}
              colorBy={effectiveColor}
              filter={filter}
              weightRange={weightRange}
              metricExtent={metricExtent}
              onSizeBy={setSizeBy}
              onColorBy={setColorBy}
              onFilter={setFilter}
            />
          </section>
          <Legend {...legend} />
          {state.status === 'ready' ? (
            <InsightsPanel
              findings={findings}
              chosen={finding}
              onChoose={(next) => {
                setFinding(next);
                if (next !== null) setSelected(null);
              }}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
