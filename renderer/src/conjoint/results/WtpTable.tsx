import type { ConjointEstimation } from '../../../../electron/api/contract';
import { formatStatistic } from '../format';

/** Normal 97.5% quantile, for the 95% interval around a delta-method (or posterior) estimate. */
const Z_975 = 1.959963984540054;

/**
 * Willingness to pay for each level against its attribute's reference (and per unit of a numeric attribute):
 * the value, its standard error, a 95% interval, and how it was computed.
 */
export function WtpTable({
  estimation,
  units,
}: {
  readonly estimation: ConjointEstimation;
  readonly units: string;
}) {
  const entries = estimation.report.willingnessToPay ?? [];
  return (
    <div className="table-frame">
      <table className="data-table numeric wtp">
        <caption>
          In {units}. Positive: customers pay that much more for the level than for the reference; negative:
          it has to be that much cheaper. Interval: estimate ± 1.96 SE.
        </caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">WTP</th>
            <th scope="col">{estimation.kind === 'hb' ? 'Posterior SD' : 'Std. error'}</th>
            <th scope="col">95% interval</th>
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.label}
              data-wtp={entry.level === undefined ? entry.attribute : `${entry.attribute}:${entry.level}`}
            >
              <th scope="row">
                {entry.level === undefined
                  ? `${entry.attribute} (per unit)`
                  : `${entry.attribute}: ${entry.level}`}
                {entry.versus !== undefined ? <span className="muted small"> vs {entry.versus}</span> : null}
              </th>
              <td>{formatStatistic(entry.value)}</td>
              <td>{formatStatistic(entry.stdError)}</td>
              <td>
                {entry.value === null || entry.stdError === null
                  ? '—'
                  : `${formatStatistic(entry.value - Z_975 * entry.stdError)} to ${formatStatistic(entry.value + Z_975 * entry.stdError)}`}
              </td>
              <td className="muted small">{entry.method}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
