import type { SroiAnalysis, SroiEvaluation } from '../../../../model/sroi';
import { formatMoney, formatNumber, formatShare } from '../format';
import type { LinkedQuantities } from '../link/linked-runs';

/**
 * The value map as the report prints it: the impact map's figures per outcome with the impact of its first year
 * and its present value (the Guide's stage 4 table, with stage 5's result beside it).
 */
export function ValueMapTable({
  analysis,
  evaluation,
  currency,
  linked,
}: {
  readonly analysis: SroiAnalysis;
  readonly evaluation: SroiEvaluation;
  readonly currency: string | undefined;
  /** Linked outcomes' simulated quantities, to show the first year's in place of the map's figure. */
  readonly linked: ReadonlyMap<string, LinkedQuantities>;
}) {
  const money = (value: number) => formatMoney(value, currency);
  return (
    <div className="table-scroll">
      <table className="sroi-table figures value-map">
        <thead>
          <tr>
            <th scope="col">Stakeholder</th>
            <th scope="col">Outcome and indicator</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col" className="number">
              Duration (years)
            </th>
            <th scope="col" className="number">
              Start year
            </th>
            <th scope="col" className="number">
              Proxy value
            </th>
            <th scope="col" className="number">
              Dead&shy;weight
            </th>
            <th scope="col" className="number">
              Displace&shy;ment
            </th>
            <th scope="col" className="number">
              Attri&shy;bution
            </th>
            <th scope="col" className="number">
              Drop-off
            </th>
            <th scope="col" className="number">
              Impact, first year
            </th>
            <th scope="col" className="number">
              Present value
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.outcomes.map((outcome, index) => {
            const evaluated = evaluation.outcomes[index];
            const state = linked.get(outcome.id);
            const simulated =
              evaluated?.quantitySource === 'simulation' && state?.status === 'ready'
                ? state.quantities[outcome.startYear - 1]
                : undefined;
            return (
              <tr key={index}>
                <td>{outcome.stakeholder}</td>
                <td>
                  <strong>{outcome.outcome}</strong>
                  <br />
                  <span className="muted small">{outcome.indicator}</span>
                </td>
                <td className="number">
                  {simulated === undefined ? (
                    formatNumber(outcome.quantity)
                  ) : (
                    <>
                      {formatNumber(simulated)}
                      <span className="muted small"> model*</span>
                    </>
                  )}
                </td>
                <td className="number">{formatNumber(outcome.durationYears)}</td>
                <td className="number">{outcome.startYear}</td>
                <td className="number">{money(outcome.proxyValue)}</td>
                <td className="number">{formatShare(outcome.deadweight)}</td>
                <td className="number">{formatShare(outcome.displacement)}</td>
                <td className="number">{formatShare(outcome.attribution)}</td>
                <td className="number">{formatShare(outcome.dropOff)}</td>
                <td className="number">{evaluated === undefined ? '—' : money(evaluated.impactYear1)}</td>
                <td className="number">{evaluated === undefined ? '—' : money(evaluated.presentValue)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={11}>
              Total present value
            </th>
            <td className="number strong">{money(evaluation.presentValue)}</td>
          </tr>
        </tfoot>
      </table>
      {evaluation.outcomes.some((outcome) => outcome.quantitySource === 'simulation') ? (
        <p className="muted small">
          * The quantity in the outcome’s first year, from the Dynamics model; later years follow the model
          too (see Assumptions).
        </p>
      ) : null}
    </div>
  );
}
