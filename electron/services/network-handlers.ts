/**
 * The handlers of the Network instrument (organizational networks and their survey waves) (operations in api/parts/network.operations.ts).
 * Imports are read and checked in network-import.ts and saved by the store in one transaction; exports write
 * the files with model/network/formats.
 */
import type { Database } from 'better-sqlite3';
import {
  edgeListCsv,
  graphOfTies,
  nodeTableCsv,
  writeGexf,
  writeGraphml,
  type NetworkExportFormat,
} from '../../model/network/formats';
import type { Handlers } from '../api/dispatch';
import type { NetworkExportFile } from '../api/parts/network.contract';
import type { NetworkOperationName } from '../api/parts/network.operations';
import { OperationError } from '../api/result';
import type { NetworkDocument, NetworkWave } from '../store/network-document';
import { createNetworkRepository, type NetworkRepository } from '../store/networks';
import type { ServiceContext } from './context';
import { readWaveFiles } from './network-import';

const repositories = new WeakMap<Database, NetworkRepository>();

/** The workspace's network repository, prepared once per connection. */
export function networkRepository(db: Database): NetworkRepository {
  let repository = repositories.get(db);
  if (repository === undefined) {
    repository = createNetworkRepository(db, () => new Date());
    repositories.set(db, repository);
  }
  return repository;
}

/** "Wave 1", or the first "Wave n" the network does not use yet. */
function nextWaveLabel(network: NetworkDocument | undefined): string {
  const taken = new Set(network?.waves.map((wave) => wave.wave.toLowerCase()) ?? []);
  for (let n = (network?.waves.length ?? 0) + 1; ; n++) if (!taken.has(`wave ${n}`)) return `Wave ${n}`;
}

/** The wave's files in the chosen format; their names say which network and wave they hold. */
export function exportWave(
  network: NetworkDocument,
  wave: NetworkWave,
  format: NetworkExportFormat,
): NetworkExportFile[] {
  const graph = graphOfTies({ ...wave, directed: network.directed });
  const base = `${network.name} - ${wave.wave}`;
  const description = `${network.name}, wave "${wave.wave}", exported from Empathy Workbench`;
  if (format === 'graphml')
    return [
      {
        fileName: `${base}.graphml`,
        mediaType: 'application/graphml+xml',
        text: writeGraphml(graph, { description }),
      },
    ];
  if (format === 'gexf')
    return [
      { fileName: `${base}.gexf`, mediaType: 'application/xml', text: writeGexf(graph, { description }) },
    ];
  return [
    {
      fileName: `${base} - edges.csv`,
      mediaType: 'text/csv',
      text: edgeListCsv([{ wave: wave.wave, graph }]),
    },
    { fileName: `${base} - people.csv`, mediaType: 'text/csv', text: nodeTableCsv(graph) },
  ];
}

export function networkHandlers({ workspace }: ServiceContext): Pick<Handlers, NetworkOperationName> {
  const networks = () => networkRepository(workspace.db);
  return {
    'network.list': ({ projectId }) => networks().list(projectId),
    'network.get': ({ id }) => networks().get(id),
    'network.import': ({ projectId, name, description, directed, ...files }) => {
      // Checked before reading the files, so a wrong project is not reported as a problem of the files.
      workspace.projects.get(projectId);
      const read = readWaveFiles(files, directed, undefined, nextWaveLabel(undefined));
      return networks().create({ projectId, name, description, directed: read.directed, waves: read.waves });
    },
    'network.addWave': ({ id, ...files }) => {
      const network = networks().get(id);
      const last = network.waves.at(-1);
      const existing =
        last === undefined
          ? undefined
          : { directed: network.directed, lastWave: { wave: last.wave, people: last.people } };
      const read = readWaveFiles(files, network.directed, existing, nextWaveLabel(network));
      return networks().addWaves(id, read.waves);
    },
    'network.rename': ({ id, name }) => networks().rename(id, name),
    'network.renameWave': ({ id, wave }) => networks().renameWave(id, wave),
    'network.delete': ({ id }) => {
      networks().delete(id);
      return { id };
    },
    'network.deleteWave': ({ id }) => networks().deleteWave(id),
    'network.export': ({ id, waveId, format }) => {
      const network = networks().get(id);
      const wave =
        waveId === undefined
          ? network.waves.at(-1)
          : network.waves.find((candidate) => candidate.id === waveId);
      if (wave === undefined)
        throw new OperationError(
          'not-found',
          `The network "${network.name}" has no wave with id "${waveId ?? ''}".`,
        );
      return { files: exportWave(network, wave, format) };
    },
  };
}
