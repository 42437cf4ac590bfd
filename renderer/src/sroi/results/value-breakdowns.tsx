/**
 * Where the value lies (Guide 5.3 and issue 8, point 2): present value by stakeholder and by outcome, and value by
 * stakeholder and year, each as a d3 chart with the table of its figures under it. Shared by the results tab
 * and the printed report.
 */
import { format as d3Format } from 'd3';
import type { SroiAnalysis, SroiEvaluation } from '../../../../model/sroi';
import { HorizontalBarChart } from '../charts/HorizontalBarChart';
import { StackedYearChart } from '../charts/StackedYearChart';
import { currencySymbol, formatMoney, formatShare } from '../format';

interface BreakdownProps {
  readonly analysis: SroiAnalysis;
  readonly evaluation: SroiEvaluation;
  readonly currency: string | undefined;
  /** File names of chart exports start with it. */
  readonly fileStem: string;
  /** The report prints tables under the charts; the results tab too. */
  readonly headingLevel?: 3 | 4;
}

/** Axis ticks: the currency symbol and SI prefixes ("£12k"). */
export function moneyTicks(currency: string | undefined): (value: number) => string {
  const symbol = currencySymbol(currency);
  const si = d3Format('~s');
  return (value) => {
    const text = Math.abs(value) >= 1000 ? si(value) : String(Number(value.toPrecision(3)));
    return `${value < 0 ? '−' : ''}${symbol}${text.replace('-', '')}`;
  };
}

function Heading({ level, children }: { readonly level: 3 | 4; readonly children: string }) {
  return level === 3 ? (
    <h3 className="panel-title">{children}</h3>
  ) : (
    <h4 className="panel-title">{children}</h4>
  );
}

export function ValueByStakeholder({ evaluation, currency, fileStem, headingLevel = 3 }: BreakdownProps) {
  const money = (value: number) => formatMoney(value, currency);
  const inputsOf = (stakeholder: string) =>
    evaluation.inputsByStakeholder.find((entry) => entry.stakeholder === stakeholder)?.value ?? 0;
  return (
    <section className="breakdown" aria-label="Value by stakeholder">
      <Heading level={headingLevel}>Value by stakeholder</Heading>
      <HorizontalBarChart
        title="Present value by stakeholder"
        bars={evaluation.stakeholders.map((entry) => ({
          key: entry.stakeholder,
          label: entry.stakeholder,
          value: entry.presentValue,
        }))}
        format={money}
        tickFormat={moneyTicks(currency)}
        valueLabel="Present value"
        fileName={`${fileStem} value by stakeholder`}
      />
      <div className="table-scroll">
        <table className="sroi-table figures">
          <thead>
            <tr>
              <th scope="col">Stakeholder</th>
              <th scope="col" className="number">
                Present value
              </th>
              <th scope="col" className="number">
                Share
              </th>
              <th scope="col" className="number">
                Inputs
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluation.stakeholders.map((entry) => (
              <tr key={entry.stakeholder}>
                <th scope="row">{entry.stakeholder}</th>
                <td className="number">{money(entry.presentValue)}</td>
                <td className="number">{formatShare(entry.shareOfPresentValue)}</td>
                <td className="number">{money(inputsOf(entry.stakeholder))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="number strong">{money(evaluation.presentValue)}</td>
              <td className="number">100%</td>
              <td className="number strong">{money(evaluation.totalInputs)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function ValueByOutcome({
  analysis,
  evaluation,
  currency,
  fileStem,
  headingLevel = 3,
}: BreakdownProps) {
  const money = (value: number) => formatMoney(value, currency);
  const textOf = (id: string) => analysis.outcomes.find((outcome) => outcome.id === id)?.outcome ?? id;
  return (
    <section className="breakdown" aria-label="Value by outcome">
      <Heading level={headingLevel}>Value by outcome</Heading>
      <HorizontalBarChart
        title="Present value by outcome"
        bars={evaluation.outcomes.map((outcome, index) => ({
          key: `${index}`,
          label: outcome.id,
          value: outcome.presentValue,
        }))}
        format={money}
        tickFormat={moneyTicks(currency)}
        valueLabel="Present value"
        fileName={`${fileStem} value by outcome`}
      />
      <div className="table-scroll">
        <table className="sroi-table figures">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Stakeholder</th>
              <th scope="col">Quantity from</th>
              <th scope="col" className="number">
                Impact, first year
              </th>
              <th scope="col" className="number">
                Present value
              </th>
              <th scope="col" className="number">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluation.outcomes.map((outcome, index) => (
              <tr key={index}>
                <th scope="row">
                  <span className="outcome-id">{outcome.id}</span> {textOf(outcome.id)}
                </th>
                <td>{outcome.stakeholder}</td>
                <td>{outcome.quantitySource === 'simulation' ? 'Dynamics scenario' : 'Impact map'}</td>
                <td className="number">{money(outcome.impactYear1)}</td>
                <td className="number">{money(outcome.presentValue)}</td>
                <td className="number">
                  {formatShare(
                    evaluation.presentValue === 0 ? 0 : outcome.presentValue / evaluation.presentValue,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ValueByYear({ evaluation, currency, fileStem, headingLevel = 3 }: BreakdownProps) {
  const money = (value: number) => formatMoney(value, currency);
  const years = Array.from({ length: evaluation.horizonYears }, (_, index) => index);
  let cumulative = 0;
  const cumulativePresent = evaluation.presentValuesByYear.map((value) => (cumulative += value));
  return (
    <section className="breakdown" aria-label="Value by stakeholder and year">
      <Heading level={headingLevel}>Value by stakeholder and year</Heading>
      <StackedYearChart
        title="Value by stakeholder and year"
        series={evaluation.stakeholders.map((entry) => ({
          key: entry.stakeholder,
          values: entry.valuesByYear,
        }))}
        presentValues={evaluation.presentValuesByYear}
        format={money}
        tickFormat={moneyTicks(currency)}
        fileName={`${fileStem} value by year`}
      />
      <div className="table-scroll">
        <table className="sroi-table figures">
          <thead>
            <tr>
              <th scope="col">Year</th>
              {evaluation.stakeholders.map((entry) => (
                <th key={entry.stakeholder} scope="col" className="number">
                  {entry.stakeholder}
                </th>
              ))}
              <th scope="col" className="number">
                Total value
              </th>
              <th scope="col" className="number">
                Present value
              </th>
              <th scope="col" className="number">
                Cumulative present value
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((index) => (
              <tr key={index}>
                <th scope="row">Year {index + 1}</th>
                {evaluation.stakeholders.map((entry) => (
                  <td key={entry.stakeholder} className="number">
                    {money(entry.valuesByYear[index] ?? 0)}
                  </td>
                ))}
                <td className="number">{money(evaluation.valuesByYear[index] ?? 0)}</td>
                <td className="number">{money(evaluation.presentValuesByYear[index] ?? 0)}</td>
                <td className="number">{money(cumulativePresent[index] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {evaluation.stakeholders.map((entry) => (
                <td key={entry.stakeholder} className="number">
                  {money(entry.valuesByYear.reduce((sum, value) => sum + value, 0))}
                </td>
              ))}
              <td className="number strong">
                {money(evaluation.valuesByYear.reduce((sum, value) => sum + value, 0))}
              </td>
              <td className="number strong">{money(evaluation.presentValue)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
