/**
 * How the figures of a wave become the picture: node size and colour by a metric, a team or a community,
 * edge width by tie strength. Pure, so the view and the SVG writer share it and a test can check it.
 *
 * Sizes follow the square root of the metric (d3.scaleSqrt), so a node's area, which the eye compares, grows
 * with the figure. Metric colours use viridis (perceptually uniform and readable by people with colour-vision
 * deficiencies; van der Walt and Smith, 2015); team and community colours use the Okabe-Ito palette (Okabe and
 * Ito, "Color Universal Design", 2002), whose eight colours stay distinct for the common colour-vision
 * deficiencies. Beyond eight groups, colours repeat and the legend says so.
 */
import { extent, interpolateViridis, scaleLinear, scaleSequential, scaleSqrt } from 'd3';
import { NODE_METRIC_NAMES, type NetworkMetrics, type NodeMetricName } from '../../../../model/network';

/** Okabe-Ito, without its black (kept for text) and with the yellow darkened a little to read on white. */
export const GROUP_PALETTE = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#D55E00',
  '#0072B2',
  '#CC79A7',
  '#C9B400',
  '#7F7F7F',
] as const;
/** People without a team, and figures that do not apply. */
export const NO_GROUP_COLOR = '#B8BEC8';

export type ColorBy = 'team' | 'community' | NodeMetricName;
export type SizeBy = 'uniform' | NodeMetricName;

/** What each metric is called in the controls, legend and person panel. */
export const METRIC_LABELS: Readonly<Record<NodeMetricName, string>> = {
  inDegree: 'Support received from (people)',
  outDegree: 'Support given to (people)',
  inStrength: 'Support received (strength)',
  outStrength: 'Support given (strength)',
  degree: 'Ties (people)',
  strength: 'Ties (strength)',
  betweenness: 'Betweenness',
  betweennessWeighted: 'Betweenness (by strength)',
  closeness: 'Closeness',
  closenessWeighted: 'Closeness (by strength)',
  harmonic: 'Harmonic centrality',
  eigenvector: 'Eigenvector centrality',
  eigenvectorWeighted: 'Eigenvector (by strength)',
  pagerank: 'PageRank',
  pagerankWeighted: 'PageRank (by strength)',
  clustering: 'Clustering',
  reciprocity: 'Reciprocity',
  constraint: 'Constraint',
  constraintWeighted: 'Constraint (by strength)',
  effectiveSize: 'Effective size',
};

/** The metrics that have a value for at least one person (eigenvector has none on a directed graph). */
export function availableMetrics(metrics: NetworkMetrics): NodeMetricName[] {
  return NODE_METRIC_NAMES.filter((name) => metrics.node[name].some((value) => Number.isFinite(value)));
}

export function groupColor(group: number): string {
  if (group < 0) return NO_GROUP_COLOR;
  return GROUP_PALETTE[group % GROUP_PALETTE.length] as string;
}

/** The smallest and largest finite value, or [0, 0] when there is none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  const [low, high] = extent(Array.from(values).filter((value) => Number.isFinite(value)));
  return low === undefined || high === undefined ? [0, 0] : [low, high];
}

export const NODE_SIZE = { min: 10, max: 46, uniform: 18 } as const;
export const EDGE_WIDTH = { min: 0.6, max: 5 } as const;

/** Node diameters in pixels at zoom 1, one per person. */
export function nodeSizes(metrics: NetworkMetrics, by: SizeBy): Float64Array {
  const n = metrics.ids.length;
  if (by === 'uniform') return new Float64Array(n).fill(NODE_SIZE.uniform);
  const values = metrics.node[by];
  const [low, high] = finiteExtent(values);
  if (high === low) return new Float64Array(n).fill(NODE_SIZE.uniform);
  // Area proportional to (value - low): the smallest figure gets the smallest visible node, not nothing.
  const scale = scaleSqrt()
    .domain([0, high - low])
    .range([NODE_SIZE.min, NODE_SIZE.max])
    .clamp(true);
  return Float64Array.from(values, (value) => (Number.isFinite(value) ? scale(value - low) : NODE_SIZE.min));
}

/** Each group's members as an index per person (-1: none), and the groups' names. */
export interface Groups {
  readonly index: Int32Array;
  readonly names: readonly string[];
}

/**
 * The groups of `by`. With `poolBelow` (a graph shown without consent to individual views, issue 11), the
 * teams of fewer people than that share one colour and one legend entry, so a small team is not picked out.
 */
export function groupsOf(metrics: NetworkMetrics, by: 'team' | 'community', poolBelow?: number): Groups {
  if (by === 'team') {
    const teams = metrics.teams ?? { index: new Int32Array(metrics.ids.length).fill(-1), names: [] };
    return poolBelow === undefined ? teams : poolSmallGroups(teams, poolBelow);
  }
  const count = metrics.community.reduce((most, community) => Math.max(most, community + 1), 0);
  return {
    index: metrics.community,
    names: Array.from({ length: count }, (_, community) => `Community ${community + 1}`),
  };
}

/** The groups of fewer than `minimum` members merged into one, named last; the others keep their order. */
export function poolSmallGroups(groups: Groups, minimum: number): Groups {
  const sizes = new Array<number>(groups.names.length).fill(0);
  for (const group of groups.index) if (group >= 0) sizes[group] = (sizes[group] ?? 0) + 1;
  const small = sizes.map((size) => size < minimum);
  if (!small.some(Boolean)) return groups;
  const renumber: number[] = [];
  const names: string[] = [];
  groups.names.forEach((name, group) => {
    if (small[group]) return;
    renumber[group] = names.length;
    names.push(name);
  });
  const pooled = names.length;
  names.push(`Teams of fewer than ${minimum} people`);
  return {
    index: Int32Array.from(groups.index, (group) =>
      group < 0 ? -1 : small[group] ? pooled : (renumber[group] ?? -1),
    ),
    names,
  };
}

export function metricColorScale(values: ArrayLike<number>): (value: number) => string {
  const [low, high] = finiteExtent(values);
  const scale = scaleSequential(interpolateViridis).domain(high === low ? [low - 1, high + 1] : [low, high]);
  return (value) => (Number.isFinite(value) ? scale(value) : NO_GROUP_COLOR);
}

/** Node colours, one per person. */
export function nodeColors(metrics: NetworkMetrics, by: ColorBy, poolBelow?: number): string[] {
  if (by === 'team' || by === 'community') {
    const groups = groupsOf(metrics, by, poolBelow);
    return Array.from(groups.index, (group) => groupColor(group));
  }
  const color = metricColorScale(metrics.node[by]);
  return Array.from(metrics.node[by], (value) => color(value));
}

/** Edge widths in pixels at zoom 1, by tie strength (all the same when the ties have no strength). */
export function edgeWidths(weights: ArrayLike<number>): Float64Array {
  const [low, high] = finiteExtent(weights);
  if (high === low) return new Float64Array(weights.length).fill(1.2);
  const scale = scaleLinear().domain([low, high]).range([EDGE_WIDTH.min, EDGE_WIDTH.max]);
  return Float64Array.from(weights, (weight) => scale(weight));
}
