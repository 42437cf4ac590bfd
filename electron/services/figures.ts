/**
 * Figures other instruments offer to the Dynamics model (DESIGN.md, "the instruments feed each other"): a network's
 * reciprocity, a conjoint study's willingness to pay, a measured KPI. A scenario links a model constant to one of
 * them (model/schema/scenario.ts, `links`); the Dynamics view asks for the current values and runs with them, so
 * the scenario follows when the source document changes.
 *
 * Each instrument contributes a provider in a file of its own (network-figures.ts, conjoint-figures.ts, ...).
 */
import type { LinkableFigure } from '../../model/schema/figure';
import type { ProjectId } from '../../model/schema/project';
import type { ServiceContext } from './context';
import { conjointFigures } from './conjoint-figures';
import { measureFigures } from './measure-figures';
import { networkFigures } from './network-figures';

export type { LinkableFigure } from '../../model/schema/figure';

export type FigureProvider = (context: ServiceContext, projectId: ProjectId) => readonly LinkableFigure[];

const PROVIDERS: readonly FigureProvider[] = [networkFigures, conjointFigures, measureFigures];

/** Every figure the project's documents offer now. A provider that fails does not hide the others' figures. */
export function collectFigures(context: ServiceContext, projectId: ProjectId): LinkableFigure[] {
  context.workspace.projects.get(projectId);
  return PROVIDERS.flatMap((provide) => {
    try {
      return [...provide(context, projectId)];
    } catch {
      return [];
    }
  });
}
