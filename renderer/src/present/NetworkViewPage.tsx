import { useEffect, useMemo, useState } from 'react';
import type { NetworkDocument, NetworkWave, StoryPage } from '../../../electron/api/contract';
import type { NodeMetricName } from '../../../model/network';
import { graphOfTies } from '../../../model/network/formats';
import { call } from '../api';
import { Legend } from '../network/graph/Legend';
import { NetworkCanvas } from '../network/graph/NetworkCanvas';
import { NODE_SIZE, NO_GROUP_COLOR, type ColorBy } from '../network/graph/encoding';
import { sceneToSvg } from '../network/graph/svg-export';
import { useThemeColors, type ThemeColors } from '../network/graph/theme-colors';
import { useNodeEncoding } from '../network/graph/use-node-encoding';
import { useWaveLayout } from '../network/graph/use-wave-layout';
import { useWaveMetrics } from '../network/metrics/use-wave-metrics';
import '../network/network.css';
import { consentedEncoding, consentedLabels, poolGroupsBelow } from '../network/privacy/consent-encoding';
import { privacyOf } from '../network/privacy/network-privacy';

type NetworkPage = Extract<StoryPage, { kind: 'network-view' }>;

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly network: NetworkDocument; readonly wave: NetworkWave };

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const NOTHING: ReadonlySet<number> = new Set();
/** Size by brokerage, as the Graph tab's default encoding does (GraphTab.tsx, DEFAULT_ENCODING). */
const BROKERAGE: NodeMetricName = 'betweennessWeighted';
const ignore = (): void => undefined;

/**
 * A network's graph for one wave (the page's, else the latest), read-only, with its legend: the Network page's
 * own canvas, layout (same seed, so the same picture), metrics worker and legend. The network's people-data
 * settings (issue 11) hold as on the Graph tab: without consent to individual views every node is the same
 * size, coloured by team or community only, and labelled by a team of at least the minimum group size, never by
 * a name. A static page (the handout) shows the graph as an SVG picture.
 */
