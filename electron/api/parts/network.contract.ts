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
import type { PseudonymEntry } from '../../../model/privacy';
import {
  minGroupSizeSchema,
  networkIdSchema,
  networkNameSchema,
  networkWaveIdSchema,
  waveLabelSchema,
  type NetworkDocument,
  type NetworkId,
  type NetworkPrivacy,
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

/**
 * Issue 11, point 1: how an import treats the people's names. Optional at the API level (an older caller
 * imports as before), but the import dialog should show "Replace names with pseudonyms" ticked by default.
 */
const peopleDataOptions = {
  /**
   * Replace every person's id with a stable pseudonym (P-3FA9C21B0D: an HMAC-SHA256 of the id under a secret
   * kept for this network, so later waves give the same person the same pseudonym) and drop the identifying
   * columns (name, full name, first/last name, surname, e-mail, phone, employee number, however spelled).
   * Default false here; the UI defaults its checkbox to on for network and survey imports.
   */
  pseudonymize: z.boolean().default(false),
  /**
   * Keep the key (each real id and name with its pseudonym) in the workspace, to look people up later
   * (network.key). Default false: only the secret is kept, which maps no one back by itself. Ignored
   * without `pseudonymize`.
   */
  keepKey: z.boolean().default(false),
  /** The participants agreed to individual views (per-person metrics, insights naming people). Default false. */
  individualConsent: z.boolean().optional(),
  /** Team figures hide teams of fewer people than this. Default 5; never below 3. */
  minGroupSize: minGroupSizeSchema.optional(),
};

/** The key of a pseudonymized network: each real id (and name, when the files gave one) with its pseudonym. */
export interface NetworkKey {
  readonly networkId: NetworkId;
  readonly entries: readonly PseudonymEntry[];
}

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
        ...peopleDataOptions,
      })
      .strict(),
    output: returns<NetworkDocument>(),
  },
  /**
   * A wave is read as its network was: pseudonymized if the network is (its people get the pseudonyms they had,
   * and a kept key gains the newcomers), else with real names. A pseudonymized network whose key was deleted
   * cannot take a wave (its people could not be matched): import it as a new network instead.
   */
  'network.addWave': {
    input: z
      .object({
        id: networkIdSchema,
        ...waveSource,
        /** Optional: when given, it must agree with the network's `privacy.pseudonymized`. */
        pseudonymize: z.boolean().optional(),
      })
      .strict(),
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
    /**
     * `realNames`: whether the files may hold people's real names or ids (false for a pseudonymized network).
     * GraphML and GEXF files say it in their description ("realNames: false (pseudonyms)"); a CSV of pseudonyms
     * says it in its name ("... - people (pseudonyms).csv"), since a comment line would be read as the header.
     */
    output: returns<{ readonly files: readonly NetworkExportFile[]; readonly realNames: boolean }>(),
  },
  /** How the network's people data are handled (also in NetworkDocument.privacy). */
  'network.privacy': {
    input: z.object({ id: networkIdSchema }).strict(),
    output: returns<NetworkPrivacy>(),
  },
  /**
   * Records whether the participants agreed to individual views, and the minimum group size (at least 3;
   * invalid-input below). Whether the network is pseudonymized is fixed at import.
   */
  'network.updatePrivacy': {
    input: z
      .object({
        id: networkIdSchema,
        individualConsent: z.boolean().optional(),
        minGroupSize: minGroupSizeSchema.optional(),
      })
      .strict(),
    output: returns<NetworkPrivacy>(),
  },
  /** The kept key (real id and name to pseudonym); not-found, saying so, when it was not kept or was deleted. */
  'network.key': {
    input: z.object({ id: networkIdSchema }).strict(),
    output: returns<NetworkKey>(),
  },
  /**
   * Deletes the network's key: the mapping back to real names and the secret the pseudonyms come from. After
   * this, later waves can no longer be matched to these people (network.addWave refuses them; import a new
   * network instead). The deletion reaches the older backups at the next backup (purge ledger). Returns the
   * network; not-found when it has no key.
   */
  'network.deleteKey': {
    input: z.object({ id: networkIdSchema }).strict(),
    output: returns<NetworkDocument>(),
  },
} as const satisfies Record<NetworkOperationName, { input: z.ZodType; output: unknown }>;

export type {
  NetworkDocument,
  NetworkId,
  NetworkPrivacy,
  NetworkRecord,
  NetworkSummary,
  NetworkWave,
  NetworkWaveId,
  WaveProvenance,
  WaveSummary,
} from '../../store/network-document';
export type { DuplicateRule } from '../../../model/network/import';
export type { PseudonymEntry } from '../../../model/privacy';
export type { NetworkExportFormat, NetworkImportFormat } from '../../../model/network/formats';
