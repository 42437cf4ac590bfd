import type { ConjointEstimation } from '../../../../electron/api/contract';
import { formatEstimate, formatPValue, formatStatistic } from '../format';

/** Estimates with standard errors, t or z and p, as the CLI's table; derived levels and HB's reading explained. */
export function CoefficientTable({ estimation }: { readonly estimation: ConjointEstimation }) {
  const { report, statistic, kind } = estimation;
  const derived = new Set(report.derivedLevels ?? []);
  const caption =
    kind === 'hb'
      ? 'Population means: posterior mean, posterior SD, their ratio, and the two-sided posterior tail probability.'
      : kind === 'ratings'
        ? 'Effects coding: each attribute’s part-worths sum to zero; the last level is minus the sum of the others.'
        : 'Dummy coding against each attribute’s first level; a numeric attribute has one coefficient per unit.';
  return (
    <div className="table-frame">
      <table className="data-table numeric coefficients">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Coefficient</th>
            <th scope="col">Estimate</th>
            <th scope="col">{kind === 'hb' ? 'Posterior SD' : 'Std. error'}</th>
            <th scope="col">{statistic}</th>
            <th scope="col">p</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.coefficients).map(([name, row]) => (
            <tr key={name} data-coefficient={name}>
              <th scope="row">
                {name}
                {derived.has(name) ? <span className="muted small"> (derived)</span> : null}
              </th>
              <td>{formatEstimate(row.estimate)}</td>
              <td>{formatEstimate(row.stdError)}</td>
              <td>{formatStatistic(statistic === 't' ? row.t : row.z)}</td>
              <td>{formatPValue(row.p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
