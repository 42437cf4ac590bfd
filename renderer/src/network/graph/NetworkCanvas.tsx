/**
 * The graph itself: a cytoscape canvas over precomputed positions (layout-client.ts), restyled in place when
 * the encoding, the filters or the selection change, never rebuilt. Sizes, colours and widths arrive as
 * arrays from encoding.ts and are written into each element's data in one batch.
 *
 * For large networks (over 500 people) the ties are drawn by a worker behind cytoscape (edge-layer.ts), one
 * pixel per CSS pixel, and names only when they would be at least 16 screen pixels tall (js.cytoscape.org,
 * "Performance"); cytoscape's WebGL renderer can be chosen instead (chooseRenderer).
 */
import cytoscape from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { NetworkGraph } from '../../../../model/network';
import type { Visible } from './filters';
import type { ThemeColors } from './theme-colors';
import type { EdgeScene } from './edge-layer-draw';
import { EdgeLayer } from './edge-layer';
import { fitView, peopleBounds } from './fit-view';
import { runInFrames, type ChunkLimits } from './in-frames';
import { webglSupport } from './webgl';

export const LARGE_NETWORK = 500;
/** People added per frame while a large network is built (sized by the time the last chunk took). */
const PEOPLE_CHUNKS: ChunkLimits = { first: 50, min: 25, max: 1000 };
/** Ties added per frame while a large network is built without the tie layer. */
const TIE_CHUNKS: ChunkLimits = { first: 2500, min: 500, max: 5000 };
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 4;
const FIT_PADDING = 24;
/** A person's outline (the stylesheet's node border-width). */
const NODE_BORDER = 1;

export interface CanvasHandle {
  /** The whole graph as a PNG. */
  png(background: string): Promise<Blob>;
  /** Centres the view on a person, zooming in enough to read the names around. */
  center(node: number): void;
  fit(): void;
}

export interface NetworkCanvasProps {
  readonly graph: NetworkGraph;
  readonly positions: Float64Array;
  readonly labels: readonly string[];
  readonly sizes: Float64Array;
  readonly colors: readonly string[];
  readonly widths: Float64Array;
  readonly visible: Visible;
  /** The selected person (their ego network stands out), or null. */
  readonly selected: number | null;
  /** People an insight is about (they stand out when nobody is selected). */
  readonly highlighted: ReadonlySet<number>;
  readonly theme: ThemeColors;
  readonly onSelect: (node: number | null) => void;
  /** Told when a large network's build starts and ends (its people arrive over several frames). */
  readonly onDrawingChange?: ((drawing: boolean) => void) | undefined;
}

/**
 * Which renderer draws a network of this many people: the canvas, with a large network's ties drawn by the
 * tie layer (edge-layer.ts), which is what was measured smooth on 2,000 people (`npm run bench -- "network
 * view"`). Cytoscape's WebGL renderer, which draws ties in a few milliseconds on a GPU but was 8-14 times
 * slower here on the CPU (SwiftShader), is used only when `localStorage['empathy.network.renderer']` is
 * 'webgl' and WebGL2 is there: it has not been measured on a GPU yet, so it is not the default anywhere.
 */
export function chooseRenderer(people: number): 'webgl' | 'canvas' {
  if (people <= LARGE_NETWORK) return 'canvas';
  let forced: string | null = null;
  try {
    forced = localStorage.getItem('empathy.network.renderer');
  } catch {
    // Storage refused (a sandboxed page): the canvas.
  }
  return forced === 'webgl' && webglSupport().webgl2 ? 'webgl' : 'canvas';
}

const NODE_FONT_SIZE = 10;
/** The smallest name, in screen pixels, drawn on a large network. */
const LARGE_MIN_FONT = 16;

/**
 * Writes the data fields whose values differ; true if any did. Cytoscape works an element's style out again
 * after any write, an equal one too: once a large network's people were all in, rewriting their unchanged sizes
 * (and toggling their unchanged filter class, setClass) made the next fit and draw work out all 2,000 styles
 * again, 0.3-0.4 s in one frame.
 */
