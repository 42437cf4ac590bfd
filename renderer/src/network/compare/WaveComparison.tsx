import { useId, useMemo, useState, type ReactNode } from 'react';
import {
  GRAPH_FIGURES,
  type FigureChange,
  type TeamChange,
  type WaveComparison as Comparison,
} from '../../../../model/network/compare';
import { nodeAttribute } from '../../../../model/network/graph';
import type { NetworkDocument, NetworkWaveId } from '../../../../electron/api/contract';
import { formatChange, formatValue } from '../../dynamics/charts/number-format';
import '../import/network-io.css';
import { PersonChangeTable } from './PersonChangeTable';
import { TeamDumbbell } from './TeamDumbbell';
import { WavePictures } from './WavePictures';
import { NO_CONSENT_SENTENCE, privacyOf } from '../privacy/network-privacy';
import { useWaveComparison } from './use-wave-comparison';

const COUNT_LABELS: Readonly<Record<string, { label: string; meaning: string }>> = {
  people: { label: 'People', meaning: 'people in the wave' },
  ties: { label: 'Ties', meaning: 'support ties recorded' },
  communities: { label: 'Communities', meaning: 'groups found by Louvain' },
  isolates: { label: 'Isolated people', meaning: 'people with no tie' },
};

const figureWords = (key: FigureChange['key']) =>
  COUNT_LABELS[key] ?? GRAPH_FIGURES.find((figure) => figure.key === key) ?? { label: key, meaning: '' };

/**
 * Two waves of a network side by side (issue 6, point 5: before and after a programme): the whole-graph
 * figures with their change, each team's figures with a dumbbell chart of support received, and each person's
 * metrics, searchable and sortable. Metrics are computed in the worker; the figures are model/network/compare's,
 * the same the Dynamics link offers.
 */
