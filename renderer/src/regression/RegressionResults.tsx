import { useId } from 'react';
import { formatEstimate, formatPValue, formatStatistic } from '../conjoint/format';
import { focusNames, type RegressionFit, type RegressionSpec } from './regression-run';
import { formulaOf } from './regression-export';

const fTest = (test: RegressionFit['fStatistic']): string =>
  test === null
    ? '—'
    : `${formatStatistic(test.value)} on ${test.df1} and ${test.df2} df, p ${formatPValue(test.p).replace(/^(\d)/, '= $1')}`;

/** The fit: the empathy score's reading first, the coefficient table, the fit statistics, every reading. */
export function RegressionResults({
  fit,
  spec,
  onExport,
}: {
  readonly fit: RegressionFit;
  readonly spec: RegressionSpec;
  readonly onExport: (format: 'csv' | 'json') => void;
}) {
  const id = useId();
  const focus = focusNames(fit, spec.focus);
  return (
    <section className="panel regression-results" aria-labelledby={`${id}-title`}>
      <div className="panel-heading">
        <h3 id={`${id}-title`} className="panel-title">
          Result
        </h3>
        <div className="export-group" role="group" aria-label="Export the regression">
          <span className="muted small">Export</span>
          <button type="button" onClick={() => onExport('csv')}>
            CSV
          </button>
          <button type="button" onClick={() => onExport('json')}>
            JSON
          </button>
        </div>
      </div>
      <p className="formula">
        <code>{formulaOf(fit, spec)}</code>
        <span className="muted small">
          {' '}
          · {fit.n} rows used
          {fit.droppedRows.length > 0
            ? `, ${fit.droppedRows.length} dropped for a missing value (rows ${fit.droppedRows.slice(0, 8).join(', ')}${fit.droppedRows.length > 8 ? ', …' : ''})`
            : ''}
        </span>
      </p>
      {focus.length > 0 ? (
        <div className="reading focus" aria-label="In plain words">
          {focus.map((name) => (
            <p key={name}>{fit.readings[name]}</p>
          ))}
        </div>
      ) : null}
      <div className="table-frame">
        <table className="data-table numeric coefficients">
          <caption>Coefficients, named as R’s lm names them</caption>
          <thead>
            <tr>
              <th scope="col">Coefficient</th>
              <th scope="col">Estimate</th>
              <th scope="col">Std. error</th>
              <th scope="col">t</th>
              <th scope="col">p</th>
            </tr>
          </thead>
          <tbody>
            {fit.rows.map((row) => (
              <tr
                key={row.name}
                data-coefficient={row.name}
                className={focus.includes(row.name) ? 'focus' : undefined}
              >
                <th scope="row">{row.name}</th>
                <td>{formatEstimate(row.estimate)}</td>
                <td>{formatEstimate(row.stdError)}</td>
                <td>{formatStatistic(row.t)}</td>
                <td>{formatPValue(row.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <div>
          <dt>R²</dt>
          <dd>{formatStatistic(fit.rSquared)}</dd>
        </div>
        <div>
          <dt>Adjusted R²</dt>
          <dd>{formatStatistic(fit.adjRSquared)}</dd>
        </div>
        <div>
          <dt>Residual standard error</dt>
          <dd>
            {formatStatistic(fit.residualStandardError)} on {fit.dfResidual} df
          </dd>
        </div>
        <div>
          <dt>F statistic</dt>
          <dd>{fTest(fit.fStatistic)}</dd>
        </div>
        {spec.se !== 'classical' ? (
          <div>
            <dt>Wald F ({spec.se.toUpperCase()})</dt>
            <dd>{fTest(fit.waldF)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Log-likelihood</dt>
          <dd>{formatStatistic(fit.logLik)}</dd>
        </div>
        <div>
          <dt>AIC / BIC</dt>
          <dd>
            {formatStatistic(fit.aic)} / {formatStatistic(fit.bic)}
          </dd>
        </div>
      </dl>
      <details className="readings">
        <summary>Every coefficient in plain words</summary>
        {fit.rows.map((row) => (
          <p key={row.name}>
            <strong>{row.name}.</strong> {fit.readings[row.name]}
          </p>
        ))}
      </details>
    </section>
  );
}
