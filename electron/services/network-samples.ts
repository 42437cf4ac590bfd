/**
 * The example organization of sample-data/network in the sample project (see that folder's README): one network
 * with the waves "before" and "after", read through the same import path a user's files take. Called by
 * samples.ts inside its transaction, so the sample project is created whole or not at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectId } from '../../model/schema/project';
import type { Workspace } from '../store/workspace';
import type { NetworkDocument } from '../store/network-document';
import { networkPrivacyRepository, networkRepository } from './network-handlers';
import { readWaveFiles } from './network-import';

export const SAMPLE_NETWORK_NAME = 'Example organization: support ties';
const SAMPLE_NETWORK_FOLDER = 'network';
const WAVES = ['before', 'after'] as const;

/**
 * Issue 11: the sample's people are invented (sample-data/network/README.md), so it keeps their names and allows
 * individual views, to show what those views look like; the note says why, in the app and in every export.
 */
export const SAMPLE_NETWORK_PRIVACY_NOTE =
  'the people of this sample organization are fictional, so their names are kept and individual views are allowed';

/**
 * Adds the sample network to `projectId`, or does nothing when the files are not there (a build without them).
 * A shipped file that fails its checks is a bug of the build: it throws, and the caller's transaction leaves the
 * workspace as it was.
 */
export function seedSampleNetwork(
  workspace: Workspace,
  projectId: ProjectId,
  sampleDir: string,
): NetworkDocument | undefined {
  const folder = join(sampleDir, SAMPLE_NETWORK_FOLDER);
  const file = (name: string) => ({ fileName: name, text: readFileSync(join(folder, name), 'utf8') });
  if (
    !WAVES.every((wave) => existsSync(join(folder, `edges-${wave}.csv`))) ||
    !existsSync(join(folder, 'nodes.csv'))
  )
    return undefined;
  const nodes = file('nodes.csv');
  const waves = WAVES.flatMap(
    (wave) =>
      readWaveFiles(
        { format: 'csv', edges: file(`edges-${wave}.csv`), nodes, wave, mergeRule: 'error' },
        true,
        undefined,
        wave,
      ).waves,
  );
  const network = networkRepository(workspace.db).create({
    projectId,
    name: SAMPLE_NETWORK_NAME,
    description:
      'A fictional company of 100 people in six teams, surveyed before and after a peer-support programme: a ' +
      'burnt-out broker relieved, a siloed Finance team, more returned and cross-team ties after.',
    directed: true,
    waves,
  });
  const privacy = networkPrivacyRepository(workspace.db);
  privacy.create(
    network.id,
    { pseudonymized: false, individualConsent: true, note: SAMPLE_NETWORK_PRIVACY_NOTE },
    null,
  );
  return { ...network, privacy: privacy.get(network.id) };
}
