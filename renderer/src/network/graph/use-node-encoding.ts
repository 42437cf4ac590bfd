import { useMemo } from 'react';
import type { NetworkGraph, NetworkMetrics } from '../../../../model/network';
import {
  edgeWidths,
  finiteExtent,
  groupsOf,
  nodeColors,
  nodeSizes,
  NODE_SIZE,
  NO_GROUP_COLOR,
  type Groups,
} from './encoding';
import type { NodeEncoding } from '../privacy/consent-encoding';

export interface DrawnEncoding {
  /** Diameter per person. */
  readonly sizes: Float64Array;
  /** Colour per person. */
  readonly colors: readonly string[];
  /** Tie strength per tie, and its width. */
  readonly weights: Float64Array;
  readonly widths: Float64Array;
  readonly weightRange: [number, number];
  /** The legend's groups when colouring by team or community, else null. */
  readonly groups: Groups | null;
}

/**
 * A wave's sizes, colours and tie widths for an encoding already allowed by the people-data settings
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
  return { sizes, colors, weights, widths, weightRange, groups };
}
