/**
 * The operation names of stories (presentation mode, issue 9). Part of OPERATIONS (operations.ts); kept free of
 * imports so the preload can bundle it. Each name here has an entry in story.contract.ts and a handler in
 * services/story-handlers.ts.
 */
export const STORY_OPERATIONS = [
  'stories.list',
  'stories.get',
  'stories.create',
  'stories.update',
  'stories.rename',
  'stories.delete',
] as const;

export type StoryOperationName = (typeof STORY_OPERATIONS)[number];
