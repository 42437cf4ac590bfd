/**
 * The contract of the Network instrument (organizational networks and their survey waves): each operation's zod input schema and output type. Merged into the one contract
 * (contract.ts); the renderer sees the types through it.
 *
 * Imports carry the text of the files (the renderer reads them with the File API), so the same operation works
 * in Electron and over HTTP; the backend parses and checks them and saves every wave of an import in one
 * transaction, or nothing.
 */
import { z } from 'zod';
import { DUPLICATE_RULES } from '../../../model/network/import';
import { NETWORK_EXPORT_FORMATS, NETWORK_IMPORT_FORMATS } from '../../../model/network/formats';
import { projectIdSchema } from '../../../model/schema/project';
import {
  networkIdSchema,
  networkNameSchema,
  networkWaveIdSchema,
  waveLabelSchema,
  type NetworkDocument,
  type NetworkId,
  type NetworkSummary,
} from '../../store/network-document';
import type { NetworkOperationName } from './network.operations';

const returns = <T>(): T => undefined as T;

/** Under the web host's 32 MB request limit, with room for the node table. */
export const NETWORK_FILE_MAX_CHARACTERS = 24_000_000;

/** A file the user chose: its name (for messages) and its text. */
export const networkFileSchema = z
  .object({
    fileName: z.string().trim().min(1).max(500),
    text: z
      .string()
      .max(NETWORK_FILE_MAX_CHARACTERS, 'The file is too large to import (over 24 million characters).'),
  })
  .strict();
export type NetworkFile = z.infer<typeof networkFileSchema>;

/** How a wave's files are read. */
const waveSource = {
  /** csv: an edge list; matrix: a survey adjacency matrix; graphml, gexf: a whole graph. */
  format: z.enum(NETWORK_IMPORT_FORMATS),
  /** The edge list, matrix, GraphML or GEXF file. */
  edges: networkFileSchema,
  /** The node table (csv and matrix only): id, then name, team, role, tenure, ... */
  nodes: networkFileSchema.optional(),
  /**
   * The wave's label. For a CSV edge list with a wave (or date) column: only that wave; without a label, every
   * wave of the file is imported, in the order they first appear.
   */
  wave: waveLabelSchema.optional(),
  /** What to do with two rows for the same tie (default: refuse the file, naming both rows). */
  mergeRule: z.enum(DUPLICATE_RULES).default('error'),
};

export interface NetworkExportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly text: string;
}

export const networkContract = {
  'network.list': {
    input: z.object({ projectId: projectIdSchema }).strict(),
    output: returns<readonly NetworkSummary[]>(),
  },
  'network.get': { input: z.object({ id: networkIdSchema }).strict(), output: returns<NetworkDocument>() },
  'network.import': {
    input: z
      .object({
        projectId: projectIdSchema,
        name: networkNameSchema,
        description: z.string().max(4000).optional(),
        /** Whether a tie goes from giver to receiver (csv, matrix); GraphML and GEXF files say it themselves. */
        directed: z.boolean().default(true),
        ...waveSource,
      })
      .strict(),
    output: returns<NetworkDocument>(),
  },
  'network.addWave': {
    input: z.object({ id: networkIdSchema, ...waveSource }).strict(),
    output: returns<NetworkDocument>(),
  },
  'network.rename': {
    input: z.object({ id: networkIdSchema, name: networkNameSchema }).strict(),
    output: returns<NetworkDocument>(),
  },
  'network.renameWave': {
    input: z.object({ id: networkWaveIdSchema, wave: waveLabelSchema }).strict(),
    output: returns<NetworkDocument>(),
  },
  'network.delete': {
    input: z.object({ id: networkIdSchema }).strict(),
    output: returns<{ readonly id: NetworkId }>(),
  },
  'network.deleteWave': {
    input: z.object({ id: networkWaveIdSchema }).strict(),
    output: returns<NetworkDocument>(),
  },
  'network.export': {
    input: z
      .object({
        id: networkIdSchema,
        /** The wave to export (default: the last). */
        waveId: networkWaveIdSchema.optional(),
        format: z.enum(NETWORK_EXPORT_FORMATS),
      })
      .strict(),
    output: returns<{ readonly files: readonly NetworkExportFile[] }>(),
  },
} as const satisfies Record<NetworkOperationName, { input: z.ZodType; output: unknown }>;

export type {
  NetworkDocument,
  NetworkId,
  NetworkRecord,
  NetworkSummary,
  NetworkWave,
  NetworkWaveId,
  WaveProvenance,
  WaveSummary,
} from '../../store/network-document';
export type { DuplicateRule } from '../../../model/network/import';
export type { NetworkExportFormat, NetworkImportFormat } from '../../../model/network/formats';
