import { useEffect, useId, useMemo, useState } from 'react';
import type {
  DuplicateRule,
  NetworkDocument,
  NetworkFile,
  NetworkImportFormat,
  NetworkPrivacy,
} from '../../../../electron/api/contract';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ImportProblemList, type PlacedProblem } from '../../components/ImportProblemList';
import { PseudonymChoice } from '../../components/people-data/PseudonymChoice';
import { FilePicker } from './FilePicker';
import { MERGE_RULE_CHOICES } from './merge-rules';
import { privacyOf } from '../privacy/network-privacy';
import { formatOfFileName, previewImport, refusalLines, type ImportPreview } from './preview';
import '../privacy/privacy.css';
import './network-io.css';

export interface ImportNetworkDialogProps {
  readonly projectId: string;
  /** Given: the import adds a wave (or the waves of the file) to this network; otherwise it creates one. */
  readonly network?: NetworkDocument;
  readonly onClose: () => void;
  readonly onImported: (network: NetworkDocument) => void;
}

const FORMAT_CHOICES: readonly { readonly format: NetworkImportFormat; readonly label: string }[] = [
  { format: 'csv', label: 'Edge list (CSV)' },
  { format: 'matrix', label: 'Survey matrix (CSV)' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'gexf', label: 'GEXF' },
];

const MAIN_FILE_WORDS: Readonly<
  Record<NetworkImportFormat, { label: string; accept: string; help: string }>
> = {
  csv: {
    label: 'Edge list',
    accept: '.csv,.tsv,.txt,text/csv',
    help: 'source,target and optionally weight (tie strength > 0), wave or date, type. One row per tie: "source gives support to target".',
  },
  matrix: {
    label: 'Matrix',
    accept: '.csv,.tsv,.txt,text/csv',
    help: 'The people across the header and down the first column; the cell in row i, column j is how much i supports j (blank or 0: no tie).',
  },
  graphml: {
    label: 'GraphML file',
    accept: '.graphml,.xml',
    help: 'The people, their attributes and the ties, as Gephi, yEd, networkx or igraph write them.',
  },
  gexf: {
    label: 'GEXF file',
    accept: '.gexf',
    help: 'The people, their attributes and the ties, as Gephi writes them.',
  },
};

const takesNodeFile = (format: NetworkImportFormat) => format === 'csv' || format === 'matrix';

/** A network's name from its file: "org-edges.csv" -> "org-edges". */
const nameOfFile = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim() || fileName;

async function readFile(file: File): Promise<NetworkFile> {
  return { fileName: file.name, text: await file.text() };
}

/**
 * Imports a network, or a new wave of one: the files (an edge list and an optional node table, a survey matrix,
 * or a GraphML or GEXF file), a preview of what they hold (people, ties, waves, teams) read in the page with the
 * backend's own checks, the rule for duplicate ties, the direction and the name. Every problem is listed with
 * its file, row and column; the backend saves every wave or none.
 */
