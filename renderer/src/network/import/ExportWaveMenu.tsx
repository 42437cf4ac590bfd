import { useId, useState } from 'react';
import type { NetworkDocument, NetworkExportFormat, NetworkWaveId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { downloadText } from '../../dynamics/download';
import { privacyOf } from '../privacy/network-privacy';
import '../privacy/privacy.css';
import './network-io.css';

const EXPORT_CHOICES: readonly {
  readonly format: NetworkExportFormat;
  readonly label: string;
  readonly title: string;
}[] = [
  { format: 'csv', label: 'CSV', title: 'An edge list and a people table (two files)' },
  { format: 'graphml', label: 'GraphML', title: 'One file for Gephi, yEd, networkx, igraph' },
  { format: 'gexf', label: 'GEXF', title: 'One file for Gephi' },
];

/**
 * Exports one wave of a network (the backend writes the files: network.export) and downloads them, as the
 * Dynamics and Conjoint exports do.
 */
export function ExportWaveMenu({
  network,
  waveId,
}: {
  readonly network: NetworkDocument;
  /** The wave to export, when the page has already picked one (no choice is then offered); else a choice, the last first. */
  readonly waveId?: NetworkWaveId;
}) {
  const selectId = useId();
  const [chosen, setChosen] = useState<NetworkWaveId | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const wave = network.waves.find((candidate) => candidate.id === (waveId ?? chosen)) ?? network.waves.at(-1);
  // Said before the files leave the app (issue 11): the backend writes the same into the files (realNames).
  const realNames = !privacyOf(network).pseudonymized;

  const exportAs = async (format: NetworkExportFormat) => {
    if (wave === undefined) return;
    setProblem(undefined);
    try {
      const { files } = await call('network.export', { id: network.id, waveId: wave.id, format });
      for (const file of files) downloadText(file.fileName, file.mediaType, file.text);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="network-io export-wave" role="group" aria-label="Export a wave">
      {waveId !== undefined ? (
        <span className="muted small">Export wave “{wave?.wave}”</span>
      ) : (
        <>
          <label htmlFor={selectId} className="muted small">
            Export wave
          </label>
          <select
            id={selectId}
            value={wave?.id ?? ''}
            disabled={network.waves.length === 0}
            onChange={(event) => setChosen(event.target.value as NetworkWaveId)}
          >
            {network.waves.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.wave}
              </option>
            ))}
          </select>
        </>
      )}
      {EXPORT_CHOICES.map((choice) => (
        <button
          key={choice.format}
          type="button"
          title={choice.title}
          disabled={wave === undefined}
          onClick={() => void exportAs(choice.format)}
        >
          {choice.label}
        </button>
      ))}
      <span
        className={realNames ? 'small export-names real' : 'muted small export-names'}
        data-testid="export-names"
        title={
          realNames
            ? 'The exported files hold the ids and names as imported.'
            : 'The exported files hold pseudonyms, never the key.'
        }
      >
        {realNames ? 'Files hold real names' : 'Files hold pseudonyms'}
      </span>
      {problem !== undefined ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
