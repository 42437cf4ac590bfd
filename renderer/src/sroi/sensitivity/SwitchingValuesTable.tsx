import type { SensitivityAnalysis } from '../../../../model/sroi';
import { formatNumber } from '../format';
import { ASSUMPTION_LABELS } from './sensitivity-settings';
import { describeChange, formatAssumptionValue, noSwitchingValue } from './sensitivity-rows';

/** Every outcome × assumption: its value now, the ratio over its range, and its switching value. */
export function SwitchingValuesTable({
  analysis,
  currency,
}: {
  readonly analysis: SensitivityAnalysis;
  readonly currency: string | undefined;
}) {
  return (
    <div className="table-scroll">
      <table className="sroi-table figures switching-values">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Assumption</th>
            <th scope="col" className="number">
              Value now
            </th>
            <th scope="col" className="number">
              Range
            </th>
            <th scope="col" className="number">
              Ratio over the range (: 1)
            </th>
            <th scope="col" className="number">
              Switching value
            </th>
            <th scope="col" className="number">
              Change needed
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.assumptions.map((row) => (
            <tr
              key={`${row.outcomeId}-${row.assumption}`}
              data-assumption={`${row.outcomeId} ${row.assumption}`}
            >
              <td>{row.outcomeId}</td>
              <td>
                {ASSUMPTION_LABELS[row.assumption]}
                {row.valueKind === 'scale' ? (
                  <span className="muted small"> (scale on the simulated series)</span>
                ) : null}
              </td>
              <td className="number">{formatAssumptionValue(row, row.baseValue, currency)}</td>
              <td className="number">
                {formatAssumptionValue(row, row.lowValue, currency)} –{' '}
                {formatAssumptionValue(row, row.highValue, currency)}
              </td>
              <td className="number">
                {formatNumber(row.ratioAtLow, 2)} → {formatNumber(row.ratioAtHigh, 2)}
              </td>
              <td className="number">
                {row.switchingValue === null ? (
                  <span className="muted small">{noSwitchingValue(analysis.baseRatio)}</span>
                ) : (
                  formatAssumptionValue(row, row.switchingValue, currency)
                )}
              </td>
              <td className="number">{describeChange(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
