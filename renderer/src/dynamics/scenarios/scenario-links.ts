/**
 * A scenario's links resolved against the figures the project's instruments offer now (DESIGN.md, "the
 * instruments feed each other"): each link sets its constant to `scale * figure + offset`, over the value the
 * scenario stores for it. A figure that is gone or has no value leaves the stored value and says why.
 */
import { canonicalName } from '../../../../model/sd';
import { linkedValue, type LinkableFigure } from '../../../../model/schema/figure';
import type { Scenario, ScenarioLink } from '../../../../electron/api/contract';
import type { Overrides } from '../engine/protocol';

export interface ResolvedOverrides {
  /** The overrides to run: the scenario's own, with linked constants set from their figures. */
  readonly overrides: Overrides;
  /** The constants a link set, with the figure it came from, for display. */
  readonly linked: readonly {
    readonly link: ScenarioLink;
    readonly figure: LinkableFigure;
    readonly value: number;
  }[];
  /** Links that could not be applied, as sentences. */
  readonly problems: readonly string[];
}

export const figureKey = (source: ScenarioLink['source']): string =>
  `${source.instrument}\u0000${source.documentId}\u0000${source.figure}`;

export function findFigure(
  link: ScenarioLink,
  figures: readonly LinkableFigure[],
): LinkableFigure | undefined {
  const key = figureKey(link.source);
  return figures.find((figure) => figureKey(figure) === key);
}

export function resolveScenario(
  scenario: Pick<Scenario, 'overrides' | 'links'>,
  figures: readonly LinkableFigure[],
): ResolvedOverrides {
  const linked: { link: ScenarioLink; figure: LinkableFigure; value: number }[] = [];
  const problems: string[] = [];
  for (const link of scenario.links) {
    const figure = findFigure(link, figures);
    if (figure === undefined || figure.value === null) {
      problems.push(
        figure === undefined
          ? `“${link.variable}” is linked to a figure that no longer exists (${link.source.instrument} ${link.source.figure}); it keeps the scenario's own value.`
          : `“${link.variable}” is linked to “${figure.label}” in “${figure.documentName}”, which has no value yet; it keeps the scenario's own value.`,
      );
      continue;
    }
    linked.push({ link, figure, value: linkedValue(figure.value, link) });
  }
  // A link overrides the stored value of the same constant, whatever its spelling.
  const linkedIds = new Set(linked.map((entry) => canonicalName(entry.link.variable)));
  const overrides: Record<string, number> = Object.fromEntries([
    ...Object.entries(scenario.overrides).filter(([name]) => !linkedIds.has(canonicalName(name))),
    ...linked.map((entry) => [entry.link.variable, entry.value] as const),
  ]);
  return { overrides, linked, problems };
}
