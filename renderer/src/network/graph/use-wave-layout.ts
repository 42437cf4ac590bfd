import { useEffect, useState } from 'react';
import type { NetworkGraph } from '../../../../model/network';
import { NODE_SIZE } from './encoding';
import { cachedPositions, layoutPositions } from './layout-client';

export interface WaveLayout {
  /** x, y per person; undefined while the layout worker runs. */
  readonly positions: Float64Array | undefined;
  readonly layoutError: string | undefined;
}

/**
 * A wave's positions, laid out in the layout worker with every node at the uniform size (so the picture does not
 * move when the size encoding changes) and kept per wave for the session: the Graph tab and a network page of a
 * story show the same picture of a wave. `key` names the wave and its version; the caller keys its component by
 * it, so a new wave starts over.
 */
export function useWaveLayout(key: string, graph: NetworkGraph): WaveLayout {
  const [positions, setPositions] = useState<Float64Array | undefined>(() => cachedPositions(key));
  const [layoutError, setLayoutError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    const edges = new Int32Array(graph.edges.length * 2);
    graph.edges.forEach((edge, index) => {
      edges[index * 2] = edge.source;
      edges[index * 2 + 1] = edge.target;
    });
    layoutPositions(key, {
      order: graph.nodes.length,
      edges,
      diameters: new Float64Array(graph.nodes.length).fill(NODE_SIZE.uniform),
    }).then(
      (found) => {
        if (live) setPositions(found);
      },
      (error: unknown) => {
        if (live) setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [key, graph]);
  return { positions, layoutError };
}
