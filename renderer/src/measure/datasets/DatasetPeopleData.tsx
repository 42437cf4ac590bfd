import type { MeasureDatasetId, MeasurePrivacy } from '../../../../electron/api/contract';
import { call } from '../../api';
import { PeopleDataPanel, type PeopleDataWords } from '../../components/people-data/PeopleDataPanel';
import '../../network/import/network-io.css';
import '../../network/privacy/privacy.css';

const quoted = (columns: readonly string[]) => columns.map((column) => `“${column}”`).join(', ');

function datasetWords(name: string, privacy: MeasurePrivacy): PeopleDataWords {
  const idColumn = privacy.idColumn === null ? 'no id column' : `the id column “${privacy.idColumn}”`;
  return {
    pseudonyms: (
      <>
        <strong>Pseudonyms.</strong> The cells of {idColumn} were replaced at import by stable pseudonyms
        (P-…)
        {privacy.droppedColumns.length > 0
          ? ` and the identifying columns ${quoted(privacy.droppedColumns)} were dropped`
          : ''}
        ; the table, the tabs and every export show pseudonyms only.
      </>
    ),
    realNames: (
      <>
        <strong>As imported.</strong>{' '}
        {privacy.idColumn === null
          ? 'This data set has no column of people’s ids; its cells are kept as the file gave them.'
          : `This data set holds people’s ids (${idColumn}) as imported, and its export says so.`}{' '}
        Pseudonyms are chosen at import and cannot be added later: import the file again with “Replace ids
        with pseudonyms” ticked.
      </>
    ),
    consentOn: 'Per-person figures are shown: each respondent’s scores and answers.',
    consentOff:
      'Off: the tabs show team and group figures only, never one person’s scores. Tick it only if the participants were told and agreed.',
    groupSize:
      'Team figures and charts (subscale means, KPI breakdowns), in the app and in exports, hide any group with fewer people than this',
    keySecret:
      'The secret the pseudonyms come from is kept, so that the same person would get the same pseudonym again. With a list of names it could tell who is who: forget it once it is no longer needed.',
    keyDeletion: `The key of “${name}” (who each pseudonym is, and the secret the pseudonyms come from) will be deleted from the workspace. No one can then look up from here who a pseudonym is.`,
  };
}

/** A data set's people data (issue 11) on the shared panel, saved through measure.updatePrivacy and measure.deleteKey. */
export function DatasetPeopleData({
  id,
  name,
  privacy,
  onChanged,
}: {
  readonly id: MeasureDatasetId;
  readonly name: string;
  readonly privacy: MeasurePrivacy;
  readonly onChanged: (privacy: MeasurePrivacy) => void;
}) {
  return (
    <PeopleDataPanel
      className="network-io privacy-panel"
      privacy={privacy}
      words={datasetWords(name, privacy)}
      onUpdate={async (change) => onChanged(await call('measure.updatePrivacy', { id, ...change }))}
      readKey={async () => (await call('measure.key', { id })).entries}
      deleteKey={async () => onChanged((await call('measure.deleteKey', { id })).privacy)}
    />
  );
}
