import type { ConjointStudySummary, NetworkSummary, StoryPage } from '../../../electron/api/contract';
import { NODE_METRIC_NAMES } from '../../../model/network';
import { METRIC_LABELS } from '../network/graph/encoding';

type NetworkPage = Extract<StoryPage, { kind: 'network-view' }>;
type SimulatorPage = Extract<StoryPage, { kind: 'conjoint-simulator' }>;

/**
 * A network page's choices: the network, its wave (or always the latest) and what colours the people. A
 * person's own figure is offered only where the network's participants agreed to individual views; the page
 * itself falls back to team or community should that change later (NetworkViewPage).
 */
export function NetworkPageFields({
  page,
  networks,
  onChange,
}: {
  readonly page: NetworkPage;
  readonly networks: readonly NetworkSummary[];
  readonly onChange: (page: StoryPage) => void;
}) {
  const network = networks.find((candidate) => candidate.id === page.networkId);
  const individualViews = network?.privacy?.individualConsent === true;
  const { waveId: _wave, ...withoutWave } = page;
  return (
    <>
      <label>
        Network
        <select
          value={page.networkId}
          onChange={(event) => {
            const chosen = networks.find((candidate) => candidate.id === event.target.value);
            if (chosen !== undefined) onChange({ ...withoutWave, networkId: chosen.id });
          }}
        >
          {networks.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Wave
        <select
          value={page.waveId ?? ''}
          onChange={(event) => {
            const chosen = network?.waves.find((wave) => wave.id === event.target.value);
            onChange(chosen === undefined ? withoutWave : { ...withoutWave, waveId: chosen.id });
          }}
        >
          <option value="">Always the latest</option>
          {network?.waves.map((wave) => (
            <option key={wave.id} value={wave.id}>
              {wave.wave} ({wave.people} people, {wave.ties} ties)
            </option>
          ))}
        </select>
      </label>
      <label>
        Colour by
        <select
          value={page.colorBy}
          onChange={(event) => onChange({ ...page, colorBy: event.target.value as NetworkPage['colorBy'] })}
        >
          <option value="team">Team</option>
          <option value="community">Community (Louvain)</option>
          {individualViews || (page.colorBy !== 'team' && page.colorBy !== 'community')
            ? NODE_METRIC_NAMES.map((metric) => (
                <option key={metric} value={metric} disabled={!individualViews}>
                  {METRIC_LABELS[metric]}
                </option>
              ))
            : null}
        </select>
      </label>
      {network !== undefined && !individualViews ? (
        <p className="muted small">
          Its participants have not agreed to individual views: the page names no one and colours people by
          team or community only.
        </p>
      ) : null}
    </>
  );
}

/** A simulator page's study; the page starts from the simulator's default offers. */
export function SimulatorPageFields({
  page,
  studies,
  onChange,
}: {
  readonly page: SimulatorPage;
  readonly studies: readonly ConjointStudySummary[];
  readonly onChange: (page: StoryPage) => void;
}) {
  const study = studies.find((candidate) => candidate.id === page.studyId);
  return (
    <>
      <label>
        Conjoint study
        <select
          value={page.studyId}
          onChange={(event) => {
            const chosen = studies.find((candidate) => candidate.id === event.target.value);
            if (chosen !== undefined) onChange({ ...page, studyId: chosen.id });
          }}
        >
          {studies.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      {study !== undefined && study.estimated.length === 0 ? (
        <p className="muted small">
          This study has no estimate yet: estimate it on the Conjoint page (step 4) for the simulator to show
          shares.
        </p>
      ) : null}
    </>
  );
}
