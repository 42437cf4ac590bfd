/**
 * The numbers behind the charts: the KPI's distribution over the runs (mean, standard deviation, range and the
 * spec's percentiles) and, per parameter, its swing and Spearman's rank correlation with the KPI over the runs
 * (which also counts the parameter's effect while the others vary, where the swing holds them at their medians).
 */
import { displayName } from '../../../../model/sd';
import type { KpiSummary, Tornado } from '../../../../model/sd/sensitivity';
import { formatChange, formatPrecise, formatValue } from '../charts/number-format';

export function SummaryTable({
  summary,
  tornado,
  kpiLabel,
}: {
  readonly summary: KpiSummary;
  readonly tornado: Tornado;
  readonly kpiLabel: string;
}) {
  return (
    <div className="sensitivity-tables">
      <div className="table-frame">
        <table className="data-table sensitivity-summary">
          <caption>{kpiLabel} over the runs</caption>
          <thead>
            <tr>
              <th scope="col">Runs</th>
              <th scope="col">Mean</th>
              <th scope="col">SD</th>
              <th scope="col">Min</th>
              {summary.percentiles.map(({ percent }) => (
                <th key={percent} scope="col">
                  P{percent}
                </th>
              ))}
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                {summary.runs.toLocaleString('en-US')}
                {summary.missing > 0 ? ` (${summary.missing} not finite)` : ''}
              </td>
              <td>{formatPrecise(summary.mean)}</td>
              <td>{formatPrecise(summary.sd)}</td>
              <td>{formatPrecise(summary.min)}</td>
              {summary.percentiles.map(({ percent, value }) => (
                <td key={percent}>{formatPrecise(value)}</td>
              ))}
              <td>{formatPrecise(summary.max)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="table-frame">
        <table className="data-table sensitivity-effects">
          <caption>Effect of each parameter on {kpiLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">P5</th>
              <th scope="col">Median</th>
              <th scope="col">P95</th>
              <th scope="col">KPI at P5</th>
              <th scope="col">KPI at P95</th>
              <th scope="col">Swing</th>
              <th scope="col">Spearman ρ</th>
            </tr>
          </thead>
          <tbody>
            {tornado.entries.map((entry) => (
              <tr key={entry.parameter}>
                <th scope="row">{displayName(entry.parameter)}</th>
                <td>{formatValue(entry.low)}</td>
                <td>{formatValue(entry.median)}</td>
                <td>{formatValue(entry.high)}</td>
                <td>{formatPrecise(entry.kpiAtLow)}</td>
                <td>{formatPrecise(entry.kpiAtHigh)}</td>
                <td>{formatChange(entry.swing)}</td>
                <td>
                  {Number.isFinite(entry.rankCorrelation)
                    ? entry.rankCorrelation.toFixed(3).replace('-', '−')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
