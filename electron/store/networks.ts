/**
 * Networks and their waves in the workspace (tables networks and network_snapshots, see network-document.ts for
 * what a row holds). Writes are IMMEDIATE transactions, so a name check and its write happen under one lock and
 * a network imported with several waves is saved whole or not at all; every row read passes its zod schema.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Tie } from '../../model/network/formats';
import type { NetworkNode } from '../../model/network/graph';
import type { ProjectId } from '../../model/schema/project';
import { OperationError } from '../api/result';
import { byName, firstFreeName, nameKey, validNew } from './names';
import {
  networkRecordSchema,
  networkWaveSchema,
  waveSummarySchema,
  type NetworkDocument,
  type NetworkId,
  type NetworkRecord,
  type NetworkSummary,
  type NetworkWave,
  type NetworkWaveId,
  type WaveProvenance,
} from './network-document';
import { parseStoredDocument } from './stored-document';

/** One wave as an import gives it. */
export interface WaveInput {
  readonly wave: string;
  readonly weighted: boolean;
  readonly people: readonly NetworkNode[];
  readonly ties: readonly Tie[];
  readonly provenance: WaveProvenance;
}

export interface NetworkRepository {
  /** The project's networks, sorted by name, each with its waves in order. not-found without the project. */
  list(projectId: ProjectId): NetworkSummary[];
  get(id: NetworkId): NetworkDocument;
  /** A new network with its first waves, in one transaction; a name already used gets " (2)", ... */
  create(input: {
    readonly projectId: ProjectId;
    readonly name: string;
    readonly description?: string | undefined;
    readonly directed: boolean;
    readonly waves: readonly WaveInput[];
  }): NetworkDocument;
  /** Adds waves after the last one; conflict if a label is taken. */
  addWaves(id: NetworkId, waves: readonly WaveInput[]): NetworkDocument;
  rename(id: NetworkId, name: string): NetworkDocument;
  renameWave(id: NetworkWaveId, wave: string): NetworkDocument;
  delete(id: NetworkId): void;
  /** conflict when it is the network's only wave (delete the network instead). */
  deleteWave(id: NetworkWaveId): NetworkDocument;
}

interface NetworkRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly description: string;
  readonly created_at: string;
  readonly updated_at: string;
}

interface WaveRow {
  readonly id: string;
  readonly project_id: string;
  readonly network_id: string;
  readonly wave: string;
  readonly nodes: string;
  readonly edges: string;
  readonly created_at: string;
  readonly updated_at: string;
}

interface WaveSummaryRow {
  readonly id: string;
  readonly network_id: string;
  readonly wave: string;
  readonly position: unknown;
  readonly directed: unknown;
  readonly people: unknown;
  readonly ties: unknown;
}

const NETWORK_COLUMNS = 'id, project_id, name, description, created_at, updated_at';
const WAVE_COLUMNS = 'id, project_id, network_id, wave, nodes, edges, created_at, updated_at';

