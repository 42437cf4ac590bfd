import { useEffect, useId, useState } from 'react';
import type {
  MeasureDataset,
  MeasureDatasetSummary,
  MeasurePrivacy,
} from '../../../../electron/api/contract';
import { isIdentifyingColumn } from '../../../../model/privacy';
import { call } from '../../api';
import { errorText } from '../../conjoint/format';
import { downloadText } from '../../dynamics/download';
import { KIND_WORDS } from '../import/dataset-kind';
import { datasetCsvFileName, datasetCsvText, NAMES_SENTENCE, namesHeld } from './dataset-csv';
import { DatasetPeopleData } from './DatasetPeopleData';

/** Rows drawn at most: a survey of thousands stays quick to show; the export holds them all. */
export const ROWS_SHOWN = 200;

type Loading =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly dataset: MeasureDataset };

/**
 * One data set: its table (the first rows, the header kept in view while scrolling), its export as CSV (whose
 * name says whether it holds pseudonyms), and its people-data settings. The table is loaded whole when shown.
 */
export function DatasetDetail({
  summary,
  onChanged,
}: {
  readonly summary: MeasureDatasetSummary;
  /** A setting was saved: the list reloads. */
  readonly onChanged: () => void;
}) {
  const ids = { title: useId(), table: useId(), people: useId() };
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [privacy, setPrivacy] = useState<MeasurePrivacy>(summary.privacy);

  useEffect(() => {
    let current = true;
    call('measure.get', { id: summary.id }).then(
      (dataset) => {
        if (current) setLoading({ status: 'ready', dataset });
      },
      (error: unknown) => {
        if (current) setLoading({ status: 'failed', message: errorText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [summary.id]);

  const changed = (next: MeasurePrivacy) => {
    setPrivacy(next);
    onChanged();
  };
  const names = namesHeld(privacy, summary.columns.filter(isIdentifyingColumn));

  return (
    <article className="measure-detail" aria-labelledby={ids.title}>
      <header className="measure-detail-header">
        <h2 id={ids.title}>{summary.name}</h2>
        <p className="muted small">
          {KIND_WORDS[summary.kind].label} from {summary.fileName}
        </p>
      </header>

      <section aria-labelledby={ids.table}>
        <div className="toolbar">
          <h3 id={ids.table}>Table</h3>
          <span className="toolbar-spacer" />
          <button
            type="button"
            disabled={loading.status !== 'ready'}
            title={NAMES_SENTENCE[names]}
            onClick={() => {
              if (loading.status !== 'ready') return;
              downloadText(
                datasetCsvFileName(summary.name, privacy),
                'text/csv',
                datasetCsvText(loading.dataset.table),
              );
            }}
          >
            Export CSV
          </button>
          <span
            className={names === 'real' ? 'small export-names real' : 'muted small export-names'}
            data-testid="export-names"
          >
            {NAMES_SENTENCE[names]}
          </span>
        </div>
        {loading.status === 'loading' ? (
          <p className="muted">Loading the table…</p>
        ) : loading.status === 'failed' ? (
          <p className="form-error" role="alert">
            The table could not be loaded: {loading.message}
          </p>
        ) : (
          <DatasetTable dataset={loading.dataset} />
        )}
      </section>

      <section aria-labelledby={ids.people}>
        <h3 id={ids.people}>People data</h3>
        <DatasetPeopleData id={summary.id} name={summary.name} privacy={privacy} onChanged={changed} />
      </section>
    </article>
  );
}

function DatasetTable({ dataset }: { readonly dataset: MeasureDataset }) {
  const { columns, rows } = dataset.table;
  return (
    <>
      <div className="table-frame measure-table-frame" tabIndex={0} aria-label={`Table of ${dataset.name}`}>
        <table className="data-table measure-table">
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, ROWS_SHOWN).map((row, rowIndex) => (
              <tr key={rowIndex}>
                {columns.map((_column, index) => (
                  <td key={index}>{row[index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {rows.length > ROWS_SHOWN
          ? `The first ${ROWS_SHOWN} of ${rows.length.toLocaleString('en-US')} rows; the export holds them all.`
          : `All ${rows.length.toLocaleString('en-US')} rows.`}
      </p>
    </>
  );
}