export function NetworkViewPage({
  page,
  interactive,
}: {
  readonly page: NetworkPage;
  readonly interactive: boolean;
}) {
  // The state names what it was loaded for: a page pointed at another network or wave shows "loading" until in.
  const { networkId, waveId } = page;
  const key = `${networkId} ${waveId ?? ''}`;
  const [answer, setAnswer] = useState<{ readonly key: string; readonly loaded: Loaded }>();
  const loaded: Loaded = answer?.key === key ? answer.loaded : { status: 'loading' };
  useEffect(() => {
    let live = true;
    const answered = `${networkId} ${waveId ?? ''}`;
    call('network.get', { id: networkId }).then(
      (network) => {
        if (!live) return;
        const wave =
          waveId === undefined
            ? network.waves.at(-1)
            : network.waves.find((candidate) => candidate.id === waveId);
        setAnswer({
          key: answered,
          loaded:
            wave === undefined
              ? {
                  status: 'failed',
                  message:
                    waveId === undefined
                      ? `“${network.name}” has no wave yet.`
                      : `The page's wave is no longer in “${network.name}”.`,
                }
              : { status: 'ready', network, wave },
        });
      },
      (error: unknown) => {
        if (live)
          setAnswer({
            key: answered,
            loaded: { status: 'failed', message: `The network could not be shown: ${reason(error)}` },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [networkId, waveId]);

  if (loaded.status === 'loading') return <p className="muted">Loading the network…</p>;
  if (loaded.status === 'failed') return <p className="present-problem">{loaded.message}</p>;
  return (
    <WaveGraph
      key={`${loaded.wave.id} ${loaded.wave.updatedAt}`}
      network={loaded.network}
      wave={loaded.wave}
      colorBy={page.colorBy}
      interactive={interactive}
    />
  );
}

/** Colours for the canvas: the presentation's black on white (white on black in the dark theme). */
function presentationColors(theme: ThemeColors): ThemeColors {
  return theme.dark
    ? { ...theme, background: '#000000', surface: '#000000', text: '#ffffff', muted: '#c8c8c8' }
    : { ...theme, background: '#ffffff', surface: '#ffffff', text: '#000000', muted: '#3a3a3a' };
}

function WaveGraph({
  network,
  wave,
  colorBy: wanted,
  interactive,
}: {
  readonly network: NetworkDocument;
  readonly wave: NetworkWave;
  readonly colorBy: ColorBy;
  readonly interactive: boolean;
}) {
  const key = `${wave.id} ${wave.updatedAt}`;
  const graph = useMemo(() => graphOfTies({ ...wave, directed: network.directed }), [wave, network.directed]);
  const { individualConsent: individualViews, minGroupSize } = privacyOf(network);
  const labels = useMemo(
    () => consentedLabels(graph, { individualConsent: individualViews, minGroupSize }),
    [graph, individualViews, minGroupSize],
  );
  const { state } = useWaveMetrics(key, graph);
  const metrics = state.status === 'ready' ? state.result.metrics : null;
  const theme = presentationColors(useThemeColors());

  const { positions, layoutError } = useWaveLayout(key, graph);

  // The page's colour when allowed, size by brokerage with consent, else the same for all (issue 11).
  const encoding = consentedEncoding(metrics, { colorBy: wanted, sizeBy: BROKERAGE }, individualViews);
  const { colorBy } = encoding;
  const { sizes, colors, widths, legend } = useNodeEncoding(
    graph,
    metrics,
    encoding,
    poolGroupsBelow({ individualConsent: individualViews, minGroupSize }),
  );
  const visible = useMemo(
    () => ({
      nodes: new Uint8Array(graph.nodes.length).fill(1),
      edges: new Uint8Array(graph.edges.length).fill(1),
      nodeCount: graph.nodes.length,
      edgeCount: graph.edges.length,
    }),
    [graph],
  );
  const picture = useMemo(() => {
    // Drawn once the figures that colour it are in (or known to be missing: the nodes are then grey).
    if (interactive || positions === undefined || state.status === 'computing') return undefined;
    // Paper is white whatever the screen's theme.
    const svg = sceneToSvg({
      title: `${network.name}, wave ${wave.wave}`,
      directed: graph.directed,
      nodes: graph.nodes.map((_, index) => ({
        x: positions[index * 2] ?? 0,
        y: positions[index * 2 + 1] ?? 0,
        diameter: sizes[index] ?? NODE_SIZE.uniform,
        color: colors[index] ?? NO_GROUP_COLOR,
        label: labels[index] ?? '',
      })),
      edges: graph.edges.map((edge, index) => ({
        source: edge.source,
        target: edge.target,
        width: widths[index] ?? 1,
      })),
      background: '#ffffff',
      edgeColor: '#555555',
      labelColor: '#000000',
      nodeBorderColor: '#ffffff',
    });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [interactive, positions, state.status, network.name, wave.wave, graph, sizes, colors, labels, widths]);

  const summary = `${network.name} · wave ${wave.wave} · ${graph.nodes.length} people, ${graph.edges.length} ties`;

  return (
    <div className="present-network" data-consent={individualViews ? 'individual' : 'none'}>
      <div className="present-network-stage" data-testid="present-network">
        {layoutError !== undefined ? (
          <p className="present-problem">{layoutError}</p>
        ) : positions === undefined ? (
          <p className="muted">Laying out {graph.nodes.length} people…</p>
        ) : interactive ? (
          <NetworkCanvas
            graph={graph}
            positions={positions}
            labels={labels}
            sizes={sizes}
            colors={colors}
            widths={widths}
            visible={visible}
            selected={null}
            highlighted={NOTHING}
            theme={theme}
            onSelect={ignore}
          />
        ) : picture === undefined ? (
          <p className="muted">Computing the figures…</p>
        ) : (
          <img className="present-network-picture" src={picture} alt={`The support network: ${summary}`} />
        )}
      </div>
      <div className="present-network-side">
        <Legend {...legend} />
        {individualViews ? null : (
          <p className="present-privacy" data-testid="present-network-privacy">
            Participants have not agreed to individual views: no one is named and everyone is drawn the same
            size, coloured by {colorBy === 'team' ? 'team' : 'community'}.
          </p>
        )}
        <p className="present-source">{summary}</p>
      </div>
    </div>
  );
}
