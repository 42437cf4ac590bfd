/**
 * The example organization of sample-data/network: the committed files are what the seeded generator writes,
 * and the README's story shows in the metrics (a siloed team, a burnt-out broker who is relieved, more returned
 * and more cross-team ties after the programme, a new hire who finds colleagues).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  computeNetworkMetrics,
  importNetwork,
  type NetworkGraph,
  type NetworkMetrics,
} from '../../model/network';
import { graphFigures, teamSummaries } from '../../model/network/compare';
import {
  SAMPLE_NETWORK_DIR,
  SILOED_TEAM,
  generateSampleOrganization,
  sampleNetworkFiles,
} from './network-sample';

const organization = generateSampleOrganization();
const read = (file: string) => readFileSync(join(SAMPLE_NETWORK_DIR, file), 'utf8');
const table = (file: string) => ({
  fileName: file,
  records: Papa.parse<string[]>(read(file), { header: false }).data,
});

function wave(name: 'before' | 'after'): NetworkGraph {
  const result = importNetwork(table(`edges-${name}.csv`), table('nodes.csv'), { directed: true });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.graph;
}

const top = (metrics: NetworkMetrics, values: Float64Array): string =>
  metrics.ids[values.indexOf(Math.max(...values))] ?? '';

describe('the example organization', () => {
  it('the committed files are exactly what the seeded generator writes', () => {
    for (const [file, text] of Object.entries(sampleNetworkFiles(organization)))
      expect(read(file), file).toBe(text);
  });

  it('has about 100 people in 6 teams, each with a name, team, role and tenure', () => {
    const graph = wave('before');
    expect(graph.nodes).toHaveLength(100);
    expect(new Set(graph.nodes.map((node) => node.attributes['team'])).size).toBe(6);
    for (const node of graph.nodes)
      expect(Object.keys(node.attributes)).toEqual(['name', 'team', 'role', 'tenure']);
  });

  it('tells its story in the metrics', async () => {
    const before = wave('before');
    const after = wave('after');
    const metricsBefore = await computeNetworkMetrics(before);
    const metricsAfter = await computeNetworkMetrics(after);
    const broker = before.nodes.findIndex((node) => node.id === organization.broker);

    // The burnt-out broker: most of the support paths and the most support asked of anyone, before ...
    expect(top(metricsBefore, metricsBefore.node.betweennessWeighted)).toBe(organization.broker);
    expect(top(metricsBefore, metricsBefore.node.inStrength)).toBe(organization.broker);
    expect(metricsBefore.node.betweennessWeighted[broker]).toBeGreaterThan(0.5);
    // ... relieved after: under a fifth of her betweenness, and no longer the one everyone leans on.
    expect(metricsAfter.node.betweennessWeighted[broker]).toBeLessThan(
      (metricsBefore.node.betweennessWeighted[broker] ?? 0) / 5,
    );
    expect(metricsAfter.node.inStrength[broker]).toBeLessThan(
      (metricsBefore.node.inStrength[broker] ?? 0) / 3,
    );
    expect(top(metricsAfter, metricsAfter.node.inStrength)).not.toBe(organization.broker);

    // The siloed team: the smallest share of its ties reaching outside, in both waves.
    for (const [graph, metrics] of [
      [before, metricsBefore],
      [after, metricsAfter],
    ] as const) {
      const teams = [...teamSummaries(graph, metrics).teams].sort((a, b) => a.outsideShare - b.outsideShare);
      expect(teams[0]?.team).toBe(SILOED_TEAM);
    }

    // The programme: more ties returned, more ties across teams, fewer one-way ties.
    const figuresBefore = graphFigures(before);
    const figuresAfter = graphFigures(after);
    expect(figuresAfter.reciprocity - figuresBefore.reciprocity).toBeGreaterThan(0.2);
    expect(figuresAfter.crossTeamShare).toBeGreaterThan(figuresBefore.crossTeamShare * 1.4);
    expect(figuresAfter.oneWayShare).toBeLessThan(figuresBefore.oneWayShare);

    // The new hire has no recorded tie before, and colleagues after.
    expect(metricsBefore.graph.isolates).toEqual([organization.newHire]);
    expect(metricsAfter.graph.isolates).toEqual([]);
  });
});
