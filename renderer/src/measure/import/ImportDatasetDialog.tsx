import { useEffect, useId, useState } from 'react';
import type {
  MeasureDataset,
  MeasureDatasetKind,
  MeasureImportPreview,
} from '../../../../electron/api/contract';
import {
  MIN_GROUP_SIZE_DEFAULT,
  MIN_GROUP_SIZE_FLOOR,
  MIN_GROUP_SIZE_MESSAGE,
} from '../../../../model/privacy';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ImportProblemList, type PlacedProblem } from '../../components/ImportProblemList';
import { PseudonymChoice } from '../../components/people-data/PseudonymChoice';
import { errorText } from '../../conjoint/format';
import { FilePicker } from '../../network/import/FilePicker';
import { refusalLines } from '../../network/import/preview';
import '../../network/import/network-io.css';
import '../../network/privacy/privacy.css';
import {
  DATASET_KINDS,
  guessKind,
  headerOf,
  KIND_WORDS,
  nameOfFile,
  pseudonymsByDefault,
} from './dataset-kind';

interface ChosenFile {
  readonly fileName: string;
  readonly text: string;
}

type PreviewState =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly preview: MeasureImportPreview };

/**
 * Imports a CSV file as a data set (issue 10; issue 11 point 1): the kind guessed from its columns and changeable,
 * the backend's preview (columns, first rows, the id column, the identifying columns a pseudonymized import drops,
 * every problem with its row and column), the name, the people-data choices, then the import, which saves the
 * whole file or nothing.
 */
