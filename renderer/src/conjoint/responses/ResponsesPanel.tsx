import { useId, useState } from 'react';
import { readCsvText, type DataTable } from '../../../../model/stats';
import type { CellProblem, ConjointStudyRecord } from '../../../../electron/api/contract';
import { call } from '../../api';
import { errorText, formatWhen } from '../format';
import {
  FORMAT_ROLES,
  FORMAT_WORDS,
  guessMapping,
  missingChoices,
  RESPONSE_FORMATS,
  ROLE_WORDS,
  rolesFor,
  type ColumnMapping,
  type ResponseFormat,
} from './column-mapping';
import { ImportProblems } from './ImportProblems';
import { ResponsesSummary } from './ResponsesSummary';

interface OpenedFile {
  readonly name: string;
  readonly text: string;
  readonly table: DataTable;
}

/**
 * Responses: open a CSV, check how its columns are read (guessed from the header, every choice editable), and
 * import it. The file is imported whole or not at all; the problems are listed by row and column, and what was
 * saved before stays.
 */
export function ResponsesPanel({
  record,
  onChange,
}: {
  readonly record: ConjointStudyRecord;
  readonly onChange: (record: ConjointStudyRecord) => void;
}) {
  const { study, responses, design } = record.document;
  const id = useId();
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [profiles, setProfiles] = useState<OpenedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [problems, setProblems] = useState<{ list: readonly CellProblem[]; total: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (picked: File | undefined, which: 'responses' | 'profiles') => {
    if (picked === undefined) return;
    setProblems(null);
    setMessage(null);
    const text = await picked.text();
    const reading = readCsvText(text, picked.name);
    if (!reading.ok) {
      setMessage({ kind: 'error', text: reading.problem.message });
      return;
    }
    const opened = { name: picked.name, text, table: reading.table };
    if (which === 'profiles') {
      setProfiles(opened);
      if (mapping !== null)
        setMapping({ ...mapping, attributeColumns: guessMapping(reading.table, study).attributeColumns });
      return;
    }
    setFile(opened);
    setProfiles(null);
    setMapping(guessMapping(reading.table, study));
  };

  const submit = async () => {
    if (file === null || mapping === null) return;
    setBusy(true);
    setProblems(null);
    setMessage(null);
    const wide = mapping.format === 'ratings-wide';
    try {
      const answer = await call('conjoint.importResponses', {
        id: record.id,
        format: mapping.format,
        csv: file.text,
        fileName: file.name,
        columns: rolesFor(mapping),
        ...(mapping.format === 'choices' && mapping.noneAlternative.trim() !== ''
          ? { noneAlternative: mapping.noneAlternative.trim() }
          : {}),
        attributeColumns: wide && profiles === null ? {} : mapping.attributeColumns,
        ...(wide && profiles !== null ? { profilesCsv: profiles.text } : {}),
      });
      if (answer.status === 'rejected') {
        setProblems({ list: answer.problems, total: answer.totalProblems });
        return;
      }
      onChange(answer.study);
      setFile(null);
      setProfiles(null);
      setMapping(null);
      setMessage({ kind: 'info', text: `Imported ${file.name}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const columnsOf = (table: DataTable | undefined) => table?.columns ?? [];
  const missing =
    mapping === null
      ? []
      : missingChoices({
          ...mapping,
          ...(mapping.format === 'ratings-wide' && profiles === null ? { attributeColumns: {} } : {}),
        });
  const wideWithoutDesign =
    mapping?.format === 'ratings-wide' && profiles === null && design?.kind !== 'profiles';

  return (
    <div className="responses-panel">
      {responses !== null ? <ResponsesSummary responses={responses} /> : null}
      <section className="panel" aria-labelledby={`${id}-import`}>
        <h3 id={`${id}-import`} className="panel-title">
          {responses === null ? 'Import responses' : 'Replace the responses'}
        </h3>
        <p className="muted small">
          CSV with a header row. Choices: one row per alternative shown, with respondent, task, alternative,
          chosen (1/0) and one column per attribute (a None alternative has blank attributes). Ratings: long,
          one row per profile rated, or wide, one row per respondent with one rating column per profile of the
          design, in order.
          {responses !== null
            ? ' Importing replaces the responses and drops the estimates made from them.'
            : ''}
        </p>
        <label className="file-field">
          <span>Response file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="responses-file"
            onChange={(event) => {
              void open(event.target.files?.[0], 'responses');
              event.target.value = '';
            }}
          />
        </label>
        {file !== null && mapping !== null ? (
          <div className="mapping">
            <p className="small">
              <strong>{file.name}</strong>: {file.table.rows.length.toLocaleString('en-US')} rows, columns{' '}
              {file.table.columns.join(', ')}.
            </p>
            <label className="field">
              <span>Format</span>
              <select
                value={mapping.format}
                onChange={(event) => setMapping({ ...mapping, format: event.target.value as ResponseFormat })}
              >
                {RESPONSE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {FORMAT_WORDS[format]}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="mapping-grid">
              <legend>Columns</legend>
              {FORMAT_ROLES[mapping.format].map(({ role, required }) => (
                <label key={role} className="field">
                  <span>
                    {ROLE_WORDS[role]}
                    {required ? '' : ' (optional)'}
                  </span>
                  <select
                    value={mapping.columns[role] ?? ''}
                    onChange={(event) =>
                      setMapping({ ...mapping, columns: { ...mapping.columns, [role]: event.target.value } })
                    }
                  >
                    <option value="">{required ? 'Choose…' : 'None'}</option>
                    {columnsOf(file.table).map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              {mapping.format === 'choices' ? (
                <label className="field">
                  <span>None alternative label (optional)</span>
                  <input
                    value={mapping.noneAlternative}
                    placeholder="none"
                    onChange={(event) => setMapping({ ...mapping, noneAlternative: event.target.value })}
                  />
                </label>
              ) : null}
            </fieldset>
            {mapping.format === 'ratings-wide' ? (
              <div className="wide-profiles">
                <p className="muted small">
                  Every column but the respondent’s is one profile’s rating, in the order of the profiles
                  rated:{' '}
                  {profiles !== null
                    ? `those of ${profiles.name} (${profiles.table.rows.length} profiles).`
                    : design?.kind === 'profiles'
                      ? `the study’s design (${design.profiles.length} profiles).`
                      : 'generate the study’s profile design first, or open the profiles file.'}
                </p>
                <label className="file-field">
                  <span>Profiles file (optional)</span>
                  <input
                    type="file"
                    accept=".csv,text/csv"
                    onChange={(event) => {
                      void open(event.target.files?.[0], 'profiles');
                      event.target.value = '';
                    }}
                  />
                </label>
              </div>
            ) : null}
            {mapping.format !== 'ratings-wide' || profiles !== null ? (
              <fieldset className="mapping-grid">
                <legend>
                  Attributes{mapping.format === 'ratings-wide' ? ' (in the profiles file)' : ''}
                </legend>
                {study.attributes.map((attribute) => (
                  <label key={attribute.name} className="field">
                    <span>{attribute.name}</span>
                    <select
                      value={mapping.attributeColumns[attribute.name] ?? ''}
                      onChange={(event) =>
                        setMapping({
                          ...mapping,
                          attributeColumns: {
                            ...mapping.attributeColumns,
                            [attribute.name]: event.target.value,
                          },
                        })
                      }
                    >
                      <option value="">Choose…</option>
                      {columnsOf(mapping.format === 'ratings-wide' ? profiles?.table : file.table).map(
                        (column) => (
                          <option key={column} value={column}>
                            {column}
                          </option>
                        ),
                      )}
                    </select>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div className="button-row">
              <button
                type="button"
                className="primary"
                disabled={busy || missing.length > 0 || wideWithoutDesign}
                onClick={() => void submit()}
              >
                {busy ? 'Importing…' : 'Import responses'}
              </button>
              {missing.length > 0 ? <span className="muted small">Choose {missing.join(', ')}.</span> : null}
            </div>
          </div>
        ) : null}
        {problems !== null ? <ImportProblems problems={problems.list} total={problems.total} /> : null}
        {message !== null ? (
          <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            <p>{message.text}</p>
          </div>
        ) : null}
      </section>
      {responses === null ? (
        <p className="muted small">
          No responses yet. The study was last changed {formatWhen(record.updatedAt)}.
        </p>
      ) : null}
    </div>
  );
}
