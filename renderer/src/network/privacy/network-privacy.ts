import type { NetworkDocument, NetworkPrivacy } from '../../../../electron/api/contract';
import { nodeAttribute, type NetworkNode } from '../../../../model/network/graph';
import { MIN_GROUP_SIZE_DEFAULT } from '../../../../model/privacy';

/**
 * A network's people-data settings (issue 11). The backend fills `privacy` on every network it returns; should
 * a document arrive without it, the cautious reading holds: no consent to individual views, the default
 * minimum group size, and names treated as real (nothing claims they are pseudonyms).
 */
export function privacyOf(network: NetworkDocument): NetworkPrivacy {
  return (
    network.privacy ?? {
      pseudonymized: false,
      keyKept: false,
      individualConsent: false,
      minGroupSize: MIN_GROUP_SIZE_DEFAULT,
      note: '',
    }
  );
}

/** The sentence for a view whose per-person figures are hidden: why, and where to change it. */
export const NO_CONSENT_SENTENCE =
  'Per-person figures are hidden: this network is not marked as one whose participants agreed to individual views. The view speaks of roles, teams and patterns instead. If they did agree, tick “Participants agreed to individual views” on the People data tab.';

/**
 * A person's label on the graph without consent to individual views: their team, so the picture shows teams
 * and patterns without naming anyone (a pseudonym too would single a person out across views). Not their role:
 * a role is often one person's ("Care lead"). Nothing for a team smaller than the minimum group size, whose
 * label would point at one of a handful of people.
 */
export function anonymousLabel(
  node: NetworkNode,
  teamSizes: ReadonlyMap<string, number>,
  minGroupSize: number,
): string {
  const team = nodeAttribute(node, 'team')?.trim() ?? '';
  return team !== '' && (teamSizes.get(team) ?? 0) >= minGroupSize ? team : '';
}

/** How many people each team has (the `team` attribute), for the labels above. */
export function teamSizesOf(nodes: readonly NetworkNode[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const node of nodes) {
    const team = nodeAttribute(node, 'team')?.trim() ?? '';
    if (team !== '') sizes.set(team, (sizes.get(team) ?? 0) + 1);
  }
  return sizes;
}
