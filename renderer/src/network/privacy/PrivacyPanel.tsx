import type { NetworkDocument, NetworkPrivacy } from '../../../../electron/api/contract';
import { call } from '../../api';
import { PeopleDataPanel, type PeopleDataWords } from '../../components/people-data/PeopleDataPanel';
import '../import/network-io.css';
import { privacyOf } from './network-privacy';
import './privacy.css';

const NETWORK_WORDS = (name: string): PeopleDataWords => ({
  pseudonyms: (
    <>
      <strong>Pseudonyms.</strong> Each person’s id was replaced at import by a stable pseudonym (P-…) and
      their names were dropped; the views and every export show pseudonyms only.
    </>
  ),
  realNames: (
    <>
      <strong>Real names.</strong> This network holds people’s ids and names as imported, and its exports say
      that they hold real names. Pseudonyms are chosen at import and cannot be added later: import the files
      again with “Replace names with pseudonyms” ticked.
    </>
  ),
  consentOn:
    'Per-person figures are shown: each person’s metrics, the person search and the people a pattern concerns.',
  consentOff:
    'Off: the views speak of roles, teams and patterns only, never of a named person’s figures. Tick it only if the participants were told and agreed.',
  groupSize: 'Team figures and charts, in the app and in exports, hide any team with fewer people than this',
  keySecret:
    'The secret the pseudonyms come from is kept, so that a person in a later wave gets the same pseudonym. With a list of names it could tell who is who: forget it once no more waves will come.',
  keyDeletion: `The key of “${name}” (who each pseudonym is, and the secret the pseudonyms come from) will be deleted from the workspace. Later waves can then no longer be matched to these people: adding a wave to this network will be refused, and a new survey must be imported as a new network.`,
});

/**
 * The network's people data (issue 11), on the shared panel: every change is saved at once
 * (network.updatePrivacy) and handed up, so the other tabs follow it.
 */
export function PrivacyPanel({
  network,
  onChanged,
}: {
  readonly network: NetworkDocument;
  readonly onChanged: (privacy: NetworkPrivacy) => void;
}) {
  const privacy = privacyOf(network);
  return (
    <PeopleDataPanel
      className="network-io privacy-panel"
      privacy={{ ...privacy, secretKept: privacy.secretKept ?? privacy.keyKept }}
      words={NETWORK_WORDS(network.name)}
      onUpdate={async (change) =>
        onChanged(await call('network.updatePrivacy', { id: network.id, ...change }))
      }
      readKey={async () => (await call('network.key', { id: network.id })).entries}
      deleteKey={async () => {
        const saved = await call('network.deleteKey', { id: network.id });
        if (saved.privacy !== undefined) onChanged(saved.privacy);
      }}
    />
  );
}
