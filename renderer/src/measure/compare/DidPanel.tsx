import { useId } from 'react';
import { formatPValue } from '../../conjoint/format';
import { formatNumber, type StandardErrorRow } from '../../../../model/measure';
import {
  CONFIDENCE_LEVELS,
  defaultReference,
  outcomeColumns,
  twoLevelColumns,
  type ColumnProfile,
  type DidChoices,
  type DidStandardError,
} from './compare-choices';
import { type Comparison, type DidView } from './compare-run';
import {
  ComparisonNotes,
  ConfidenceField,
  LevelField,
  NotComputed,
  ResultPanel,
  TwoLevelColumnField,
} from './ComparisonParts';
import { DidChart } from './DidChart';

interface DidPanelProps {
  readonly profiles: readonly ColumnProfile[];
  /** Columns not offered as outcomes (a survey's `row`). */
  readonly hiddenOutcomes: readonly string[];
  readonly choices: DidChoices | null;
  readonly run: Comparison<DidView> | null;
  readonly onChange: (choices: DidChoices) => void;
  readonly onExport: (format: 'csv' | 'json') => void;
}

const SE_LABELS: Readonly<Record<DidStandardError, string>> = {
  classical: 'Classical (R’s lm)',
  hc1: 'Robust HC1',
  cluster: 'Clustered CR1 (Stata, statsmodels)',
};

const SE_SHORT: Readonly<Record<DidStandardError, string>> = {
  classical: 'classical',
  hc1: 'robust HC1',
  cluster: 'clustered CR1',
};

function SeRow({
  name,
  row,
  chosen,
}: {
  readonly name: string;
  readonly row: StandardErrorRow;
  readonly chosen: boolean;
}) {
  return (
    <tr className={chosen ? 'focus' : undefined} data-se={name}>
      <th scope="row">{name}</th>
      <td>{formatNumber(row.stdError, 4)}</td>
      <td>
        {formatNumber(row.confidenceInterval[0], 3)} to {formatNumber(row.confidenceInterval[1], 3)}
      </td>
      <td>{formatNumber(row.t, 3)}</td>
      <td>{formatNumber(row.df, 0)}</td>
      <td>{formatPValue(row.p)}</td>
    </tr>
  );
}

/**
 * Difference in differences: the treated/control column, the before/after column, the outcome, an optional
 * cluster (a person or team in both periods) and the standard error; the 2×2 means, the estimate with each SE,
 * the reading and assumptions, and a chart of the two groups with the counterfactual.
 */
