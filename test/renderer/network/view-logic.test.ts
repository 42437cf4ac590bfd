/**
 * The pure parts of the Graph tab on hand-made graphs: what a filter hides, node sizes and colours, search,
 * and the silo pattern on the sample organization (sample-data/network/README.md: Finance, 3% of its ties
 * reaching another team before the programme).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  computeNetworkMetrics,
  importNetwork,
  type NetworkGraph,
  type NetworkMetrics,
} from '../../../model/network';
import {
  GROUP_PALETTE,
  NODE_SIZE,
  NO_GROUP_COLOR,
  availableMetrics,
  edgeWidths,
  groupsOf,
  nodeColors,
  nodeSizes,
} from '../../../renderer/src/network/graph/encoding';
import { NO_FILTER, visibleElements } from '../../../renderer/src/network/graph/filters';
import { findPerson } from '../../../renderer/src/network/graph/search';
import { findingsOf } from '../../../renderer/src/network/insights/InsightsPanel';
import { teamPatterns } from '../../../renderer/src/network/insights/team-patterns';
import { fourPeople } from './four-people';

/** a -> b (3), b -> a (1), b -> c (5), d alone; teams X (a, b), Y (c), none (d). */
const small = fourPeople;
const smallMetrics = await computeNetworkMetrics(small);

describe('visibleElements', () => {
  it('shows everything without a filter', () => {
    const visible = visibleElements(small, smallMetrics, NO_FILTER);
    expect([...visible.nodes]).toEqual([1, 1, 1, 1]);
    expect(visible.edgeCount).toBe(3);
  });

  it('keeps a team, and only the ties with both people shown', () => {
    const visible = visibleElements(small, smallMetrics, { ...NO_FILTER, teams: new Set(['X']) });
    expect([...visible.nodes]).toEqual([1, 1, 0, 0]);
    expect([...visible.edges]).toEqual([1, 1, 0]);
  });

  it('hides ties under the strength threshold but keeps their people', () => {
    const visible = visibleElements(small, smallMetrics, { ...NO_FILTER, minWeight: 3 });
    expect([...visible.edges]).toEqual([1, 0, 1]);
    expect(visible.nodeCount).toBe(4);
  });

  it('keeps people whose figure is in the range (out-degree 1 to 2: a and b)', () => {
    const visible = visibleElements(small, smallMetrics, {
      ...NO_FILTER,
      metricRange: { metric: 'outDegree', low: 1, high: 2 },
    });
    expect([...visible.nodes]).toEqual([1, 1, 0, 0]);
  });
});

describe('encoding', () => {
  it('sizes by the square root of the figure above the smallest (area follows the figure)', () => {
    // in-strength: a 1, b 3, c 5, d 0: range 0..5, so a = 10 + 36 * sqrt(1/5), c = 46, d = 10.
    const sizes = nodeSizes(smallMetrics, 'inStrength');
    expect(sizes[3]).toBe(NODE_SIZE.min);
    expect(sizes[2]).toBe(NODE_SIZE.max);
    expect(sizes[0]).toBeCloseTo(10 + 36 * Math.sqrt(1 / 5), 12);
    expect([...nodeSizes(smallMetrics, 'uniform')]).toEqual([18, 18, 18, 18]);
  });

  it('colours teams from the Okabe-Ito palette, and people without a team grey', () => {
    expect(nodeColors(smallMetrics, 'team')).toEqual([
      GROUP_PALETTE[0],
      GROUP_PALETTE[0],
      GROUP_PALETTE[1],
      NO_GROUP_COLOR,
    ]);
  });

  it('without consent, pools teams under the minimum size into one colour and one legend entry', () => {
    // X has 2 people, Y 1: with a minimum of 2 only Y is pooled; with 3 both are, in one shared group.
    expect(groupsOf(smallMetrics, 'team', 2).names).toEqual(['X', 'Teams of fewer than 2 people']);
    expect(nodeColors(smallMetrics, 'team', 2)).toEqual([
      GROUP_PALETTE[0],
      GROUP_PALETTE[0],
      GROUP_PALETTE[1],
      NO_GROUP_COLOR,
    ]);
    const pooled = groupsOf(smallMetrics, 'team', 3);
    expect(pooled.names).toEqual(['Teams of fewer than 3 people']);
    expect([...pooled.index]).toEqual([0, 0, 0, -1]);
    expect(groupsOf(smallMetrics, 'team', 1).names).toEqual(['X', 'Y']);
  });

  it('offers only the figures that apply (no eigenvector on a directed graph)', () => {
    const names = availableMetrics(smallMetrics);
    expect(names).toContain('betweennessWeighted');
    expect(names).not.toContain('eigenvector');
  });

  it('widths run linearly from the weakest to the strongest tie', () => {
    expect([...edgeWidths([3, 1, 5])]).toEqual([2.8, 0.6, 5]);
    expect([...edgeWidths([1, 1])]).toEqual([1.2, 1.2]);
  });
});

describe('findPerson', () => {
  const labels = ['Ana', 'Bo', 'Cy', 'Di'];
  it('finds by exact name or id first, then by part of either, in any case', () => {
    expect(findPerson(small, labels, 'bo')).toBe(1);
    expect(findPerson(small, labels, 'C')).toBe(2);
    expect(findPerson(small, labels, 'n')).toBe(0);
    expect(findPerson(small, labels, 'zz')).toBeNull();
    expect(findPerson(small, labels, '  ')).toBeNull();
  });
});

describe('findings on the sample organization', () => {
  const folder = resolve(import.meta.dirname, '../../../sample-data/network');
  const table = (file: string) => ({
    fileName: file,
    records: Papa.parse<string[]>(readFileSync(join(folder, file), 'utf8'), { header: false }).data,
  });
  const load = async (wave: string): Promise<{ graph: NetworkGraph; metrics: NetworkMetrics }> => {
    const result = importNetwork(table(`edges-${wave}.csv`), table('nodes.csv'), { directed: true });
    if (!result.ok) throw new Error('the sample does not import');
    return { graph: result.graph, metrics: await computeNetworkMetrics(result.graph) };
  };

  it('names Finance as the silo before the programme, with 3% of its ties outside', async () => {
    const { graph, metrics } = await load('before');
    const patterns = teamPatterns(graph, metrics);
    expect(patterns).toHaveLength(1);
    expect(patterns[0]?.team).toBe('Finance');
    expect(patterns[0]?.text).toContain('3% of its ties reach another team');
  });

  it('leaves teams under the minimum group size out of the comparison (Finance has 10 people)', async () => {
    const { graph, metrics } = await load('before');
    expect(teamPatterns(graph, metrics, 10).map((pattern) => pattern.team)).toEqual(['Finance']);
    expect(teamPatterns(graph, metrics, 11).map((pattern) => pattern.team)).not.toContain('Finance');
  });

  it('writes names where the model wrote ids, and no judgement of a person', async () => {
    const { graph, metrics } = await load('before');
    const { networkInsights } = await import('../../../model/network');
    const names = new Map(graph.nodes.map((node) => [node.id, node.attributes['name']]));
    const findings = findingsOf(networkInsights(graph, metrics), teamPatterns(graph, metrics), (id) =>
      names.get(id),
    );
    const broker = findings.find((finding) => finding.kind === 'broker');
    expect(broker?.text).toMatch(/^Maya Okafor connects/);
    expect(broker?.text).not.toMatch(/\bp001\b/);
    for (const finding of findings) expect(finding.text).not.toMatch(/empath|lazy|poor|bad|weak/i);
  });
});