export function WaveComparison({ network }: { readonly network: NetworkDocument }) {
  const ids = { before: useId(), after: useId() };
  const waves = network.waves;
  const [chosen, setChosen] = useState<{ before?: NetworkWaveId; after?: NetworkWaveId }>({});
  const before = waves.find((wave) => wave.id === chosen.before) ?? waves.at(-2);
  const after = waves.find((wave) => wave.id === chosen.after) ?? waves.at(-1);
  const { state, cancel, retry } = useWaveComparison(network, before, after);

  if (waves.length < 2 || before === undefined || after === undefined)
    return (
      <div className="network-io wave-comparison empty-state">
        <p>
          <strong>One wave only.</strong> Comparing needs two surveys of the same people, say before and after
          a programme. Add a wave to “{network.name}” (Import → Add a wave) to compare them here.
        </p>
      </div>
    );

  const waveSelect = (id: string, label: string, value: NetworkWaveId, key: 'before' | 'after') => (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => setChosen({ ...chosen, [key]: event.target.value as NetworkWaveId })}
      >
        {waves.map((wave) => (
          <option key={wave.id} value={wave.id}>
            {wave.wave}
          </option>
        ))}
      </select>
    </>
  );

  return (
    <div className="network-io wave-comparison">
      <div className="comparison-controls">
        {waveSelect(ids.before, 'Compare', before.id, 'before')}
        {waveSelect(ids.after, 'with', after.id, 'after')}
        {before.id === after.id ? (
          <span className="muted small">Choose two different waves to see a change.</span>
        ) : null}
      </div>
      {state === undefined || state.status === 'computing' ? (
        <div className="comparison-progress" role="status">
          <span>
            Computing the metrics of wave “{state?.wave ?? before.wave}”…{' '}
            {Math.round((state?.status === 'computing' ? state.fraction : 0) * 100)}%
          </span>{' '}
          <progress max={1} value={state?.status === 'computing' ? state.fraction : 0} />{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : state.status === 'failed' || state.status === 'cancelled' ? (
        <p role="alert" className={state.status === 'failed' ? 'form-error' : 'muted'}>
          {state.status === 'failed' ? `The metrics could not be computed: ${state.error}` : 'Stopped.'}{' '}
          <button type="button" onClick={retry}>
            Compute again
          </button>
        </p>
      ) : (
        <ComparisonPanels
          comparison={state.comparison}
          network={network}
          pictures={<WavePictures network={network} before={before} after={after} />}
        />
      )}
    </div>
  );
}

function ComparisonPanels({
  comparison,
  network,
  pictures,
}: {
  readonly comparison: Comparison;
  readonly network: NetworkDocument;
  /** The two waves drawn side by side, placed before the per-person table. */
  readonly pictures: ReactNode;
}) {
  const titles = { graph: useId(), teams: useId(), people: useId() };
  const { before, after } = comparison;
  const names = useMemo(() => {
    const found = new Map<string, string>();
    for (const wave of network.waves)
      for (const person of wave.people) {
        const name = nodeAttribute(person, 'name')?.trim() ?? '';
        if (name !== '') found.set(person.id, name);
      }
    return found;
  }, [network]);
  const rows = comparison.graph.filter(
    (figure) => Number.isFinite(figure.before) || Number.isFinite(figure.after),
  );

  return (
    <>
      <div className="comparison-grid">
        <section className="comparison-panel" aria-labelledby={titles.graph}>
          <h3 id={titles.graph}>Whole network</h3>
          <div className="table-frame">
            <table className="data-table" aria-label="Whole-network figures">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col" className="number">
                    {before}
                  </th>
                  <th scope="col" className="number">
                    {after}
                  </th>
                  <th scope="col" className="number">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((figure) => {
                  const words = figureWords(figure.key);
                  return (
                    <tr key={figure.key} data-figure={figure.key}>
                      <th scope="row" title={words.meaning}>
                        {words.label}
                      </th>
                      <td className="number">{formatValue(figure.before)}</td>
                      <td className="number">{formatValue(figure.after)}</td>
                      <td className="number">{formatChange(figure.change)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section className="comparison-panel" aria-labelledby={titles.teams}>
          <h3 id={titles.teams}>Support received per team member</h3>
          {comparison.teams.length === 0 ? (
            <p className="muted small">
              {comparison.hiddenTeams > 0
                ? `No team to compare: every team has fewer than ${privacyOf(network).minGroupSize} people.`
                : 'No team to compare: the people have no team attribute.'}
            </p>
          ) : (
            <TeamDumbbell
              title={`Mean support received per member, ${before} and ${after}`}
              rows={comparison.teams.map((team) => ({
                team: team.team,
                before: team.before?.meanInStrength ?? Number.NaN,
                after: team.after?.meanInStrength ?? Number.NaN,
              }))}
              beforeLabel={before}
              afterLabel={after}
            />
          )}
          {comparison.hiddenTeamsNote !== null ? (
            <p className="muted small" role="note" data-testid="hidden-teams-note">
              {comparison.hiddenTeamsNote}
            </p>
          ) : null}
        </section>
      </div>

      {comparison.teams.length > 0 ? (
        <section className="comparison-panel" aria-label="Change per team">
          <h3>Per team</h3>
          <TeamTable teams={comparison.teams} before={before} after={after} />
        </section>
      ) : null}

      {pictures}

      <section className="comparison-panel" aria-labelledby={titles.people}>
        <h3 id={titles.people}>Per person</h3>
        {privacyOf(network).individualConsent ? (
          <PersonChangeTable
            people={comparison.people}
            names={names}
            beforeLabel={before}
            afterLabel={after}
          />
        ) : (
          <p className="muted small" role="note" data-testid="no-individual-views">
            {NO_CONSENT_SENTENCE}
          </p>
        )}
      </section>
    </>
  );
}

const TEAM_COLUMNS: readonly {
  readonly label: string;
  readonly value: (summary: NonNullable<TeamChange['before']>) => number;
}[] = [
  { label: 'Support received per member', value: (team) => team.meanInStrength },
  { label: 'Density within', value: (team) => team.densityWithin },
  { label: 'Ties reaching other teams', value: (team) => team.outsideShare },
  { label: 'Mean broker role', value: (team) => team.meanBetweenness },
];

/** "22", or "20 → 22" when the team changed size between the waves. */
function peopleText(team: TeamChange): string {
  const earlier = team.before?.people;
  const later = team.after?.people;
  if (earlier === later) return String(later ?? '—');
  return `${earlier ?? '—'} → ${later ?? '—'}`;
}

function TeamTable({
  teams,
  before,
  after,
}: {
  readonly teams: readonly TeamChange[];
  readonly before: string;
  readonly after: string;
}) {
  return (
    <div className="table-frame">
      <table className="data-table team-table" aria-label="Team figures">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Team
            </th>
            <th scope="col" rowSpan={2} className="number">
              People
            </th>
            {TEAM_COLUMNS.map((column) => (
              <th key={column.label} scope="colgroup" colSpan={3} className="group">
                {column.label}
              </th>
            ))}
          </tr>
          <tr>
            {TEAM_COLUMNS.flatMap((column) => [
              <th key={`${column.label}-b`} scope="col" className="number">
                {before}
              </th>,
              <th key={`${column.label}-a`} scope="col" className="number">
                {after}
              </th>,
              <th key={`${column.label}-c`} scope="col" className="number">
                change
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.team}>
              <th scope="row">
                {team.team}
                {team.presence === 'both' ? null : <span className="muted small"> · {team.presence}</span>}
              </th>
              <td className="number">{peopleText(team)}</td>
              {TEAM_COLUMNS.flatMap((column) => {
                const earlier = team.before === null ? Number.NaN : column.value(team.before);
                const later = team.after === null ? Number.NaN : column.value(team.after);
                return [
                  <td key={`${column.label}-b`} className="number">
                    {formatValue(earlier)}
                  </td>,
                  <td key={`${column.label}-a`} className="number">
                    {formatValue(later)}
                  </td>,
                  <td key={`${column.label}-c`} className="number">
                    {formatChange(later - earlier)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