export function DidPanel({ profiles, hiddenOutcomes, choices, run, onChange, onExport }: DidPanelProps) {
  const id = useId();
  const twoLevel = twoLevelColumns(profiles);
  if (choices === null)
    return (
      <div className="empty-state">
        <h3>No before/after comparison in this table</h3>
        <p>
          A difference in differences needs two two-value columns (treated or not; before or after) and a
          numeric outcome.
        </p>
      </div>
    );
  const group = profiles.find((profile) => profile.name === choices.group);
  const period = profiles.find((profile) => profile.name === choices.period);
  const outcomes = outcomeColumns(profiles).filter(
    (profile) =>
      profile.numeric &&
      profile.name !== choices.group &&
      profile.name !== choices.period &&
      !hiddenOutcomes.includes(profile.name),
  );
  const clusters = profiles.filter(
    (profile) =>
      profile.name !== choices.outcome && !hiddenOutcomes.includes(profile.name) && profile.distinct > 1,
  );
  const confidence = CONFIDENCE_LEVELS.find((level) => level.alpha === choices.alpha)?.label ?? '';
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-choices`}>
        <h3 id={`${id}-choices`} className="panel-title">
          Difference in differences
        </h3>
        <div className="form-grid">
          <TwoLevelColumnField
            id={`${id}-f0`}
            label="Treated or not"
            value={choices.group}
            columns={twoLevel.filter((profile) => profile.name !== choices.period)}
            onChange={(name) => {
              const next = profiles.find((profile) => profile.name === name);
              onChange({ ...choices, group: name, control: defaultReference(next) });
            }}
          />
          <LevelField
            id={`${id}-f1`}
            label="Control value"
            value={choices.control}
            levels={group?.levels ?? []}
            onChange={(level) => onChange({ ...choices, control: level })}
          />
          <TwoLevelColumnField
            id={`${id}-f2`}
            label="Before or after"
            value={choices.period}
            columns={twoLevel.filter((profile) => profile.name !== choices.group)}
            onChange={(name) => {
              const next = profiles.find((profile) => profile.name === name);
              onChange({ ...choices, period: name, before: defaultReference(next) });
            }}
          />
          <LevelField
            id={`${id}-f3`}
            label="Before value"
            value={choices.before}
            levels={period?.levels ?? []}
            onChange={(level) => onChange({ ...choices, before: level })}
          />
          <div className="field">
            <label htmlFor={`${id}-f4`}>Outcome</label>
            <select
              id={`${id}-f4`}
              value={choices.outcome}
              onChange={(event) => onChange({ ...choices, outcome: event.target.value })}
            >
              {outcomes.map((profile) => (
                <option key={profile.name} value={profile.name}>
                  {profile.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-f5`}>Cluster (same person or team)</label>
            <select
              id={`${id}-f5`}
              value={choices.cluster}
              onChange={(event) =>
                onChange({
                  ...choices,
                  cluster: event.target.value,
                  se:
                    event.target.value === ''
                      ? choices.se === 'cluster'
                        ? 'classical'
                        : choices.se
                      : 'cluster',
                })
              }
            >
              <option value="">None</option>
              {clusters.map((profile) => (
                <option key={profile.name} value={profile.name}>
                  {profile.name} ({profile.distinct.toLocaleString('en-US')} values)
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-f6`}>Standard error</label>
            <select
              id={`${id}-f6`}
              value={choices.se}
              onChange={(event) => onChange({ ...choices, se: event.target.value as DidStandardError })}
            >
              {(Object.keys(SE_LABELS) as DidStandardError[]).map((kind) => (
                <option key={kind} value={kind} disabled={kind === 'cluster' && choices.cluster === ''}>
                  {SE_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <ConfidenceField
            id={`${id}-f7`}
            alpha={choices.alpha}
            onChange={(alpha) => onChange({ ...choices, alpha })}
          />
        </div>
      </section>
      {run === null ? null : run.status !== 'done' ? (
        <NotComputed what="The difference in differences" run={run} />
      ) : (
        <ResultPanel
          id={`${id}-result`}
          testId="did-result"
          exportLabel="Export the difference in differences"
          onExport={onExport}
        >
          <div className="compare-did-grid">
            <div className="table-frame">
              <table className="data-table numeric compare-cells">
                <caption>
                  Mean {choices.outcome} (n) by {choices.group} and {choices.period}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{choices.group}</th>
                    <th scope="col">{run.result.result.before}</th>
                    <th scope="col">{run.result.result.after}</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {[run.result.result.control, run.result.result.treated].map((level) => {
                    const cells = run.result.result.cells.filter((cell) => cell.group === level);
                    const before = cells.find((cell) => cell.period === run.result.result.before);
                    const after = cells.find((cell) => cell.period === run.result.result.after);
                    return (
                      <tr key={level} data-level={level}>
                        <th scope="row">
                          {level}{' '}
                          <span className="muted small">
                            {level === run.result.result.control ? '(control)' : '(treated)'}
                          </span>
                        </th>
                        <td>
                          {before === undefined ? '—' : `${formatNumber(before.mean, 3)} (${before.n})`}
                        </td>
                        <td>{after === undefined ? '—' : `${formatNumber(after.mean, 3)} (${after.n})`}</td>
                        <td>
                          {before === undefined || after === undefined
                            ? '—'
                            : formatNumber(after.mean - before.mean, 3)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <dl className="facts">
              <div>
                <dt>Difference in differences</dt>
                <dd data-testid="did-estimate">{formatNumber(run.result.result.estimate, 3)}</dd>
              </div>
              <div>
                <dt>SE, {SE_SHORT[run.result.se]}</dt>
                <dd data-testid="did-se">{formatNumber(run.result.row.stdError, 4)}</dd>
              </div>
              <div>
                <dt>{confidence} interval</dt>
                <dd>
                  {formatNumber(run.result.row.confidenceInterval[0], 3)} to{' '}
                  {formatNumber(run.result.row.confidenceInterval[1], 3)}
                </dd>
              </div>
              <div>
                <dt>p</dt>
                <dd data-testid="did-p">{formatPValue(run.result.row.p)}</dd>
              </div>
            </dl>
          </div>
          <ComparisonNotes
            reading={run.result.reading}
            assumptions={run.result.assumptions}
            dropped={run.result.result.droppedRows}
            warnings={
              run.result.result.cluster !== null && run.result.result.cluster.clusters < 40
                ? [
                    `Only ${run.result.result.cluster.clusters} clusters: the clustered SE can be too small with fewer than about 40.`,
                  ]
                : []
            }
          />
          <DidChart result={run.result.result} outcome={choices.outcome} />
          <div className="table-frame">
            <table className="data-table numeric compare-se">
              <caption>The estimate’s standard error each way (the chosen one highlighted)</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">SE</th>
                  <th scope="col">{confidence} interval</th>
                  <th scope="col">t</th>
                  <th scope="col">df</th>
                  <th scope="col">p</th>
                </tr>
              </thead>
              <tbody>
                <SeRow
                  name="Classical"
                  row={run.result.result.classical}
                  chosen={run.result.se === 'classical'}
                />
                <SeRow name="HC1" row={run.result.result.hc1} chosen={run.result.se === 'hc1'} />
                {run.result.result.cluster === null ? null : (
                  <SeRow
                    name={`CR1 by ${run.result.result.cluster.column} (${run.result.result.cluster.clusters} clusters)`}
                    row={run.result.result.cluster}
                    chosen={run.result.se === 'cluster'}
                  />
                )}
              </tbody>
            </table>
          </div>
        </ResultPanel>
      )}
    </>
  );
}