export function ImportNetworkDialog({ projectId, network, onClose, onImported }: ImportNetworkDialogProps) {
  const adding = network !== undefined;
  const ids = { name: useId(), wave: useId(), rules: useId(), preview: useId() };
  const [format, setFormat] = useState<NetworkImportFormat>('csv');
  const [edges, setEdges] = useState<NetworkFile | undefined>();
  const [nodes, setNodes] = useState<NetworkFile | undefined>();
  const [name, setName] = useState('');
  const [wave, setWave] = useState('');
  const [directed, setDirected] = useState(network?.directed ?? true);
  const [mergeRule, setMergeRule] = useState<DuplicateRule>('error');
  const [refusal, setRefusal] = useState<{ summary: string; lines: PlacedProblem[] } | undefined>();
  const [busy, setBusy] = useState(false);
  // Issue 11: pseudonyms are on unless the user turns them off; the key is kept only if asked for.
  const [pseudonymize, setPseudonymize] = useState(true);
  const [keepKey, setKeepKey] = useState(false);
  // An added wave follows its network's setting; read afresh, as the key may have been deleted meanwhile.
  const [networkPrivacy, setNetworkPrivacy] = useState<NetworkPrivacy | undefined>(
    network === undefined ? undefined : privacyOf(network),
  );
  const networkId = network?.id;
  useEffect(() => {
    if (networkId === undefined) return;
    let current = true;
    call('network.privacy', { id: networkId }).then(
      (read) => {
        if (current) setNetworkPrivacy(read);
      },
      // The document's copy stays; a real problem shows when the wave is added.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [networkId]);

  const preview = useMemo((): ImportPreview | undefined => {
    if (edges === undefined) return undefined;
    const withNodes = takesNodeFile(format) ? nodes : undefined;
    return previewImport({ format, edges, nodes: withNodes, directed, mergeRule, wave }, network);
  }, [format, edges, nodes, directed, mergeRule, wave, network]);

  const chooseMain = async (file: File) => {
    setRefusal(undefined);
    const read = await readFile(file);
    setEdges(read);
    const guessed = formatOfFileName(file.name);
    // A CSV file keeps the kind the user chose (edge list or matrix); an XML file says what it is.
    if (guessed !== 'csv') setFormat(guessed);
    else if (!takesNodeFile(format)) setFormat('csv');
    if (!adding && name.trim() === '') setName(nameOfFile(file.name));
  };

  const chooseNodes = async (file: File) => {
    setRefusal(undefined);
    setNodes(await readFile(file));
  };

  const submit = async () => {
    if (edges === undefined) return;
    setBusy(true);
    setRefusal(undefined);
    const files = {
      format,
      edges,
      ...(takesNodeFile(format) && nodes !== undefined ? { nodes } : {}),
      ...(wave.trim() === '' ? {} : { wave: wave.trim() }),
      mergeRule,
    };
    try {
      const saved = adding
        ? await call('network.addWave', { id: network.id, ...files })
        : await call('network.import', {
            projectId,
            name: name.trim(),
            directed,
            pseudonymize,
            keepKey: pseudonymize && keepKey,
            ...files,
          });
      onImported(saved);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setRefusal(refusalLines(text));
    } finally {
      setBusy(false);
    }
  };

  const rowWord = format === 'graphml' || format === 'gexf' ? 'Line' : 'Row';
  const words = MAIN_FILE_WORDS[format];
  const canImport = preview?.ok === true && !busy && (adding || name.trim() !== '');

  return (
    <Dialog title={adding ? `Add a wave to “${network.name}”` : 'Import a network'} open onClose={onClose}>
      <form
        className="form network-io network-import"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="choice-row">
          <legend>File kind</legend>
          {FORMAT_CHOICES.map((choice) => (
            <label key={choice.format} className="choice">
              <input
                type="radio"
                name="network-format"
                value={choice.format}
                checked={format === choice.format}
                onChange={() => {
                  setFormat(choice.format);
                  setRefusal(undefined);
                }}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>

        <div className="file-grid">
          <FilePicker
            label={words.label}
            accept={words.accept}
            fileName={edges?.fileName}
            testId="network-edges-file"
            help={words.help}
            onFile={(file) => void chooseMain(file)}
          />
          {takesNodeFile(format) ? (
            <FilePicker
              label="People (optional)"
              accept=".csv,.tsv,.txt,text/csv"
              fileName={nodes?.fileName}
              testId="network-nodes-file"
              help={`id, then any attributes: name, team, role, tenure… With it, a tie naming an id not in the file is refused. ${
                adding
                  ? `Without it, the wave has the people of wave “${network.waves.at(-1)?.wave ?? ''}”.`
                  : 'Without it, the people are the ids the ties name.'
              }`}
              onFile={(file) => void chooseNodes(file)}
              onRemove={() => setNodes(undefined)}
            />
          ) : null}
        </div>

        <div className="form-grid">
          {adding ? null : (
            <div className="field">
              <label htmlFor={ids.name}>Network name</label>
              <input
                id={ids.name}
                value={name}
                maxLength={200}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.wave}>Wave label (optional)</label>
            <input
              id={ids.wave}
              value={wave}
              maxLength={100}
              placeholder={
                format === 'csv'
                  ? 'from the wave column, else Wave n'
                  : `Wave ${(network?.waves.length ?? 0) + 1}`
              }
              onChange={(event) => setWave(event.target.value)}
            />
          </div>
          {!takesNodeFile(format) ? null : adding ? (
            <p className="muted small">
              Ties {network.directed ? 'directed (giver → receiver)' : 'undirected'}, as the network’s other
              waves.
            </p>
          ) : (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={directed}
                onChange={(event) => setDirected(event.target.checked)}
              />
              Directed: a tie goes from the giver to the receiver
            </label>
          )}
        </div>

        <fieldset className="merge-rules" aria-describedby={ids.rules}>
          <legend>Two rows for the same tie</legend>
          <p id={ids.rules} className="muted small">
            Surveys often list a tie twice (two kinds of support, two raters). Choose how such rows combine.
          </p>
          <div className="rule-grid">
            {MERGE_RULE_CHOICES.map((choice) => (
              <label key={choice.rule} className="merge-rule">
                <input
                  type="radio"
                  name="merge-rule"
                  value={choice.rule}
                  checked={mergeRule === choice.rule}
                  onChange={() => {
                    setMergeRule(choice.rule);
                    setRefusal(undefined);
                  }}
                />
                <span>
                  <strong>{choice.label}.</strong> {choice.sentence}
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {adding ? (
          <p className="small pseudonym-setting" data-testid="wave-pseudonyms">
            {networkPrivacy?.pseudonymized === true
              ? `“${network.name}” holds pseudonyms: the people of this wave get the pseudonyms they already have, newcomers get new ones, and their names are dropped.`
              : `“${network.name}” holds real names: this wave is saved with the ids and names of its files.`}
          </p>
        ) : (
          <PseudonymChoice
            legend="People’s names"
            label="Replace names with pseudonyms"
            help="Each person’s id becomes a stable code (P-…), the same in every later wave, and name columns are dropped, so the saved network, its views and exports hold no real name."
            keepKeyLabel="Keep the key in this workspace (lets you look people up; can be deleted later)"
            pseudonymize={pseudonymize}
            keepKey={keepKey}
            onPseudonymize={setPseudonymize}
            onKeepKey={setKeepKey}
          />
        )}

        <section className="import-preview" aria-labelledby={ids.preview} aria-live="polite">
          <h3 id={ids.preview}>Preview</h3>
          {preview?.ok === true && (adding ? networkPrivacy?.pseudonymized === true : pseudonymize) ? (
            <p className="muted small" data-testid="preview-pseudonym-note">
              The preview is read in this window and saves nothing, so it may show the files’ names; the saved
              network will hold pseudonyms.
            </p>
          ) : null}
          {preview === undefined ? (
            <p className="muted small">Choose a file to see what it holds.</p>
          ) : preview.ok ? (
            <PreviewTable preview={preview} />
          ) : (
            <ImportProblemList
              title={`The files have ${preview.problems.length === 1 ? 'a problem' : `${preview.problems.length} problems`}.`}
              problems={preview.problems}
              rowWord={rowWord}
            />
          )}
          {refusal !== undefined ? (
            <ImportProblemList title={refusal.summary} problems={refusal.lines} rowWord={rowWord} />
          ) : null}
        </section>

        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canImport}>
            {busy ? 'Importing…' : adding ? 'Add the wave' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PreviewTable({ preview }: { readonly preview: ImportPreview & { ok: true } }) {
  return (
    <>
      <p className="small">
        {preview.waves.length === 1 ? 'One wave' : `${preview.waves.length} waves`}, ties{' '}
        {preview.directed ? 'directed (giver → receiver)' : 'undirected'}.
      </p>
      <div className="table-frame">
        <table className="data-table" aria-label="What the files hold">
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col">People</th>
              <th scope="col">Ties</th>
              <th scope="col">Teams</th>
            </tr>
          </thead>
          <tbody>
            {preview.waves.map((wave, index) => (
              <tr key={index}>
                <th scope="row">{wave.label ?? 'named on import'}</th>
                <td className="number">{wave.people.toLocaleString('en-US')}</td>
                <td className="number">{wave.ties.toLocaleString('en-US')}</td>
                <td>
                  {wave.teams.length === 0
                    ? 'no team column'
                    : wave.teams.map((team) => `${team.team} (${team.people})`).join(', ')}
                  {wave.notes.length > 0 ? <div className="muted small">{wave.notes.join('; ')}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
