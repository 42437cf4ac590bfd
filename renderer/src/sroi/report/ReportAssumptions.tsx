import { lastYearOf, type SroiAnalysis, type SroiEvaluation } from '../../../../model/sroi';
import { formatMoney, formatNumber } from '../format';
import type { LinkedQuantities } from '../link/linked-runs';

/**
 * The report's assumptions (the Guide asks that every judgement be recorded with its reason): the scope, the
 * stakeholders left out and why, the inputs and how time was valued, and per outcome its proxy and source, the
 * notes on its shares, and where its quantity came from.
 */
export function ReportAssumptions({
  analysis,
  evaluation,
  currency,
  linked,
}: {
  readonly analysis: SroiAnalysis;
  readonly evaluation: SroiEvaluation;
  readonly currency: string | undefined;
  readonly linked: ReadonlyMap<string, LinkedQuantities>;
}) {
  const scope = analysis.scope ?? {};
  const scopeLines = (
    [
      ['Purpose', scope.purpose],
      ['Audience', scope.audience],
      ['Activities', scope.activities],
      ['Period', scope.period],
    ] satisfies [string, string | undefined][]
  ).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  const excluded = (analysis.stakeholders ?? []).filter((stakeholder) => stakeholder.included === false);
  return (
    <div className="report-assumptions">
      {scopeLines.length > 0 ? (
        <dl className="report-scope">
          {scopeLines.map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {excluded.length > 0 ? (
        <>
          <h4 className="panel-title">Stakeholders left out</h4>
          <ul>
            {excluded.map((stakeholder) => (
              <li key={stakeholder.name}>
                <strong>{stakeholder.name}</strong>: {stakeholder.reason ?? 'no reason recorded'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 className="panel-title">Inputs</h4>
      <table className="sroi-table figures">
        <thead>
          <tr>
            <th scope="col">Stakeholder</th>
            <th scope="col">Input</th>
            <th scope="col" className="number">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {analysis.inputs.map((input, index) => (
            <tr key={index}>
              <td>{input.stakeholder}</td>
              <td>
                {input.description}
                {input.kind === 'in-kind' && input.hours !== undefined && input.hourlyRate !== undefined ? (
                  <span className="muted small">
                    {' '}
                    (in kind: {formatNumber(input.hours)} hours × {formatMoney(input.hourlyRate, currency, 2)}
                    )
                  </span>
                ) : null}
              </td>
              <td className="number">{formatMoney(input.value, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="number strong">{formatMoney(evaluation.totalInputs, currency)}</td>
          </tr>
        </tfoot>
      </table>
      <h4 className="panel-title">Outcomes</h4>
      {analysis.outcomes.map((outcome, index) => {
        const link = outcome.quantityLink;
        const state = linked.get(outcome.id);
        const simulated = evaluation.outcomes[index]?.quantitySource === 'simulation';
        return (
          <div key={index} className="report-outcome">
            <h5>
              <span className="outcome-id">{outcome.id}</span> {outcome.outcome}
            </h5>
            <p>
              <strong>Financial proxy:</strong> {outcome.financialProxy ?? 'not described'},{' '}
              {formatMoney(outcome.proxyValue, currency)} per unit a year. <strong>Source:</strong>{' '}
              {outcome.proxySource}
            </p>
            {outcome.notes === undefined ? null : (
              <p>
                <strong>Notes:</strong> {outcome.notes}
              </p>
            )}
            {link !== undefined ? (
              <p>
                <strong>Quantity:</strong>{' '}
                {simulated && state?.status === 'ready'
                  ? `from the model “${link.model}”: “${link.variable}”${link.scale === undefined || link.scale === 1 ? '' : ` × ${formatNumber(link.scale, 4)}`}, “${link.scenario}” against “${link.baseline}”, in the outcome’s years: ${state.quantities
                      .map((quantity, year) => ({ quantity, year: year + 1 }))
                      .filter(({ year }) => year >= outcome.startYear && year <= lastYearOf(outcome))
                      .map(({ quantity, year }) => `year ${year}: ${formatNumber(quantity)}`)
                      .join(', ')}.`
                  : `${formatNumber(outcome.quantity)} a year (linked to “${link.variable}” in “${link.model}”, which was not run for this report${state?.status === 'failed' ? `: ${state.message}` : ''}).`}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
