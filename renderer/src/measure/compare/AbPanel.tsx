import { useId } from 'react';
import { formatPValue } from '../../conjoint/format';
import { formatNumber, formatPercent, type AbResult } from '../../../../model/measure';
import {
  CONFIDENCE_LEVELS,
  defaultReference,
  kindOf,
  outcomeColumns,
  twoLevelColumns,
  type AbChoices,
  type ColumnProfile,
} from './compare-choices';
import { type Comparison } from './compare-run';
import {
  ComparisonNotes,
  ConfidenceField,
  LevelField,
  NotComputed,
  ResultPanel,
  TwoLevelColumnField,
} from './ComparisonParts';
import { SampleSizeCalculator } from './SampleSizeCalculator';

interface AbPanelProps {
  readonly profiles: readonly ColumnProfile[];
  readonly choices: AbChoices | null;
  readonly run: Comparison<AbResult> | null;
  readonly onChange: (choices: AbChoices) => void;
  readonly onExport: (format: 'csv' | 'json') => void;
}

const percentPoints = (value: number) => `${formatNumber(value * 100, 1)} pts`;

/**
 * A/B test: which column tells the variants apart (two values, the reference chosen), the outcome (a proportion
 * when it is yes/no or 0/1, else a mean) and the confidence level; each variant's n and rate or mean, the effect
 * with its interval and p, the engine's reading and assumptions, and a sample-size calculator.
 */
export function AbPanel({ profiles, choices, run, onChange, onExport }: AbPanelProps) {
  const id = useId();
  const groups = twoLevelColumns(profiles);
  if (choices === null)
    return (
      <div className="empty-state">
        <h3>No A/B test in this table</h3>
        <p>
          An A/B test needs a column with exactly two values (the variants) and a numeric or yes/no outcome.
        </p>
      </div>
    );
  const group = profiles.find((profile) => profile.name === choices.group);
  const outcomes = outcomeColumns(profiles).filter((profile) => profile.name !== choices.group);
  const outcome = profiles.find((profile) => profile.name === choices.outcome);
  const result = run?.status === 'done' ? run.result : null;
  const proportion = result?.kind === 'proportion';
  const show = (value: number) => (proportion ? formatPercent(value) : formatNumber(value, 3));
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-choices`}>
        <h3 id={`${id}-choices`} className="panel-title">
          A/B test
        </h3>
        <div className="form-grid">
          <TwoLevelColumnField
            id={`${id}-f0`}
            label="Variant column"
            value={choices.group}
            columns={groups}
            onChange={(name) => {
              const next = profiles.find((profile) => profile.name === name);
              const nextOutcome =
                choices.outcome === name ? outcomes.find((profile) => profile.name !== name) : outcome;
              onChange({
                ...choices,
                group: name,
                control: defaultReference(next),
                outcome: nextOutcome?.name ?? choices.outcome,
                kind: nextOutcome === outcome ? choices.kind : kindOf(nextOutcome),
              });
            }}
          />
          <LevelField
            id={`${id}-f1`}
            label="Reference (A)"
            value={choices.control}
            levels={group?.levels ?? []}
            onChange={(level) => onChange({ ...choices, control: level })}
          />
          <div className="field">
            <label htmlFor={`${id}-f2`}>Outcome</label>
            <select
              id={`${id}-f2`}
              value={choices.outcome}
              onChange={(event) => {
                const next = profiles.find((profile) => profile.name === event.target.value);
                onChange({ ...choices, outcome: event.target.value, kind: kindOf(next) });
              }}
            >
              {outcomes.map((profile) => (
                <option key={profile.name} value={profile.name}>
                  {profile.name} ({profile.binary ? 'yes/no' : 'numbers'})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-f3`}>Compared as</label>
            <select
              id={`${id}-f3`}
              value={choices.kind}
              onChange={(event) =>
                onChange({ ...choices, kind: event.target.value === 'mean' ? 'mean' : 'proportion' })
              }
            >
              <option value="proportion" disabled={outcome?.binary !== true}>
                A proportion (z-test)
              </option>
              <option value="mean" disabled={outcome?.numeric !== true}>
                A mean (Welch’s t-test)
              </option>
            </select>
          </div>
          <ConfidenceField
            id={`${id}-f4`}
            alpha={choices.alpha}
            onChange={(alpha) => onChange({ ...choices, alpha })}
          />
        </div>
      </section>
      {run === null ? null : run.status !== 'done' ? (
        <NotComputed what="The A/B test" run={run} />
      ) : (
        <ResultPanel
          id={`${id}-result`}
          testId="ab-result"
          exportLabel="Export the A/B test"
          onExport={onExport}
        >
          <div className="table-frame">
            <table className="data-table numeric">
              <caption>
                {run.result.test}; effect = {run.result.variant.level} − {run.result.control.level}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{choices.group}</th>
                  <th scope="col">n</th>
                  <th scope="col">{proportion ? `${choices.outcome} rate` : `Mean ${choices.outcome}`}</th>
                  {proportion ? null : <th scope="col">SD</th>}
                </tr>
              </thead>
              <tbody>
                {[run.result.control, run.result.variant].map((entry, index) => (
                  <tr key={entry.level} data-level={entry.level}>
                    <th scope="row">
                      {entry.level} <span className="muted small">{index === 0 ? '(reference)' : ''}</span>
                    </th>
                    <td>{entry.n.toLocaleString('en-US')}</td>
                    <td>{show(entry.estimate)}</td>
                    {proportion ? null : <td>{entry.sd === null ? '—' : formatNumber(entry.sd, 3)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="facts">
            <div>
              <dt>Effect</dt>
              <dd data-testid="ab-effect">
                {proportion ? percentPoints(run.result.effect) : formatNumber(run.result.effect, 3)}
              </dd>
            </div>
            <div>
              <dt>
                {CONFIDENCE_LEVELS.find((level) => level.alpha === choices.alpha)?.label ?? ''} interval
              </dt>
              <dd>
                {proportion
                  ? `${percentPoints(run.result.confidenceInterval[0])} to ${percentPoints(run.result.confidenceInterval[1])}`
                  : `${formatNumber(run.result.confidenceInterval[0], 3)} to ${formatNumber(run.result.confidenceInterval[1], 3)}`}
              </dd>
            </div>
            <div>
              <dt>p</dt>
              <dd data-testid="ab-p">{formatPValue(run.result.p)}</dd>
            </div>
            <div>
              <dt>{run.result.df === null ? 'z' : 't'}</dt>
              <dd>
                {formatNumber(run.result.statistic, 3)}
                {run.result.df === null ? '' : ` on ${formatNumber(run.result.df, 1)} df`}
              </dd>
            </div>
            <div>
              <dt>SE of the effect</dt>
              <dd>
                {formatNumber(run.result.stdError * (proportion ? 100 : 1), 3)}
                {proportion ? ' pts' : ''}
              </dd>
            </div>
          </dl>
          <ComparisonNotes
            reading={run.result.reading}
            assumptions={run.result.assumptions}
            dropped={run.result.droppedRows}
            warnings={run.result.assumptions.filter((text) => text.startsWith('Fewer than 10'))}
          />
        </ResultPanel>
      )}
      <SampleSizeCalculator
        key={result === null ? 'none' : `${choices.group} ${choices.outcome} ${choices.kind}`}
        result={result}
      />
    </>
  );
}