function setChanged(element: cytoscape.SingularElementArgument, values: Record<string, unknown>): boolean {
  const changed = Object.entries(values).filter(([key, value]) => element.data(key) !== value);
  if (changed.length > 0) element.data(Object.fromEntries(changed));
  return changed.length > 0;
}

const isWebgl = (cy: cytoscape.Core | null) => cy?.container()?.getAttribute('data-renderer') === 'webgl';

/**
 * Gives `className` to the elements `wanted` picks and takes it from the others, touching only those whose class
 * changes: cytoscape works out the style again of every element a class is toggled on, changed or not (see
 * setChanged).
 */
function setClass(
  elements: cytoscape.NodeCollection | cytoscape.EdgeCollection,
  className: string,
  wanted: (element: cytoscape.SingularElementArgument) => boolean,
): void {
  elements
    .filter((element: cytoscape.SingularElementArgument) => element.hasClass(className) !== wanted(element))
    .toggleClass(className);
}

const count = (value: number) => value.toLocaleString('en-US');

const nodeId = (index: number) => `n${index}`;
const edgeId = (index: number) => `e${index}`;

/**
 * Above LARGE_NETWORK people, ties are haystack lines (cytoscape's cheapest edge: no arrowheads, no curve to
 * compute) and names have no outline; on 2,000 people and 13,000 ties that is what keeps a full redraw short.
 * The person panel still says who gives to whom.
 */
function stylesheet(
  theme: ThemeColors,
  directed: boolean,
  large: boolean,
  webgl: boolean,
): cytoscape.StylesheetJson {
  // A large network on the canvas has its ties drawn by the tie layer (edge-layer.ts); cytoscape paints only
  // the ego network's and the highlighted ones (and all of them for a PNG, or if the layer's worker fails).
  const layered = large && !webgl;
  // Cytoscape's WebGL renderer ignores min-zoomed-font-size and would print 2,000 specks of names: there, names
  // are on only for nodes marked `named`, which the graph marks when the zoom makes them 16 pixels tall.
  const named = webgl ? { label: 'data(label)' } : {};
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        'border-width': NODE_BORDER,
        'border-color': theme.surface,
        label: webgl ? '' : 'data(label)',
        color: theme.text,
        'font-size': NODE_FONT_SIZE,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': theme.surface,
        'text-outline-width': large ? 0 : 2,
        // Names show once they are 8 screen pixels tall; on a large network only from 16 (zoomed in on a
        // part of it), since a thousand names at once are unreadable and slow to draw.
        'min-zoomed-font-size': large ? LARGE_MIN_FONT : 8,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': theme.muted,
        opacity: 0.45,
        'curve-style': large ? 'haystack' : 'straight',
        'haystack-radius': 0,
        'target-arrow-shape': directed && !large ? 'triangle' : 'none',
        'target-arrow-color': theme.muted,
        'arrow-scale': 0.7,
      },
    },
    ...(layered
      ? [
          { selector: 'edge', style: { display: 'none' as const } },
          {
            selector: 'edge.ego, edge.shown, edge.drawn-by-cytoscape',
            style: { display: 'element' as const },
          },
        ]
      : []),
    { selector: 'node.named', style: named },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    {
      selector: 'edge.ego',
      style: { opacity: 0.9, 'line-color': theme.accent, 'target-arrow-color': theme.accent },
    },
    {
      selector: 'node.highlight',
      style: {
        ...named,
        'border-width': 3,
        'border-color': theme.focus,
        'min-zoomed-font-size': 0,
        'z-index': 10,
      },
    },
    {
      selector: 'node.chosen',
      style: {
        ...named,
        'border-width': 4,
        'border-color': theme.accent,
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    // After ego and shown: a filtered tie stays hidden whatever else it is.
    { selector: 'edge.filtered', style: { display: 'none' } },
  ];
}

