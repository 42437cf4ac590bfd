/**
 * The handlers of the Network instrument (organizational networks and their survey waves) (operations in api/parts/network.operations.ts).
 * Imports are read and checked in network-import.ts, pseudonymized when asked (network-pseudonyms.ts, issue 11)
 * and saved by the store in one transaction with the network's privacy settings and key; exports write the
 * files with model/network/formats and say whether they hold real names. Every network returned carries its
 * `privacy` settings, so a view knows whether it may show individuals and which teams it must hide.
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
import type {
  NetworkDocument,
  NetworkId,
  NetworkPrivacy,
  NetworkSummary,
  NetworkWave,
} from '../store/network-document';
import { createNetworkPrivacyRepository, type NetworkPrivacyRepository } from '../store/network-privacy';
import { createNetworkRepository, type NetworkRepository } from '../store/networks';
import type { ServiceContext } from './context';
import { readWaveFiles, type WaveFiles } from './network-import';
import { newPseudonymSecret, pseudonymizeWaves, withPeopleOf } from './network-pseudonyms';

const repositories = new WeakMap<Database, NetworkRepository>();
const privacyRepositories = new WeakMap<Database, NetworkPrivacyRepository>();

/** The workspace's network repository, prepared once per connection. */
export function networkRepository(db: Database): NetworkRepository {
  let repository = repositories.get(db);
  if (repository === undefined) {
    repository = createNetworkRepository(db, () => new Date());
    repositories.set(db, repository);
  }
  return repository;
}

/** The workspace's network privacy settings and keys (issue 11), prepared once per connection. */
export function networkPrivacyRepository(db: Database): NetworkPrivacyRepository {
  let repository = privacyRepositories.get(db);
  if (repository === undefined) {
    repository = createNetworkPrivacyRepository(db, () => new Date());
    privacyRepositories.set(db, repository);
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
  const realNames = holdsRealNames(network);
  // Issue 11: every file says whether it holds real names, in words a reader of the file sees.
  const names = realNames
    ? `realNames: true (people's real ids and names${network.privacy?.note ? `; ${network.privacy.note}` : ''})`
    : 'realNames: false (pseudonyms)';
  const description = `${network.name}, wave "${wave.wave}", exported from Empathy Workbench. ${names}`;
  // A CSV cannot carry a comment line (the importers would read it as the header), so its name says it; the
  // name of a real-names file stays as it was, which the import e2e test and users' scripts rely on.
  const suffix = realNames ? '' : ' (pseudonyms)';
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
      fileName: `${base} - edges${suffix}.csv`,
      mediaType: 'text/csv',
      text: edgeListCsv([{ wave: wave.wave, graph }]),
    },
    { fileName: `${base} - people${suffix}.csv`, mediaType: 'text/csv', text: nodeTableCsv(graph) },
  ];
}

/** Whether the network's saved people may be real (anything not pseudonymized at import). */
const holdsRealNames = (network: NetworkDocument): boolean => network.privacy?.pseudonymized !== true;

const NO_KEY_FOR_WAVES =
  "this network's pseudonym key was deleted, so the people of a new wave can no longer be matched to its pseudonyms. Import the wave as a new network instead.";

