/**
 * The contract of stories (presentation mode, issue 9): each operation's zod input schema and output type.
 * Merged into the one contract (contract.ts).
 */
import { z } from 'zod';
import { projectIdSchema } from '../../../model/schema/project';
import {
  storyDocumentSchema,
  storyIdSchema,
  storyNameSchema,
  type StoryId,
  type StoryRecord,
  type StorySummary,
} from '../../store/story-document';
import type { StoryOperationName } from './story.operations';

const returns = <T>(): T => undefined as T;

export const storyContract = {
  'stories.list': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly StorySummary[]>(),
  },
  'stories.get': { input: z.object({ id: storyIdSchema }).strict(), output: returns<StoryRecord>() },
  'stories.create': {
    input: z
      .object({
        projectId: projectIdSchema,
        name: storyNameSchema,
        /** Default: no pages yet. */
        document: storyDocumentSchema.default({ pages: [] }),
      })
      .strict(),
    output: returns<StoryRecord>(),
  },
  'stories.update': {
    input: z.object({ id: storyIdSchema, document: storyDocumentSchema }).strict(),
    output: returns<StoryRecord>(),
  },
  'stories.rename': {
    input: z.object({ id: storyIdSchema, name: storyNameSchema }).strict(),
    output: returns<StoryRecord>(),
  },
  'stories.delete': {
    input: z.object({ id: storyIdSchema }).strict(),
    output: returns<{ readonly id: StoryId }>(),
  },
} as const satisfies Record<StoryOperationName, { input: z.ZodType; output: unknown }>;

export type {
  StoryDocument,
  StoryId,
  StoryPage,
  StoryPageKind,
  StoryRecord,
  StorySummary,
} from '../../store/story-document';