/** JSON text that fails to parse is reported through the schema (as the field's wrong type), not as a crash. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const recordOf = (row: NetworkRow): NetworkRecord =>
  parseStoredDocument(networkRecordSchema, 'networks', row.id, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

function waveOf(row: WaveRow): NetworkWave {
  const edges = parseJson(row.edges);
  const body =
    typeof edges === 'object' && edges !== null ? (edges as Record<string, unknown>) : { ties: edges };
  return parseStoredDocument(networkWaveSchema, 'network_snapshots', row.id, {
    id: row.id,
    networkId: row.network_id,
    projectId: row.project_id,
    wave: row.wave,
    position: body['position'],
    directed: body['directed'],
    weighted: body['weighted'],
    people: parseJson(row.nodes),
    ties: body['ties'],
    provenance: body['provenance'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

const byPosition = (a: { readonly position: number }, b: { readonly position: number }) =>
  a.position - b.position;

export function createNetworkRepository(db: Database, now: () => Date): NetworkRepository {
  const projectExists = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM projects WHERE id = ?)')
    .pluck();
  const selectNetworks = db.prepare<[string], NetworkRow>(
    `SELECT ${NETWORK_COLUMNS} FROM networks WHERE project_id = ?`,
  );
  const selectNetwork = db.prepare<[string], NetworkRow>(
    `SELECT ${NETWORK_COLUMNS} FROM networks WHERE id = ?`,
  );
  // Sizes from SQLite's JSON functions, so a list does not parse every tie of every wave.
  const selectSummaries = db.prepare<[string], WaveSummaryRow>(
    `SELECT id, network_id, wave, json_extract(edges, '$.position') AS position,
            json_extract(edges, '$.directed') AS directed, json_array_length(nodes) AS people,
            json_array_length(edges, '$.ties') AS ties
       FROM network_snapshots WHERE project_id = ?`,
  );
  const selectWaves = db.prepare<[string], WaveRow>(
    `SELECT ${WAVE_COLUMNS} FROM network_snapshots WHERE network_id = ?`,
  );
  const selectWave = db.prepare<[string], WaveRow>(
    `SELECT ${WAVE_COLUMNS} FROM network_snapshots WHERE id = ?`,
  );
  const insertNetwork = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO networks (${NETWORK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertWave = db.prepare<[string, string, string, string, string, string, string, string]>(
    `INSERT INTO network_snapshots (${WAVE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateName = db.prepare<[string, string, string]>(
    'UPDATE networks SET name = ?, updated_at = ? WHERE id = ?',
  );
  const touchNetwork = db.prepare<[string, string]>('UPDATE networks SET updated_at = ? WHERE id = ?');
  const updateWaveLabel = db.prepare<[string, string, string]>(
    'UPDATE network_snapshots SET wave = ?, updated_at = ? WHERE id = ?',
  );
  const touchProject = db.prepare<[string, string]>('UPDATE projects SET updated_at = ? WHERE id = ?');
  const deleteNetwork = db.prepare<[string]>('DELETE FROM networks WHERE id = ?');
  const deleteWaveRow = db.prepare<[string]>('DELETE FROM network_snapshots WHERE id = ?');

  const assertProject = (projectId: string): void => {
    if (projectExists.get(projectId) !== 1)
      throw new OperationError('not-found', `No project with id "${projectId}".`);
  };

  const record = (id: string): NetworkRecord => {
    const row = selectNetwork.get(id);
    if (row === undefined) throw new OperationError('not-found', `No network with id "${id}".`);
    return recordOf(row);
  };

  const get = (id: NetworkId): NetworkDocument => {
    const network = record(id);
    const waves = selectWaves.all(id).map(waveOf).sort(byPosition);
    return { ...network, directed: waves[0]?.directed ?? true, waves };
  };

  const waveRow = (id: string): WaveRow => {
    const row = selectWave.get(id);
    if (row === undefined) throw new OperationError('not-found', `No network wave with id "${id}".`);
    return row;
  };

  /** Validates and inserts waves after `existing`, refusing a taken label or a different direction. */
  const insertWaves = (
    network: NetworkRecord,
    directed: boolean,
    existing: readonly NetworkWave[],
    waves: readonly WaveInput[],
    at: string,
  ) => {
    const labels = new Map(existing.map((wave) => [nameKey(wave.wave), wave.wave]));
    let position = existing.reduce((last, wave) => Math.max(last, wave.position + 1), 0);
    for (const input of waves) {
      const wave = validNew(networkWaveSchema, 'network wave', {
        id: randomUUID(),
        networkId: network.id,
        projectId: network.projectId,
        wave: input.wave,
        position: position++,
        directed,
        weighted: input.weighted,
        people: input.people,
        ties: input.ties,
        provenance: input.provenance,
        createdAt: at,
        updatedAt: at,
      });
      const clash = labels.get(nameKey(wave.wave));
      if (clash !== undefined)
        throw new OperationError('conflict', `The network "${network.name}" already has a wave "${clash}".`);
      labels.set(nameKey(wave.wave), wave.wave);
      const edges = {
        directed,
        weighted: wave.weighted,
        position: wave.position,
        ties: wave.ties,
        provenance: wave.provenance,
      };
      insertWave.run(
        wave.id,
        wave.projectId,
        wave.networkId,
        wave.wave,
        JSON.stringify(wave.people),
        JSON.stringify(edges),
        at,
        at,
      );
    }
  };

  return {
    list(projectId) {
      assertProject(projectId);
      const waves = new Map<string, NetworkSummary['waves'][number][]>();
      for (const row of selectSummaries.all(projectId)) {
        const summary = parseStoredDocument(waveSummarySchema, 'network_snapshots', row.id, {
          id: row.id,
          wave: row.wave,
          position: row.position,
          directed: row.directed === 1 ? true : row.directed === 0 ? false : row.directed,
          people: row.people,
          ties: row.ties,
        });
        waves.set(row.network_id, [...(waves.get(row.network_id) ?? []), summary]);
      }
      return selectNetworks
        .all(projectId)
        .map((row) => {
          const ordered = (waves.get(row.id) ?? []).sort(byPosition);
          return { ...recordOf(row), directed: ordered[0]?.directed ?? true, waves: ordered };
        })
        .sort(byName);
    },

    get,

    create({ projectId, name, description, directed, waves }) {
      return db
        .transaction(() => {
          assertProject(projectId);
          if (waves.length === 0)
            throw new OperationError('invalid-input', 'A network needs at least one wave.');
          const at = now().toISOString();
          const network = validNew(networkRecordSchema, 'network', {
            id: randomUUID(),
            projectId,
            name: firstFreeName(
              name.trim(),
              selectNetworks.all(projectId).map((row) => row.name),
            ),
            description: description ?? '',
            createdAt: at,
            updatedAt: at,
          });
          insertNetwork.run(network.id, network.projectId, network.name, network.description, at, at);
          insertWaves(network, directed, [], waves, at);
          touchProject.run(at, projectId);
          return get(network.id);
        })
        .immediate();
    },

    addWaves(id, waves) {
      return db
        .transaction(() => {
          const current = get(id);
          const at = now().toISOString();
          insertWaves(current, current.directed, current.waves, waves, at);
          touchNetwork.run(at, id);
          touchProject.run(at, current.projectId);
          return get(id);
        })
        .immediate();
    },

    rename(id, name) {
      return db
        .transaction(() => {
          const current = record(id);
          const renamed = validNew(networkRecordSchema, 'network', {
            ...current,
            name,
            updatedAt: now().toISOString(),
          });
          const clash = selectNetworks
            .all(current.projectId)
            .find((row) => row.id !== id && nameKey(row.name) === nameKey(renamed.name));
          if (clash !== undefined)
            throw new OperationError('conflict', `This project already has a network named "${clash.name}".`);
          updateName.run(renamed.name, renamed.updatedAt, id);
          return get(id);
        })
        .immediate();
    },

    renameWave(id, label) {
      return db
        .transaction(() => {
          const row = waveRow(id);
          const current = get(row.network_id as NetworkId);
          const at = now().toISOString();
          const renamed = validNew(networkWaveSchema, 'network wave', {
            ...current.waves.find((wave) => wave.id === id),
            wave: label,
            updatedAt: at,
          });
          const clash = current.waves.find(
            (wave) => wave.id !== id && nameKey(wave.wave) === nameKey(renamed.wave),
          );
          if (clash !== undefined)
            throw new OperationError(
              'conflict',
              `The network "${current.name}" already has a wave "${clash.wave}".`,
            );
          updateWaveLabel.run(renamed.wave, at, id);
          touchNetwork.run(at, current.id);
          return get(current.id);
        })
        .immediate();
    },

    delete(id) {
      if (deleteNetwork.run(id).changes === 0)
        throw new OperationError('not-found', `No network with id "${id}".`);
    },

    deleteWave(id) {
      return db
        .transaction(() => {
          const row = waveRow(id);
          const networkId = row.network_id as NetworkId;
          if (selectWaves.all(networkId).length <= 1)
            throw new OperationError(
              'conflict',
              `"${row.wave}" is the network's only wave: delete the network instead, or add another wave first.`,
            );
          deleteWaveRow.run(id);
          touchNetwork.run(now().toISOString(), networkId);
          return get(networkId);
        })
        .immediate();
    },
  };
}
