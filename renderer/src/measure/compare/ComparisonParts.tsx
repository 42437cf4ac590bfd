import type { ReactNode } from 'react';
import { CONFIDENCE_LEVELS, type ColumnProfile } from './compare-choices';
import { refusalText, type Comparison } from './compare-run';

/**
 * Pieces both comparisons show: the choice of a two-value column, of one of its values and of the confidence
 * level; why a comparison was not computed; the export buttons; and the reading with its assumptions and warnings.
 */

/** A choice among columns with exactly two values, each shown with its values: "arm (A, B)". */
export function TwoLevelColumnField({
  id,
  label,
  value,
  columns,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly columns: readonly ColumnProfile[];
  readonly onChange: (name: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {columns.map((profile) => (
          <option key={profile.name} value={profile.name}>
            {profile.name} ({profile.levels.join(', ')})
          </option>
        ))}
      </select>
    </div>
  );
}

/** A choice of one of a column's values (the reference variant, the control group, the period before). */
export function LevelField({
  id,
  label,
  value,
  levels,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly levels: readonly string[];
  readonly onChange: (level: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {levels.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ConfidenceField({
  id,
  alpha,
  onChange,
}: {
  readonly id: string;
  readonly alpha: number;
  readonly onChange: (alpha: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Confidence</label>
      <select id={id} value={alpha} onChange={(event) => onChange(Number(event.target.value))}>
        {CONFIDENCE_LEVELS.map((level) => (
          <option key={level.alpha} value={level.alpha}>
            {level.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Why a comparison has no result: the engine's problem, or groups under the minimum group size. */
export function NotComputed({
  what,
  run,
}: {
  /** What cannot be computed, as the sentence's subject: "The A/B test". */
  readonly what: string;
  readonly run: Exclude<Comparison<unknown>, { readonly status: 'done' }>;
}) {
  return run.status === 'problem' ? (
    <div className="banner error" role="alert">
      <p>
        {what} cannot be computed: {run.message}.
      </p>
    </div>
  ) : (
    <div className="banner warning compare-refused" role="alert">
      <p>{refusalText(run)}</p>
    </div>
  );
}

/** A comparison's result: its panel, headed "Result" with the export buttons. */
export function ResultPanel({
  id,
  testId,
  exportLabel,
  onExport,
  children,
}: {
  /** The heading's id, which names the panel. */
  readonly id: string;
  readonly testId: string;
  readonly exportLabel: string;
  readonly onExport: (format: 'csv' | 'json') => void;
  readonly children: ReactNode;
}) {
  return (
    <section className="panel compare-result" aria-labelledby={id} data-testid={testId}>
      <div className="panel-heading">
        <h3 id={id} className="panel-title">
          Result
        </h3>
        <ExportButtons label={exportLabel} onExport={onExport} />
      </div>
      {children}
    </section>
  );
}

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
