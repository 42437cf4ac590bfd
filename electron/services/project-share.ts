/**
 * Export a project as one file and import it into another workspace (issue 9, point 3). The file's format is
 * project-share-format.ts. An import reads and checks the whole file before it writes anything, then writes
 * every entity through the store's own repositories (which check each record again) in one transaction: the
 * project arrives whole or not at all. Every entity gets a new id, and the references between them (a scenario's
 * model, a link's network, study or analysis, an SROI outcome's model) are rewritten to the new ids, so a file can
 * be imported next to the project it came from.
 *
 * A project name already in the workspace is a conflict the caller decides: `rename` imports under the first
 * free "Name (2)", `replace` backs the workspace up, then deletes the project of that name and imports in its
 * place (both in the one transaction, so a failed import leaves the old project where it was).
 */
import type { ModelId } from '../../model/schema/model';
import type { Project, ProjectId } from '../../model/schema/project';
import type { ScenarioLink } from '../../model/schema/scenario';
import type { SroiAnalysis } from '../../model/sroi';
import { APP_VERSION } from '../app-info';
import { OperationError } from '../api/result';
import { createAnalysisRepository } from '../store/analyses';
import { createConjointStudyRepository } from '../store/conjoint-studies';
import { createMeasureDatasetRepository } from '../store/measure-datasets';
import { createNetworkPrivacyRepository } from '../store/network-privacy';
import { firstFreeName, nameKey } from '../store/names';
import { createSroiAnalysisRepository } from '../store/sroi-analyses';
import { createStoryRepository } from '../store/stories';
import type { StoryPage } from '../store/story-document';
import type { ServiceContext } from './context';
import { checkXmile } from './models';
import { networkRepository } from './network-handlers';
import {
  PROJECT_FILE_EXTENSION,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  filePath,
  projectFileHeaderSchema,
  projectFileSchema,
  type ProjectExport,
  type ProjectFile,
  type ProjectFilePreview,
} from './project-share-format';

export type ConflictChoice = 'rename' | 'replace';

const repositories = (context: ServiceContext) => {
  const { db } = context.workspace;
  const now = () => new Date();
  return {
    networks: networkRepository(db),
    privacy: createNetworkPrivacyRepository(db, now),
    studies: createConjointStudyRepository(db, now),
    sroi: createSroiAnalysisRepository(db, now),
    analyses: createAnalysisRepository(db, now),
    stories: createStoryRepository(db, now),
    measure: createMeasureDatasetRepository(db, now),
  };
};

/** The whole project as the file holds it, read in one transaction so it is one consistent snapshot. */
function readProject(context: ServiceContext, id: ProjectId): ProjectFile {
  const { workspace } = context;
  const { networks, privacy, studies, sroi, analyses, stories, measure } = repositories(context);
  return workspace.db.transaction(() => {
    const project = workspace.projects.get(id);
    const models = workspace.models.list(id).map((summary) => workspace.models.get(summary.id));
    return {
      format: PROJECT_FILE_FORMAT,
      version: PROJECT_FILE_VERSION,
      appVersion: APP_VERSION,
      exportedAt: new Date().toISOString(),
      project,
      models,
      scenarios: models.flatMap((model) => workspace.scenarios.list(model.id)),
      networks: networks.list(id).map((summary) => {
        const network = networks.get(summary.id);
        const { keyKept: _key, secretKept: _secret, ...settings } = privacy.get(summary.id);
        // The settings travel, the key and the secret never do (project-share-format.ts).
        return { ...network, waves: [...network.waves], privacy: { ...settings, keyKept: false } };
      }),
      conjointStudies: studies.list(id).map((study) => studies.get(study.id)),
      sroiAnalyses: sroi.list(id).map((analysis) => sroi.get(analysis.id)),
      sensitivityRuns: models.flatMap((model) =>
        analyses.listSensitivity(model.id).map((run) => analyses.getSensitivity(run.id)),
      ),
      calibrations: models.flatMap((model) =>
        analyses.listCalibrations(model.id).map((calibration) => analyses.getCalibration(calibration.id)),
      ),
      stories: stories.list(id).map((story) => stories.get(story.id)),
      measureDatasets: measure.list(id).map((summary) => {
        const dataset = measure.get(summary.id);
        // The people-data settings travel, the key and the secret never do (project-share-format.ts).
        return {
          ...dataset,
          columns: [...dataset.columns],
          privacy: { ...dataset.privacy, keyKept: false, secretKept: false },
        };
      }),
    };
  })();
}

