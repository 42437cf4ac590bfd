/**
 * The backend's handlers, one per operation of the contract. They are host-agnostic: Electron, the web host
 * and the tests construct them over an open workspace.
 */
import { APP_NAME, APP_VERSION } from '../app-info';
import type { Handlers } from '../api/dispatch';
import { analysisHandlers } from './analysis-handlers';
import { conjointHandlers } from './conjoint-handlers';
import type { ServiceContext } from './context';
import { collectFigures } from './figures';
import { importModel, saveModel } from './models';
import { measureHandlers } from './measure-handlers';
import { networkHandlers } from './network-handlers';
import { exportProject, importProject, previewProjectFile } from './project-share';
import { sroiHandlers } from './sroi-handlers';
import { storyHandlers } from './story-handlers';

export type { ServiceContext } from './context';

export function createHandlers(context: ServiceContext): Handlers {
  const { workspace, host } = context;
  const { projects } = workspace;
  return {
    ...networkHandlers(context),
    ...conjointHandlers(context),
    ...sroiHandlers(context),
    ...storyHandlers(context),
    ...measureHandlers(context),
    ...analysisHandlers(context),
    'app.info': () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host,
      dataDir: workspace.dataDir,
      workspacePath: workspace.path,
      schemaVersion: workspace.schemaVersion,
    }),
    'projects.list': () => projects.list(),
    'projects.get': ({ id }) => projects.get(id),
    'projects.create': ({ name, description }) => projects.create({ name, description }),
    'projects.rename': ({ id, name }) => projects.rename(id, name),
    'projects.delete': ({ id }) => {
      projects.delete(id);
      return { id };
    },
    'projects.export': ({ id }) => exportProject(context, id),
    'projects.previewImport': ({ text }) => previewProjectFile(context, text),
    'projects.import': (input) => importProject(context, input),
    'models.list': ({ projectId }) => workspace.models.list(projectId),
    'models.get': ({ id }) => workspace.models.get(id),
    'models.import': (input) => importModel(workspace, input),
    'models.save': (input) => saveModel(workspace, input),
    'models.rename': ({ id, name }) => workspace.models.rename(id, name),
    'models.delete': ({ id }) => {
      workspace.models.delete(id);
      return { id };
    },
    'scenarios.list': ({ modelId }) => workspace.scenarios.list(modelId),
    'scenarios.create': ({ modelId, ...input }) => workspace.scenarios.create(modelId, input),
    'scenarios.update': ({ id, ...change }) => workspace.scenarios.update(id, change),
    'scenarios.duplicate': ({ id, name }) => workspace.scenarios.duplicate(id, name),
    'scenarios.delete': ({ id }) => {
      workspace.scenarios.delete(id);
      return { id };
    },
    'links.figures': ({ projectId }) => collectFigures(context, projectId),
    'workspace.backup': () => workspace.backup('manual'),
    'workspace.backups': () => workspace.listBackups(),
  };
}
