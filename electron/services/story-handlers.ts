/**
 * The handlers of stories (presentation mode, issue 9; operations in api/parts/story.operations.ts). The pages
 * name live views by id and are checked by the contract's schema; a page whose model or analysis was deleted
 * later is kept and shown as missing by the renderer, so deleting a model never breaks a story.
 */
import type { Handlers } from '../api/dispatch';
import type { StoryOperationName } from '../api/parts/story.operations';
import { createStoryRepository } from '../store/stories';
import type { ServiceContext } from './context';

export function storyHandlers(context: ServiceContext): Pick<Handlers, StoryOperationName> {
  const stories = createStoryRepository(context.workspace.db, () => new Date());
  return {
    'stories.list': ({ projectId }) => stories.list(projectId),
    'stories.get': ({ id }) => stories.get(id),
    'stories.create': ({ projectId, name, document }) => stories.create(projectId, name, document),
    'stories.update': ({ id, document }) => stories.update(id, document),
    'stories.rename': ({ id, name }) => stories.rename(id, name),
    'stories.delete': ({ id }) => {
      stories.delete(id);
      return { id };
    },
  };
}