/** A file name a person recognises, safe on every file system. */
const exportFileName = (name: string): string =>
  `${name.replace(/[\\/:*?"<>|\r\n]+/g, '_').trim() || 'project'}${PROJECT_FILE_EXTENSION}`;

export function exportProject(context: ServiceContext, id: ProjectId): ProjectExport {
  const file = readProject(context, id);
  return { fileName: exportFileName(file.project.name), text: `${JSON.stringify(file, null, 1)}\n` };
}

/** Parses and checks a project file; every problem is invalid-input naming where it is in the file. */
export function readProjectFile(text: string): ProjectFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OperationError(
      'invalid-input',
      `The file is not a project file: it is not JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const header = projectFileHeaderSchema.safeParse(json);
  if (!header.success)
    throw new OperationError(
      'invalid-input',
      `The file is not a project file: it does not say "format": "${PROJECT_FILE_FORMAT}".`,
    );
  if (header.data.version !== PROJECT_FILE_VERSION)
    throw new OperationError(
      'invalid-input',
      header.data.version > PROJECT_FILE_VERSION
        ? `The file is a project file of version ${header.data.version}, written by a newer version of the app; this one reads version ${PROJECT_FILE_VERSION}. Update the app.`
        : `The file is a project file of version ${header.data.version}; this app reads version ${PROJECT_FILE_VERSION}.`,
    );
  const parsed = projectFileSchema.safeParse(json);
  if (parsed.success) {
    // Models go in as the app's own import takes them: read by the engine first (models.ts).
    parsed.data.models.forEach((model, index) => checkXmile(model.xmile, `models[${index}].xmile`));
    return parsed.data;
  }
  const issues = parsed.error.issues;
  const [first] = issues;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new OperationError(
    'invalid-input',
    `The project file is not valid: ${first === undefined ? 'unknown problem' : `${filePath(first.path) || 'the file'}: ${first.message.replace(/\.$/, '')}`}${more}.`,
  );
}

/** Workspace projects whose names clash with `name`. */
const clashing = (projects: readonly Project[], name: string): Project[] =>
  projects.filter((project) => nameKey(project.name) === nameKey(name));

export function previewProjectFile(context: ServiceContext, text: string): ProjectFilePreview {
  const file = readProjectFile(text);
  const projects = context.workspace.projects.list();
  return {
    name: file.project.name,
    conflicts: clashing(projects, file.project.name).map((project) => project.name),
    renameTo: firstFreeName(
      file.project.name,
      projects.map((project) => project.name),
    ),
    counts: {
      models: file.models.length,
      scenarios: file.scenarios.length,
      networks: file.networks.length,
      conjointStudies: file.conjointStudies.length,
      sroiAnalyses: file.sroiAnalyses.length,
      sensitivityRuns: file.sensitivityRuns.length,
      calibrations: file.calibrations.length,
      stories: file.stories.length,
      measureDatasets: file.measureDatasets?.length ?? 0,
    },
  };
}

/** Old id → new id of every document a link may name, filled in as they are written. */
type IdMap = Map<string, string>;

const relinked = (links: readonly ScenarioLink[], ids: IdMap): ScenarioLink[] =>
  links.map((link) => ({
    ...link,
    source: { ...link.source, documentId: ids.get(link.source.documentId) ?? link.source.documentId },
  }));

/** An SROI outcome names its model by name or id (model/sroi/analysis.ts): an id of the file becomes the new one. */
function relinkedAnalysis(document: SroiAnalysis, ids: IdMap): SroiAnalysis {
  return {
    ...document,
    outcomes: document.outcomes.map((outcome) =>
      outcome.quantityLink === undefined
        ? outcome
        : {
            ...outcome,
            quantityLink: {
              ...outcome.quantityLink,
              model: ids.get(outcome.quantityLink.model) ?? outcome.quantityLink.model,
            },
          },
    ),
  };
}

/** A story's pages name the imported documents: ids the file holds become the new ones. */
const relinkedPage = (page: StoryPage, ids: IdMap): StoryPage => {
  const renamed = <T extends string>(id: T): T => (ids.get(id) ?? id) as T;
  if (page.kind === 'sroi-headline') return { ...page, analysisId: renamed(page.analysisId) };
  if (page.kind === 'conjoint-simulator') return { ...page, studyId: renamed(page.studyId) };
  if (page.kind === 'network-view') {
    const { waveId, ...network } = page;
    const moved = { ...network, networkId: renamed(page.networkId) };
    return waveId === undefined ? moved : { ...moved, waveId: renamed(waveId) };
  }
  if (page.kind === 'text') return page;
  const { scenarioId, ...rest } = page;
  const moved = { ...rest, modelId: renamed(page.modelId) };
  return scenarioId === undefined ? moved : { ...moved, scenarioId: renamed(scenarioId) };
};

/** Writes the file's entities into `project`; runs inside the import's transaction. */
function writeEntities(context: ServiceContext, file: ProjectFile, project: Project): void {
  const { workspace } = context;
  const { networks, privacy, studies, sroi, analyses, stories, measure } = repositories(context);
  const ids: IdMap = new Map([[file.project.id, project.id]]);
  // Before the scenarios, whose links may name a data set's figures.
  for (const dataset of file.measureDatasets ?? []) {
    const { pseudonymized, idColumn, droppedColumns, individualConsent, minGroupSize, note } =
      dataset.privacy;
    const created = measure.create(
      {
        projectId: project.id,
        name: dataset.name,
        kind: dataset.kind,
        fileName: dataset.fileName,
        table: dataset.table,
        settings: dataset.settings,
        privacy: { pseudonymized, idColumn, droppedColumns, individualConsent, minGroupSize, note },
      },
      // No key: a pseudonymized data set arrives pseudonymized, with no way back to the real ids.
      null,
    );
    ids.set(dataset.id, created.id);
  }
  for (const network of file.networks) {
    const created = networks.create({
      projectId: project.id,
      name: network.name,
      description: network.description,
      directed: network.directed,
      waves: network.waves.map(({ wave, weighted, people, ties, provenance }) => ({
        wave,
        weighted,
        people,
        ties,
        provenance,
      })),
    });
    if (network.privacy !== undefined) {
      const { pseudonymized, individualConsent, minGroupSize, note } = network.privacy;
      privacy.create(created.id, { pseudonymized, individualConsent, minGroupSize, note }, null);
    }
    ids.set(network.id, created.id);
    network.waves.forEach((wave, index) => {
      const createdWave = created.waves[index];
      if (createdWave !== undefined) ids.set(wave.id, createdWave.id);
    });
  }
  for (const study of file.conjointStudies) ids.set(study.id, studies.create(project.id, study.document).id);
  for (const model of file.models) {
    ids.set(
      model.id,
      workspace.models.create({ projectId: project.id, name: model.name, xmile: model.xmile }).id,
    );
  }
  for (const analysis of file.sroiAnalyses)
    ids.set(analysis.id, sroi.create(project.id, relinkedAnalysis(analysis.document, ids)).id);
  const modelOf = (id: string) => ids.get(id) as ModelId;
  for (const scenario of file.scenarios) {
    const created = workspace.scenarios.create(modelOf(scenario.modelId), {
      name: scenario.name,
      description: scenario.description,
      overrides: scenario.overrides,
      links: relinked(scenario.links, ids),
    });
    ids.set(scenario.id, created.id);
  }
  for (const { id: _id, projectId: _project, createdAt: _at, ...run } of file.sensitivityRuns)
    analyses.saveSensitivity({ ...run, modelId: modelOf(run.modelId) });
  for (const { id: _id, projectId: _project, createdAt: _at, ...calibration } of file.calibrations)
    analyses.saveCalibration({ ...calibration, modelId: modelOf(calibration.modelId) });
  for (const story of file.stories)
    stories.create(project.id, story.name, {
      pages: story.document.pages.map((page) => relinkedPage(page, ids)),
    });
}

export function importProject(
  context: ServiceContext,
  input: { readonly text: string; readonly onConflict?: ConflictChoice | undefined },
): Project {
  const { workspace } = context;
  const file = readProjectFile(input.text);
  const name = file.project.name;
  const conflicts = clashing(workspace.projects.list(), name);
  if (conflicts.length > 0 && input.onConflict === undefined)
    throw new OperationError(
      'conflict',
      `The workspace already has a project named ${conflicts.map((project) => `"${project.name}"`).join(', ')}: import it under another name, replace it, or cancel.`,
    );
  // VACUUM INTO cannot run inside a transaction, so the copy is taken first; the replaced project is in it.
  if (conflicts.length > 0 && input.onConflict === 'replace') workspace.backup('before-import-replace');
  return workspace.db
    .transaction(() => {
      const existing = clashing(workspace.projects.list(), name);
      if (existing.length > 0 && input.onConflict === 'replace')
        for (const project of existing) workspace.projects.delete(project.id);
      const project = workspace.projects.create({
        name:
          existing.length > 0 && input.onConflict !== 'replace'
            ? firstFreeName(
                name,
                workspace.projects.list().map((other) => other.name),
              )
            : name,
        description: file.project.description,
      });
      writeEntities(context, file, project);
      return workspace.projects.get(project.id);
    })
    .immediate();
}
