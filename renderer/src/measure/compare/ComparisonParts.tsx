/** Pieces both comparisons show: the export buttons, and the reading with its assumptions and warnings. */

export function ExportButtons({
  label,
  onExport,
}: {
  readonly label: string;
  readonly onExport: (format: 'csv' | 'json') => void;
}) {
  return (
    <div className="export-group" role="group" aria-label={label}>
      <span className="muted small">Export</span>
      <button type="button" onClick={() => onExport('csv')}>
        CSV
      </button>
      <button type="button" onClick={() => onExport('json')}>
        JSON
      </button>
    </div>
  );
}

export function ComparisonNotes({
  reading,
  assumptions,
  dropped,
  warnings,
}: {
  readonly reading: string;
  readonly assumptions: readonly string[];
  /** Rows left out for a missing value in a used column. */
  readonly dropped: number;
  /** Assumptions the data put in doubt, repeated as warnings. */
  readonly warnings: readonly string[];
}) {
  return (
    <>
      <div className="compare-reading" aria-label="In plain words" data-testid="compare-reading">
        <p>{reading}</p>
      </div>
      {warnings.length > 0 || dropped > 0 ? (
        <ul className="compare-warnings" aria-label="Warnings">
          {dropped > 0 ? (
            <li>
              {dropped.toLocaleString('en-US')} row{dropped === 1 ? '' : 's'} left out for a missing value in
              a column used.
            </li>
          ) : null}
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <div className="compare-assumptions">
        <h4>This rests on</h4>
        <ul>
          {assumptions.map((assumption) => (
            <li key={assumption}>{assumption}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
