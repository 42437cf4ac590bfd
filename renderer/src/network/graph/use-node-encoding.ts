import { useMemo, type ComponentProps } from 'react';
import type { NetworkGraph, NetworkMetrics } from '../../../../model/network';
import {
  edgeWidths,
  finiteExtent,
  groupsOf,
  nodeColors,
  nodeSizes,
  NODE_SIZE,
  NO_GROUP_COLOR,
} from './encoding';
import type { Legend } from './Legend';
import { LARGE_NETWORK } from './NetworkCanvas';
import type { NodeEncoding } from '../privacy/consent-encoding';

export interface DrawnEncoding {
  /** Diameter per person. */
  readonly sizes: Float64Array;
  /** Colour per person. */
  readonly colors: readonly string[];
  /** Width per tie, by its strength, and the range of the strengths. */
  readonly widths: Float64Array;
  readonly weightRange: [number, number];
  /** What the legend says of this drawing: groups when colouring by team or community, else the figure's range. */
  readonly legend: ComponentProps<typeof Legend>;
}

/**
 * A wave's sizes, colours, tie widths and legend for an encoding already allowed by the people-data settings
 * (consentedEncoding): until the figures are in, one size for all and grey. `poolBelow` pools small teams'
 * colours (poolGroupsBelow).
 */
export function useNodeEncoding(
  graph: NetworkGraph,
  metrics: NetworkMetrics | null,
  { colorBy, sizeBy }: NodeEncoding,
  poolBelow: number | undefined,
): DrawnEncoding {
  const sizes = useMemo(
    () =>
      metrics === null
        ? new Float64Array(graph.nodes.length).fill(NODE_SIZE.uniform)
        : nodeSizes(metrics, sizeBy),
    [metrics, sizeBy, graph],
  );
  const colors = useMemo(
    () =>
      metrics === null ? graph.nodes.map(() => NO_GROUP_COLOR) : nodeColors(metrics, colorBy, poolBelow),
    [metrics, colorBy, graph, poolBelow],
  );
  const weights = useMemo(() => Float64Array.from(graph.edges, (edge) => edge.weight), [graph]);
  const widths = useMemo(() => edgeWidths(weights), [weights]);
  const weightRange = useMemo(() => finiteExtent(weights), [weights]);
  const groups = useMemo(
    () =>
      metrics === null || (colorBy !== 'team' && colorBy !== 'community')
        ? null
        : groupsOf(metrics, colorBy, poolBelow),
    [metrics, colorBy, poolBelow],
  );
  const legend = useMemo(
    () => ({
      colorBy,
      sizeBy,
      groups,
      colorValues:
        metrics === null || colorBy === 'team' || colorBy === 'community' ? null : metrics.node[colorBy],
      sizeRange: metrics === null || sizeBy === 'uniform' ? null : finiteExtent(metrics.node[sizeBy]),
      weightRange,
      weighted: graph.weighted,
      directed: graph.directed,
      arrows: graph.nodes.length <= LARGE_NETWORK,
    }),
    [colorBy, sizeBy, groups, metrics, weightRange, graph],
  );
  return { sizes, colors, widths, weightRange, legend };
}
