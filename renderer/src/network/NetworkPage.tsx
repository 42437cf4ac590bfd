import { useId, useMemo, useState } from 'react';
import { TabList, tabId, tabPanelId } from '../components/TabList';
import type { NetworkDocument, NetworkPrivacy, NetworkWaveId } from '../../../electron/api/contract';
import { WaveComparison } from './compare/WaveComparison';
import { DEFAULT_ENCODING, GraphTab, type GraphEncoding } from './graph/GraphTab';
import { ExportWaveMenu } from './import/ExportWaveMenu';
import { NetworkLinkPanel } from './link/NetworkLinkPanel';
import { PrivacyPanel } from './privacy/PrivacyPanel';

const TABS = [
  { id: 'graph', label: 'Graph' },
  { id: 'compare', label: 'Compare waves' },
  { id: 'link', label: 'Use in a model' },
  { id: 'privacy', label: 'People data' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const tabKey = 'empathy-workbench.network.tab';

/**
 * One network: its waves (the graph shows the one picked, the last by default) and its tabs. Tabs follow the
 * WAI-ARIA tabs pattern (arrow keys move between them), as the Conjoint view's do.
 */
export function NetworkPage({ network: loaded }: { readonly network: NetworkDocument }) {
  // A privacy change made on the People data tab applies to every tab at once, until the network is reloaded.
  const [changed, setChanged] = useState<{ for: NetworkDocument; privacy: NetworkPrivacy } | undefined>();
  const network = useMemo(
    () => (changed?.for === loaded ? { ...loaded, privacy: changed.privacy } : loaded),
    [loaded, changed],
  );
  const [tab, setTabState] = useState<TabId>(
    () => TABS.find((candidate) => candidate.id === localStorage.getItem(tabKey))?.id ?? 'graph',
  );
  const [waveId, setWaveId] = useState<NetworkWaveId | undefined>(network.waves.at(-1)?.id);
  const [encoding, setEncoding] = useState<GraphEncoding>(DEFAULT_ENCODING);
  const base = useId();
  const wave = network.waves.find((candidate) => candidate.id === waveId) ?? network.waves.at(-1);
  const setTab = (next: TabId) => {
    localStorage.setItem(tabKey, next);
    setTabState(next);
  };
  return (
    <div className="network-page">
      <div className="network-page-header">
        <h2>{network.name}</h2>
        {network.description !== '' ? <p className="muted small">{network.description}</p> : null}
        <TabList base={base} label="Network pages" tabs={TABS} active={tab} onSelect={setTab} />
        {tab === 'graph' && network.waves.length > 0 ? (
          <label className="inline-field wave-picker">
            <span>Wave</span>
            <select
              value={wave?.id ?? ''}
              onChange={(event) => setWaveId(event.target.value as NetworkWaveId)}
            >
              {network.waves.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.wave} ({candidate.people.length} people, {candidate.ties.length} ties)
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <ExportWaveMenu
          network={network}
          {...(tab === 'graph' && wave !== undefined ? { waveId: wave.id } : {})}
        />
      </div>
      <div id={tabPanelId(base)} role="tabpanel" aria-labelledby={tabId(base, tab)}>
        {tab === 'privacy' ? (
          <PrivacyPanel network={network} onChanged={(privacy) => setChanged({ for: loaded, privacy })} />
        ) : tab === 'compare' ? (
          <WaveComparison network={network} />
        ) : tab === 'link' ? (
          <NetworkLinkPanel network={network} />
        ) : wave === undefined ? (
          <p className="muted">This network has no wave yet: add one.</p>
        ) : (
          <GraphTab
            key={`${wave.id} ${wave.updatedAt}`}
            network={network}
            wave={wave}
            encoding={encoding}
            onEncoding={setEncoding}
          />
        )}
      </div>
    </div>
  );
}
