import type { Project } from '../../../electron/api/contract';
import { SECTIONS } from '../app/sections';
import { InstrumentView } from '../views/InstrumentView';

const section = SECTIONS.find((candidate) => candidate.id === 'sroi') ?? SECTIONS[0];

/** The SROI instrument for one project (placeholder until it is built). */
export function SroiView({
  project,
  onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  return <InstrumentView section={section} project={project} onChooseProject={onChooseProject} />;
}
