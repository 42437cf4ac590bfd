/**
 * What a network page draws under the network's people-data settings (issue 11): the Graph tab's rules
 * (GraphTab.tsx) for a read-only picture. A person's own figure (a size or colour showing who brokers) and their
 * name appear only with consent to individual views; otherwise every node is the same size, coloured by team or
 * community, and labelled by a team of at least the minimum group size.
 */
import {
  nodeAttribute,
  type NetworkGraph,
  type NetworkMetrics,
  type NodeMetricName,
} from '../../../model/network';
import { availableMetrics, type ColorBy, type SizeBy } from '../network/graph/encoding';
import { anonymousLabel, teamSizesOf } from '../network/privacy/network-privacy';

/** Size by brokerage, as the Graph tab's default encoding does (GraphTab.tsx, DEFAULT_ENCODING). */
const BROKERAGE: NodeMetricName = 'betweennessWeighted';

export interface PagePrivacy {
  readonly individualConsent: boolean;
  readonly minGroupSize: number;
}

/**
 * The colouring and size a page shows: the page's colour when allowed (a metric needs consent and a value; a team
 * needs teams, else community), size by brokerage (betweenness by strength) with consent, else the same for all.
 */
export function networkPageEncoding(
  metrics: NetworkMetrics | null,
  wanted: ColorBy,
  individualConsent: boolean,
): { readonly colorBy: ColorBy; readonly sizeBy: SizeBy } {
  const encodable: readonly string[] =
    metrics === null || !individualConsent ? [] : availableMetrics(metrics);
  const hasTeams = metrics?.teams != null;
  const colorBy: ColorBy =
    wanted === 'team' && !hasTeams
      ? 'community'
      : wanted === 'team' || wanted === 'community' || encodable.includes(wanted)
        ? wanted
        : hasTeams
          ? 'team'
          : 'community';
  const sizeBy: SizeBy = encodable.includes(BROKERAGE) ? BROKERAGE : 'uniform';
  return { colorBy, sizeBy };
}

/** Each node's label: the person's name with consent, else their team when it is not a small one. */
export function networkPageLabels(graph: NetworkGraph, privacy: PagePrivacy): string[] {
  const teamSizes = teamSizesOf(graph.nodes);
  return graph.nodes.map((node) =>
    privacy.individualConsent
      ? nodeAttribute(node, 'name')?.trim() || node.id
      : anonymousLabel(node, teamSizes, privacy.minGroupSize),
  );
}