/** The tie layer's opacity: as cytoscape's ties, and as its faded ones while a person or an insight stands out. */
const LAYER_ALPHA = 0.45;
const LAYER_FADED_ALPHA = 0.04;

export const NetworkCanvas = forwardRef<CanvasHandle, NetworkCanvasProps>(function NetworkCanvas(props, ref) {
  const { graph, positions, labels, sizes, colors, widths, visible, selected, highlighted, theme, onSelect } =
    props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const themeRef = useRef(theme);
  themeRef.current = theme;
  /** The theme the graph's stylesheet was made with. */
  const styledTheme = useRef<ThemeColors | null>(null);

  // The latest encoding, for elements added after the first render (large networks arrive in chunks).
  const encodingRef = useRef({ labels, sizes, colors, widths });
  encodingRef.current = { labels, sizes, colors, widths };
  /** Counts finished builds: the restyling effects run again once every element is in. */
  const [built, setBuilt] = useState(0);
  /** How far a large network's build is, for the page to say, or null when it is built. */
  const [drawing, setDrawing] = useState<{ done: number; total: number; what: string } | null>(null);
  const isDrawing = drawing !== null;
  const onDrawingChange = props.onDrawingChange;
  useEffect(() => onDrawingChange?.(isDrawing), [isDrawing, onDrawingChange]);
  /** The tie layer of a large network on the canvas, and what it draws now. */
  const layerRef = useRef<EdgeLayer | null>(null);
  const sceneRef = useRef<EdgeScene | null>(null);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  /** Every tie as cytoscape takes it; with the tie layer only some are added (addTies). */
  const edgeDefinitions = useRef<cytoscape.ElementDefinition[]>([]);
  /** Each person's ties, by index. */
  const incident = useMemo(() => {
    const lists: number[][] = graph.nodes.map(() => []);
    graph.edges.forEach((edge, index) => {
      lists[edge.source]?.push(index);
      if (edge.target !== edge.source) lists[edge.target]?.push(index);
    });
    return lists;
  }, [graph]);
  /** Adds the ties of these indices that cytoscape lacks, with today's width and filter; returns the added. */
  const addTies = (cy: cytoscape.Core, indices: Iterable<number>): cytoscape.CollectionReturnValue => {
    const missing: cytoscape.ElementDefinition[] = [];
    for (const index of indices) {
      const definition = edgeDefinitions.current[index];
      if (definition === undefined || cy.getElementById(edgeId(index)).nonempty()) continue;
      missing.push({
        ...definition,
        data: { ...definition.data, width: encodingRef.current.widths[index] ?? 1 },
        classes: visibleRef.current.edges[index] === 1 ? [] : ['filtered'],
      });
    }
    return cy.add(missing);
  };
  const updateLayer = (change: Partial<EdgeScene>) => {
    const scene = sceneRef.current;
    if (scene === null) return;
    sceneRef.current = { ...scene, ...change };
    layerRef.current?.update(sceneRef.current);
  };

  // Built once per graph and positions; everything else restyles it.
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const large = graph.nodes.length > LARGE_NETWORK;
    const webgl = chooseRenderer(graph.nodes.length) === 'webgl';
    const encoding = encodingRef.current;
    // With today's encoding and filter: a large network's people are added over several frames.
    const person = (index: number): cytoscape.ElementDefinition => ({
      group: 'nodes',
      data: {
        id: nodeId(index),
        index,
        size: encodingRef.current.sizes[index] ?? 18,
        color: encodingRef.current.colors[index] ?? '#999',
        label: encodingRef.current.labels[index] ?? '',
      },
      position: { x: positions[index * 2] ?? 0, y: positions[index * 2 + 1] ?? 0 },
      classes: visibleRef.current.nodes[index] === 1 ? [] : ['filtered'],
    });
    const edges: cytoscape.ElementDefinition[] = graph.edges.map((edge, index) => ({
      group: 'edges',
      data: {
        id: edgeId(index),
        index,
        source: nodeId(edge.source),
        target: nodeId(edge.target),
        width: encoding.widths[index] ?? 1,
      },
    }));
    const layered = large && !webgl;
    edgeDefinitions.current = edges;
    const start = performance.now();
    // A large network's ties arrive in chunks, one per frame, so the page keeps answering while they are
    // added (adding 13,000 ties at once held the page thread for seconds on a busy machine). With the tie
    // layer, cytoscape gets only the ties it paints (an ego network, highlighted ties), when they are needed.
    const cy = cytoscape({
      container: element,
      elements: large ? [] : [...graph.nodes.map((_, index) => person(index)), ...edges],
      layout: { name: 'preset', fit: true, padding: FIT_PADDING },
      style: stylesheet(themeRef.current, graph.directed, large, webgl),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      autoungrabify: true,
      boxSelectionEnabled: false,
      hideEdgesOnViewport: large,
      // No texture while the viewport moves: cytoscape builds it afresh (nodes only, at twice the canvas size)
      // at the start of every gesture, and redrawing the people from their cached images each frame measured
      // quicker (2,000 people, pan and zoom p95 100-133 ms against 150-250 ms, longest 383-483 against 533-600).
      textureOnViewport: false,
      pixelRatio: large ? 1 : 'auto',
      motionBlur: false,
      // Cytoscape 3.x then gives every later graph on the page an unused fourth (WebGL2) canvas layer: it sets
      // the layer count on its renderer's prototype and never resets it. Harmless beyond one idle context.
      webgl,
    });
    performance.measure('network:construct', { start });
    element.setAttribute('data-renderer', webgl ? 'webgl' : 'canvas');
    if (webgl) {
      // Names at 16 screen pixels, as min-zoomed-font-size does on the canvas. The classes change only when the
      // zoom crosses that line, not on every frame of a pan or zoom.
      let shown: boolean | undefined;
      const name = () => {
        const show = cy.zoom() * NODE_FONT_SIZE >= LARGE_MIN_FONT;
        if (show === shown) return;
        shown = show;
        cy.batch(() => cy.nodes().toggleClass('named', show));
      };
      cy.on('zoom', name);
      name();
    }
    cy.on('tap', (event) => {
      const target = event.target as cytoscape.Core | cytoscape.NodeSingular;
      if (target === cy) onSelectRef.current(null);
      else if ('isNode' in target && target.isNode()) onSelectRef.current(Number(target.data('index')));
    });
    styledTheme.current = themeRef.current;
    cyRef.current = cy;
    if (layered) {
      const ends = new Int32Array(graph.edges.length * 2);
      graph.edges.forEach((edge, index) => {
        ends[index * 2] = edge.source;
        ends[index * 2 + 1] = edge.target;
      });
      sceneRef.current = {
        positions,
        edges: ends,
        widths: Float64Array.from(encoding.widths),
        visible: visibleRef.current.edges,
        color: themeRef.current.muted,
        alpha: LAYER_ALPHA,
      };
      layerRef.current = new EdgeLayer(
        element,
        cy,
        sceneRef.current,
        () => performance.measure('network:ties-drawn', { start }),
        () => {
          layerRef.current = null;
          addTies(cy, edges.keys());
          cy.edges().addClass('drawn-by-cytoscape');
        },
      );
    }
    // `npm run bench` reads how long the page thread took to build the graph and draw it whole.
    const finished = () => {
      setDrawing(null);
      performance.measure('network:build', { start });
      cy.one('render', () => performance.measure('network:first-draw', { start }));
      setBuilt((count) => count + 1);
    };
    let cancel: (() => void) | undefined;
    // Without the tie layer, a large network's ties follow its people, in chunks too.
    const addTiesInFrames = () => {
      cancel = runInFrames({
        total: edges.length,
        limits: TIE_CHUNKS,
        work: (from, to) => cy.add(edges.slice(from, to)),
        progress: (done) => setDrawing({ done, total: edges.length, what: 'ties' }),
        done: finished,
      });
    };
    // A large network's people arrive in chunks, each in a frame of its own after cytoscape is made (made,
    // filled and drawn in one frame, 2,000 people held the page for 0.7 s). Each chunk's style, name sizes and
    // bounds are worked out at once, which cytoscape would otherwise do for all of them at the fit and the first
    // draw; the view is framed beforehand from the positions, so the people appear where they stay.
    if (large) {
      const framing = peopleBounds(positions, Float64Array.from(encoding.sizes), NODE_BORDER);
      const view = framing && fitView(framing, cy.width(), cy.height(), FIT_PADDING, MIN_ZOOM, MAX_ZOOM);
      if (view !== null) cy.viewport(view);
      const total = graph.nodes.length;
      setDrawing({ done: 0, total, what: 'people' });
      cancel = runInFrames({
        total,
        limits: PEOPLE_CHUNKS,
        work: (from, to) => {
          const chunk: cytoscape.ElementDefinition[] = [];
          for (let index = from; index < to; index++) chunk.push(person(index));
          cy.add(chunk).boundingBox();
        },
        progress: (done) => setDrawing({ done, total, what: 'people' }),
        done: () => {
          cy.fit(undefined, FIT_PADDING);
          if (layered) finished();
          else addTiesInFrames();
        },
      });
    } else finished();
    return () => {
      cancel?.();
      setDrawing(null);
      edgeDefinitions.current = [];
      layerRef.current?.destroy();
      layerRef.current = null;
      sceneRef.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, [graph, positions]);

  // The theme at build time is in the constructor; this follows a switch between light and dark.
  useEffect(() => {
    if (styledTheme.current === theme) return;
    styledTheme.current = theme;
    const cy = cyRef.current;
    cy?.style(stylesheet(theme, graph.directed, graph.nodes.length > LARGE_NETWORK, isWebgl(cy)));
    updateLayer({ color: theme.muted });
  }, [theme, graph, positions]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    const start = performance.now();
    /** Restyles these people; returns those that changed. */
    const restyle = (nodes: cytoscape.NodeCollection) => {
      let changed = cy.collection();
      cy.batch(() => {
        changed = nodes.filter((node) => {
          const index = Number(node.data('index'));
          return setChanged(node, {
            size: sizes[index] ?? 18,
            color: colors[index] ?? '#999',
            label: labels[index] ?? '',
          });
        });
      });
      return changed;
    };
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        setChanged(edge, { width: widths[Number(edge.data('index'))] ?? 1 });
      });
    });
    updateLayer({ widths: Float64Array.from(widths) });
    const nodes = cy.nodes();
    if (nodes.length <= LARGE_NETWORK) {
      restyle(nodes);
      performance.measure('network:restyle', { start });
      return;
    }
    // A large network's people take their new sizes and colours (the figures are in) in chunks, as they were
    // added: all 2,000 at once held the page for 0.3 s, mostly working out their styles and drawing them afresh.
    return runInFrames({
      total: nodes.length,
      limits: PEOPLE_CHUNKS,
      work: (from, to) => restyle(nodes.slice(from, to)).boundingBox(),
      done: () => performance.measure('network:restyle', { start }),
    });
  }, [sizes, colors, labels, widths, graph, positions, built]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    cy.batch(() => {
      setClass(cy.nodes(), 'filtered', (node) => visible.nodes[Number(node.data('index'))] !== 1);
      setClass(cy.edges(), 'filtered', (edge) => visible.edges[Number(edge.data('index'))] !== 1);
    });
    updateLayer({ visible: visible.edges });
    // A filter changes what there is to see: frame it (the whole graph again when nothing is filtered).
    // By the class: not('.filtered') runs the selector over everyone, then looks each person up in what it found
    // (30 ms on 2,000 people).
    const shown = cy.nodes().filter((node) => !node.hasClass('filtered'));
    if (shown.nonempty()) cy.fit(shown, FIT_PADDING);
    // A handful of people would fill the frame with huge names: no closer than twice the normal size.
    if (cy.zoom() > 2) cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    container.current?.setAttribute('data-visible-nodes', String(visible.nodeCount));
    container.current?.setAttribute('data-visible-edges', String(visible.edgeCount));
  }, [visible, graph, positions, built]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    const layered = layerRef.current !== null;
    cy.batch(() => {
      // With the tie layer, cytoscape holds only the ties it paints: the last selection's go, this one's come.
      if (layered) {
        cy.edges().remove();
        if (selected !== null) addTies(cy, incident[selected] ?? []);
        else if (highlighted.size > 0)
          addTies(
            cy,
            graph.edges.flatMap((edge, index) =>
              highlighted.has(edge.source) && highlighted.has(edge.target) ? [index] : [],
            ),
          );
      }
      // Only from the elements that have them (removeClass restyles every element it is given).
      cy.elements('.faded, .ego, .chosen, .highlight, .shown').removeClass(
        'faded ego chosen highlight shown',
      );
      if (selected !== null) {
        const person = cy.getElementById(nodeId(selected));
        const ego = person.closedNeighborhood();
        cy.elements().not(ego).addClass('faded');
        ego.edges().addClass('ego');
        person.addClass('chosen');
      } else if (highlighted.size > 0) {
        const marked = cy.collection();
        for (const index of highlighted) marked.merge(cy.getElementById(nodeId(index)));
        const between = marked.edgesWith(marked);
        cy.elements().not(marked.union(between)).addClass('faded');
        marked.addClass('highlight');
        between.addClass('shown');
      }
    });
    updateLayer({ alpha: selected !== null || highlighted.size > 0 ? LAYER_FADED_ALPHA : LAYER_ALPHA });
    // For the tests: whether the tie layer draws the ties, and how many cytoscape holds and paints itself.
    container.current?.setAttribute('data-tie-layer', layered ? 'on' : 'off');
    container.current?.setAttribute('data-painted-ties', String(cy.edges().not('.filtered').length));
  }, [selected, highlighted, graph, positions, built, incident]);

  useImperativeHandle(
    ref,
    () => ({
      png: async (background) => {
        const cy = cyRef.current;
        if (cy === null) throw new Error('The graph is not drawn yet.');
        const large = graph.nodes.length > LARGE_NETWORK;
        // The tie layer is not part of cytoscape's picture: cytoscape paints every tie for the PNG.
        const layered = layerRef.current !== null;
        const added = layered ? addTies(cy, edgeDefinitions.current.keys()) : cy.collection();
        if (layered) cy.edges().addClass('drawn-by-cytoscape');
        try {
          return await cy.png({ output: 'blob-promise', full: true, scale: large ? 1 : 2, bg: background });
        } finally {
          if (layered) {
            cy.edges().removeClass('drawn-by-cytoscape');
            added.remove();
          }
        }
      },
      center: (node) => {
        const cy = cyRef.current;
        if (cy === null) return;
        const person = cy.getElementById(nodeId(node));
        cy.animate({ center: { eles: person }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
      },
      fit: () => cyRef.current?.fit(undefined, FIT_PADDING),
    }),
    [graph],
  );

  return (
    <>
      <div
        ref={container}
        className="network-canvas"
        data-testid="network-canvas"
        data-people={graph.nodes.length}
        data-drawn={drawing === null ? 'all' : 'some'}
        role="img"
        aria-label={`Network of ${graph.nodes.length} people and ${graph.edges.length} ties; use the search and the person panel to read it`}
      />
      {drawing === null ? null : (
        <p className="network-drawing muted small" role="status">
          Drawing {count(drawing.done)} of {count(drawing.total)} {drawing.what}…
        </p>
      )}
    </>
  );
});
