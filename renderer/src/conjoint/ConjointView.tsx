import type { Project } from '../../../electron/api/contract';
import { SECTIONS } from '../app/sections';
import { InstrumentView } from '../views/InstrumentView';

const section = SECTIONS.find((candidate) => candidate.id === 'conjoint') ?? SECTIONS[0];

/** The Conjoint instrument for one project (placeholder until it is built). */
export function ConjointView({
  project,
  onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  return <InstrumentView section={section} project={project} onChooseProject={onChooseProject} />;
}
