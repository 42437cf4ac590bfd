/**
 * What a drawing of a wave may show under the network's people-data settings (issue 11), for the Graph tab and
 * the Present section's network page alike. A person's own figure (a size or colour showing who brokers) and
 * their name appear only with consent to individual views; otherwise every node is the same size, coloured by
 * team or community, labelled by a team of at least the minimum group size, and small teams share one colour.
 */
import {
  nodeAttribute,
  type NetworkGraph,
  type NetworkMetrics,
  type NodeMetricName,
} from '../../../../model/network';
import { availableMetrics, type ColorBy, type SizeBy } from '../graph/encoding';
import { anonymousLabel, teamSizesOf } from './network-privacy';

export interface ConsentSettings {
  readonly individualConsent: boolean;
  readonly minGroupSize: number;
}

export interface NodeEncoding {
  readonly colorBy: ColorBy;
  readonly sizeBy: SizeBy;
}

/** The figures a person's size or colour may show: none without consent, nor before the figures are in. */
export function encodableMetrics(
  metrics: NetworkMetrics | null,
  individualConsent: boolean,
): NodeMetricName[] {
  return metrics === null || !individualConsent ? [] : availableMetrics(metrics);
}

/**
 * The encoding drawn for the one asked for: a figure's colour or size needs consent and a value (else one size
 * for all, and colour by team); a team colour needs teams (else community).
 */
export function consentedEncoding(
  metrics: NetworkMetrics | null,
  wanted: NodeEncoding,
  individualConsent: boolean,
): NodeEncoding {
  const encodable: readonly string[] = encodableMetrics(metrics, individualConsent);
  const hasTeams = metrics?.teams != null;
  const { colorBy, sizeBy } = wanted;
  return {
    colorBy:
      colorBy === 'team' && !hasTeams
        ? 'community'
        : colorBy === 'team' || colorBy === 'community' || encodable.includes(colorBy)
          ? colorBy
          : hasTeams
            ? 'team'
            : 'community',
    sizeBy: metrics !== null && (sizeBy === 'uniform' || encodable.includes(sizeBy)) ? sizeBy : 'uniform',
  };
}

/** Without consent, teams under the minimum group size share one colour (their own would single them out). */
export function poolGroupsBelow(settings: ConsentSettings): number | undefined {
  return settings.individualConsent ? undefined : settings.minGroupSize;
}

/** Each node's label: the person's name with consent, else their team when it is not a small one. */
export function consentedLabels(graph: NetworkGraph, settings: ConsentSettings): string[] {
  const teamSizes = teamSizesOf(graph.nodes);
  return graph.nodes.map((node) =>
    settings.individualConsent
      ? nodeAttribute(node, 'name')?.trim() || node.id
      : anonymousLabel(node, teamSizes, settings.minGroupSize),
  );
}