export function ImportDatasetDialog({
  projectId,
  onClose,
  onImported,
}: {
  readonly projectId: string;
  readonly onClose: () => void;
  readonly onImported: (dataset: MeasureDataset) => void;
}) {
  const ids = {
    name: useId(),
    idColumn: useId(),
    size: useId(),
    sizeHelp: useId(),
    preview: useId(),
  };
  const [file, setFile] = useState<ChosenFile | undefined>();
  const [kind, setKindState] = useState<MeasureDatasetKind>('survey');
  const [idColumn, setIdColumn] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [pseudonymize, setPseudonymize] = useState(true);
  const [keepKey, setKeepKey] = useState(false);
  const [consent, setConsent] = useState(false);
  const [sizeDraft, setSizeDraft] = useState(String(MIN_GROUP_SIZE_DEFAULT));
  const [preview, setPreview] = useState<PreviewState>({ status: 'none' });
  const [refusal, setRefusal] = useState<{ summary: string; lines: PlacedProblem[] } | undefined>();
  const [busy, setBusy] = useState(false);

  const setKind = (next: MeasureDatasetKind) => {
    setKindState(next);
    setPseudonymize(pseudonymsByDefault(next));
    setRefusal(undefined);
  };

  const choose = async (picked: File) => {
    const text = await picked.text();
    setRefusal(undefined);
    setIdColumn(undefined);
    setFile({ fileName: picked.name, text });
    setKind(guessKind(headerOf(text)));
    if (name.trim() === '' || name === nameOfFile(file?.fileName ?? '')) setName(nameOfFile(picked.name));
  };

  useEffect(() => {
    if (file === undefined) return;
    let current = true;
    // The preview is the backend's reading of the file; asking again when the kind or id column changes is this
    // effect's job, and its loading state is part of that.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPreview({ status: 'loading' });
    call('measure.previewImport', {
      projectId: projectId as MeasureDataset['projectId'],
      kind,
      fileName: file.fileName,
      text: file.text,
      ...(idColumn === undefined ? {} : { idColumn }),
    }).then(
      (read) => {
        if (current) setPreview({ status: 'ready', preview: read });
      },
      (error: unknown) => {
        if (current) setPreview({ status: 'failed', message: errorText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [projectId, file, kind, idColumn]);

  const size = Number(sizeDraft);
  const sizeError =
    sizeDraft.trim() === '' || !Number.isInteger(size) || size < MIN_GROUP_SIZE_FLOOR
      ? MIN_GROUP_SIZE_MESSAGE
      : undefined;
  const ready = preview.status === 'ready' ? preview.preview : undefined;
  const canImport =
    file !== undefined &&
    ready !== undefined &&
    ready.problems.length === 0 &&
    sizeError === undefined &&
    name.trim() !== '' &&
    !busy;

  const submit = async () => {
    if (!canImport) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const saved = await call('measure.import', {
        projectId: projectId as MeasureDataset['projectId'],
        name: name.trim(),
        kind,
        fileName: file.fileName,
        text: file.text,
        ...(ready.idColumn === null ? {} : { idColumn: ready.idColumn }),
        pseudonymize,
        keepKey: pseudonymize && keepKey,
        individualConsent: consent,
        minGroupSize: size,
      });
      onImported(saved);
    } catch (error) {
      setRefusal(refusalLines(errorText(error)));
    } finally {
      setBusy(false);
    }
  };

  // The backend's messages name the file, row and column ("survey.csv row 3, column "IRI2": ..."); the table
  // gives those their own columns, so only the rest of each sentence is kept, read as a refusal's lines are.
  const problems: PlacedProblem[] =
    ready === undefined || file === undefined
      ? []
      : ready.problems.map((problem) => ({
          fileName: file.fileName,
          row: problem.row,
          column: problem.column,
          message: refusalLines(`\n${problem.message}`).lines[0]?.message ?? problem.message,
        }));

  return (
    <Dialog title="Import a data set" open onClose={onClose}>
      <form
        className="form network-io measure-import"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FilePicker
          label="CSV file"
          accept=".csv,.tsv,.txt,text/csv"
          fileName={file?.fileName}
          testId="measure-file"
          help="One header row, then one row per record. The kind below is guessed from the columns."
          onFile={(picked) => void choose(picked)}
        />

        <fieldset className="choice-row">
          <legend>Kind</legend>
          {DATASET_KINDS.map((candidate) => (
            <label key={candidate} className="choice" title={KIND_WORDS[candidate].columns}>
              <input
                type="radio"
                name="measure-kind"
                value={candidate}
                checked={kind === candidate}
                onChange={() => setKind(candidate)}
              />
              {KIND_WORDS[candidate].label}
            </label>
          ))}
        </fieldset>
        <p className="muted small help" data-testid="kind-columns">
          {KIND_WORDS[kind].label}: {KIND_WORDS[kind].columns}.
        </p>

        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.name}>Name</label>
            <input
              id={ids.name}
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.idColumn}>Id column</label>
            <select
              id={ids.idColumn}
              value={ready?.idColumn ?? ''}
              disabled={ready === undefined}
              onChange={(event) => setIdColumn(event.target.value)}
            >
              {ready?.idColumn === null || ready === undefined ? (
                <option value="">no id column</option>
              ) : null}
              {ready?.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </div>
          <div className="field group-size-field">
            <label htmlFor={ids.size}>Minimum group size</label>
            <input
              id={ids.size}
              type="number"
              min={MIN_GROUP_SIZE_FLOOR}
              step={1}
              value={sizeDraft}
              aria-describedby={ids.sizeHelp}
              aria-invalid={sizeError !== undefined}
              onChange={(event) => setSizeDraft(event.target.value)}
            />
          </div>
        </div>
        <p
          id={ids.sizeHelp}
          className={sizeError === undefined ? 'muted small help' : 'form-error'}
          role={sizeError === undefined ? undefined : 'alert'}
        >
          {sizeError ?? 'Team figures hide any group with fewer people than this.'}
        </p>

        <PseudonymChoice
          legend="People’s ids"
          label="Replace ids with pseudonyms"
          help="Each id becomes a stable code (P-…) and the identifying columns (name, e-mail, phone…) are dropped, so the saved data set, its views and exports hold no real name."
          keepKeyLabel="Keep the key to look people up later (can be deleted later)"
          pseudonymize={pseudonymize}
          keepKey={keepKey}
          onPseudonymize={setPseudonymize}
          onKeepKey={setKeepKey}
        >
          <label className="checkbox">
            <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
            Participants agreed to individual views
          </label>
        </PseudonymChoice>

        <section className="import-preview" aria-labelledby={ids.preview} aria-live="polite">
          <h3 id={ids.preview}>Preview</h3>
          {preview.status === 'none' ? (
            <p className="muted small">Choose a file to see what it holds.</p>
          ) : preview.status === 'loading' ? (
            <p className="muted small">Reading the file…</p>
          ) : preview.status === 'failed' ? (
            <ImportProblemList
              title="The file cannot be read."
              problems={[
                { fileName: file?.fileName ?? null, row: null, column: null, message: preview.message },
              ]}
              rowWord="Row"
            />
          ) : (
            <PreviewTable preview={preview.preview} pseudonymize={pseudonymize} />
          )}
          {problems.length > 0 ? (
            <ImportProblemList
              title={`The file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}.`}
              problems={problems}
              rowWord="Row"
            />
          ) : null}
          {refusal !== undefined ? (
            <ImportProblemList title={refusal.summary} problems={refusal.lines} rowWord="Row" />
          ) : null}
        </section>

        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!canImport}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PreviewTable({
  preview,
  pseudonymize,
}: {
  readonly preview: MeasureImportPreview;
  readonly pseudonymize: boolean;
}) {
  const dropped = new Set(pseudonymize ? preview.identifyingColumns : []);
  // The cells a problem names, marked where the first rows show them (a sample row i is spreadsheet row i + 2).
  const flagged = new Set(preview.problems.map((problem) => `${problem.row ?? ''}:${problem.column ?? ''}`));
  return (
    <>
      <p className="small" data-testid="preview-summary">
        {preview.rowCount.toLocaleString('en-US')} rows, {preview.columns.length} columns
        {preview.idColumn === null ? ', no id column' : `, ids in “${preview.idColumn}”`}
        {preview.suggestedScale === null
          ? ''
          : `, the items of the ${preview.suggestedScale.toUpperCase()}`}.{' '}
        {preview.identifyingColumns.length === 0
          ? 'No identifying column.'
          : `Identifying columns ${pseudonymize ? 'dropped at import' : 'kept (no pseudonyms)'}: ${preview.identifyingColumns.join(', ')}.`}
      </p>
      {pseudonymize ? (
        <p className="muted small">
          The preview is read in this window and saves nothing, so it shows the file’s ids; the saved data set
          will hold pseudonyms.
        </p>
      ) : null}
      <div className="table-frame measure-table-frame">
        <table className="data-table measure-table" aria-label="The first rows of the file">
          <thead>
            <tr>
              {preview.columns.map((column, index) => (
                <th key={index} scope="col">
                  {dropped.has(column) ? (
                    <>
                      <s>{column}</s>
                      <span className="muted small"> (dropped)</span>
                    </>
                  ) : (
                    column
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {preview.columns.map((column, index) =>
                  flagged.has(`${rowIndex + 2}:${column}`) ? (
                    <td key={index} className="problem-cell" title="See the problem below">
                      {row[index] ?? ''}
                    </td>
                  ) : (
                    <td key={index}>{row[index] ?? ''}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
