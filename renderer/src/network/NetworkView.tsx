import { useState } from 'react';
import type { NetworkDocument, NetworkId, Project } from '../../../electron/api/contract';
import { call } from '../api';
import { SECTIONS } from '../app/sections';
import { ProblemBanner } from '../components/ProblemBanner';
import { useChosenRecord } from '../components/use-chosen-record';
import { NetworkPage } from './NetworkPage';
import { ImportNetworkDialog } from './import/ImportNetworkDialog';
import { useNetworks } from './networks/use-networks';
import './network.css';

const section = SECTIONS.find((candidate) => candidate.id === 'network') ?? SECTIONS[0];
const selectedKey = (projectId: string): string => `empathy-workbench.network.${projectId}`;
const loadNetwork = (id: NetworkId) => call('network.get', { id });

type Importing = 'none' | 'network' | 'wave';

/**
 * The Network instrument for one project: its networks (an empty state offers an import), the chosen one opened
 * on its page (waves, graph, comparison), and the import dialog for a new network or a new wave.
 */
export function NetworkView({
  project,
  onChooseProject,
}: {
  readonly project: Project;
  readonly onChooseProject: () => void;
}) {
  const networks = useNetworks(project.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState<Importing>('none');

  const list = networks.state.status === 'ready' ? networks.state.networks : [];
  const {
    chosen,
    choose,
    record: document,
    setRecord: setDocument,
  } = useChosenRecord(selectedKey(project.id), list, loadNetwork, setProblem, (network) => network.updatedAt);
  const chosenId = chosen?.id;
  const imported = (network: NetworkDocument) => {
    setImporting('none');
    setDocument(network);
    choose(network.id);
    void networks.reload();
  };

  return (
    <section className="view wide network" aria-labelledby="instrument-title">
      <header className="view-header">
        <div>
          <h1 id="instrument-title">{section.label}</h1>
          <p className="muted small">Project: {project.name}</p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Networks">
          {list.length > 0 ? (
            <label className="inline-field">
              <span>Network</span>
              <select value={chosen?.id ?? ''} onChange={(event) => choose(event.target.value as NetworkId)}>
                {list.map((network) => (
                  <option key={network.id} value={network.id}>
                    {network.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {list.length > 0 ? (
            <button type="button" onClick={() => setImporting('network')}>
              Import network…
            </button>
          ) : null}
          {document !== undefined && document.id === chosenId ? (
            <button type="button" onClick={() => setImporting('wave')}>
              Add a wave…
            </button>
          ) : null}
        </div>
      </header>

      <ProblemBanner problem={problem} onDismiss={() => setProblem(null)} />
      {networks.state.status === 'loading' ? <p className="muted">Loading networks…</p> : null}
      {networks.state.status === 'failed' ? (
        <div className="banner error" role="alert">
          <p>The networks could not be loaded: {networks.state.message}</p>
        </div>
      ) : null}

      {networks.state.status === 'ready' && list.length === 0 ? (
        <div className="empty-state">
          <h2>No network in this project yet</h2>
          <p>
            A network records who gives support to whom in an organization, from a survey (“whom do you turn
            to when work gets hard?”) or an HR export: an edge list (giver, receiver, strength) and a table of
            people with their teams. Import one to see its brokers, silos and one-way ties, and compare survey
            waves.
          </p>
          <button type="button" className="primary" onClick={() => setImporting('network')}>
            Import a network
          </button>
          <p className="small">
            To see a finished example first, open the sample project (“Sample: empathy in a small service
            business”): its organization of 100 people was surveyed before and after a peer-support programme.
          </p>
          <button type="button" className="link" onClick={onChooseProject}>
            Go to projects
          </button>
        </div>
      ) : null}

      {document !== undefined && document.id === chosenId ? (
        <NetworkPage key={document.id} network={document} />
      ) : null}

      {importing !== 'none' ? (
        <ImportNetworkDialog
          projectId={project.id}
          {...(importing === 'wave' && document !== undefined ? { network: document } : {})}
          onClose={() => setImporting('none')}
          onImported={imported}
        />
      ) : null}
    </section>
  );
}