export function networkHandlers({ workspace }: ServiceContext): Pick<Handlers, NetworkOperationName> {
  const networks = () => networkRepository(workspace.db);
  const privacy = () => networkPrivacyRepository(workspace.db);
  const withPrivacy = <N extends NetworkDocument | NetworkSummary>(
    network: N,
  ): N & { privacy: NetworkPrivacy } => ({
    ...network,
    privacy: privacy().get(network.id),
  });
  const get = (id: NetworkId) => withPrivacy(networks().get(id));
  const inTransaction = <T>(work: () => T): T => workspace.db.transaction(work).immediate();

  /** A wave's files read into a pseudonymized network: its people keep their pseudonyms (see the contract). */
  const addPseudonymizedWave = (network: NetworkDocument, files: WaveFiles, label: string) => {
    const key = privacy().key(network.id);
    if (key === undefined) throw new OperationError('conflict', `Nothing was imported: ${NO_KEY_FOR_WAVES}`);
    const last = network.waves.at(-1);
    // Without a node file the last wave's people stand in, but they are saved under pseudonyms while the new
    // file has real ids: read the file alone, pseudonymize it, then match by pseudonym.
    const alone = files.nodes === undefined && files.format !== 'graphml' && files.format !== 'gexf';
    const read = readWaveFiles(
      files,
      network.directed,
      alone || last === undefined
        ? undefined
        : { directed: network.directed, lastWave: { wave: last.wave, people: last.people } },
      label,
    );
    if (read.directed !== network.directed)
      throw new OperationError(
        'invalid-input',
        `Nothing was imported: ${files.edges.fileName} declares its ties ${read.directed ? 'directed' : 'undirected'}, but this network's are ${network.directed ? 'directed' : 'undirected'}; every wave of a network must be read the same way to compare them.`,
      );
    const renamed = pseudonymizeWaves(read.waves, key.secret, key.mapping ?? []);
    const waves =
      alone && last !== undefined ? renamed.waves.map((wave) => withPeopleOf(wave, last)) : renamed.waves;
    return inTransaction(() => {
      const saved = networks().addWaves(network.id, waves);
      if (key.mapping !== null) privacy().saveMapping(network.id, renamed.mapping);
      return withPrivacy(saved);
    });
  };

  return {
    'network.list': ({ projectId }) => networks().list(projectId).map(withPrivacy),
    'network.get': ({ id }) => get(id),
    'network.import': ({
      projectId,
      name,
      description,
      directed,
      pseudonymize,
      keepKey,
      individualConsent,
      minGroupSize,
      ...files
    }) => {
      // Checked before reading the files, so a wrong project is not reported as a problem of the files.
      workspace.projects.get(projectId);
      const read = readWaveFiles(files, directed, undefined, nextWaveLabel(undefined));
      const secret = pseudonymize ? newPseudonymSecret() : undefined;
      const renamed = secret === undefined ? undefined : pseudonymizeWaves(read.waves, secret);
      return inTransaction(() => {
        const network = networks().create({
          projectId,
          name,
          description,
          directed: read.directed,
          waves: renamed?.waves ?? read.waves,
        });
        privacy().create(
          network.id,
          { pseudonymized: pseudonymize, individualConsent, minGroupSize },
          secret === undefined ? null : { secret, mapping: keepKey ? (renamed?.mapping ?? []) : null },
        );
        return withPrivacy(network);
      });
    },
    'network.addWave': ({ id, pseudonymize, ...files }) => {
      const network = get(id);
      if (pseudonymize !== undefined && pseudonymize !== network.privacy.pseudonymized)
        throw new OperationError(
          'invalid-input',
          network.privacy.pseudonymized
            ? `The network "${network.name}" holds pseudonyms: its waves are pseudonymized too, so they compare person by person.`
            : `The network "${network.name}" holds real names: a pseudonymized wave could not be compared with its other waves person by person. Import the wave as a new network with pseudonyms instead.`,
        );
      if (network.privacy.pseudonymized) return addPseudonymizedWave(network, files, nextWaveLabel(network));
      const last = network.waves.at(-1);
      const existing =
        last === undefined
          ? undefined
          : { directed: network.directed, lastWave: { wave: last.wave, people: last.people } };
      const read = readWaveFiles(files, network.directed, existing, nextWaveLabel(network));
      return withPrivacy(networks().addWaves(id, read.waves));
    },
    'network.rename': ({ id, name }) => withPrivacy(networks().rename(id, name)),
    'network.renameWave': ({ id, wave }) => withPrivacy(networks().renameWave(id, wave)),
    'network.delete': ({ id }) => {
      networks().delete(id);
      return { id };
    },
    'network.deleteWave': ({ id }) => withPrivacy(networks().deleteWave(id)),
    'network.export': ({ id, waveId, format }) => {
      const network = get(id);
      const wave =
        waveId === undefined
          ? network.waves.at(-1)
          : network.waves.find((candidate) => candidate.id === waveId);
      if (wave === undefined)
        throw new OperationError(
          'not-found',
          `The network "${network.name}" has no wave with id "${waveId ?? ''}".`,
        );
      return { files: exportWave(network, wave, format), realNames: holdsRealNames(network) };
    },
    'network.privacy': ({ id }) => get(id).privacy,
    'network.updatePrivacy': ({ id, individualConsent, minGroupSize }) => {
      networks().get(id);
      return privacy().update(id, { individualConsent, minGroupSize });
    },
    'network.key': ({ id }) => {
      const network = get(id);
      const mapping = privacy().key(id)?.mapping;
      if (mapping === undefined || mapping === null)
        throw new OperationError(
          'not-found',
          network.privacy.pseudonymized
            ? `The network "${network.name}" has no key: it was not kept at import, or it was deleted.`
            : `The network "${network.name}" was imported with real names: it has no pseudonyms to map back.`,
        );
      return { networkId: id, entries: mapping };
    },
    'network.deleteKey': ({ id }) => {
      const network = get(id);
      if (!privacy().deleteKey(id))
        throw new OperationError(
          'not-found',
          network.privacy.pseudonymized
            ? `The network "${network.name}" has no key left to delete.`
            : `The network "${network.name}" was imported with real names: it has no pseudonym key.`,
        );
      return get(id);
    },
  };
}
