/**
 * This network's figures as the Dynamics model sees them (links.figures, from electron/services/network-figures.ts):
 * the latest wave's first (a scenario bound to `latest.<figure>` follows each new wave), then each wave's.
 */
import type { LinkableFigure } from '../../../../electron/api/contract';

export const LATEST_PREFIX = 'latest.';

export function figuresOfNetwork(all: readonly LinkableFigure[], networkId: string): LinkableFigure[] {
  const own = all.filter((figure) => figure.instrument === 'network' && figure.documentId === networkId);
  const latest = own.filter((figure) => figure.figure.startsWith(LATEST_PREFIX));
  return [...latest, ...own.filter((figure) => !figure.figure.startsWith(LATEST_PREFIX))];
}

/** The figure offered first in the binding form: the latest reciprocity, else the latest of any. */
export function defaultFigure(figures: readonly LinkableFigure[]): LinkableFigure | undefined {
  return (
    figures.find((figure) => figure.figure === `${LATEST_PREFIX}reciprocity` && figure.value !== null) ??
    figures.find((figure) => figure.value !== null)
  );
}
