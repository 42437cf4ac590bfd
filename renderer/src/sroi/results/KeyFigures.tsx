import type { SroiEvaluation } from '../../../../model/sroi';
import { formatMoney, formatMonths, formatRatio, formatShare } from '../format';

/** The stage 5 figures (Guide 5.2, 5.3, 5.5) as cards: the same set in the results tab and the report. */
export function KeyFigures({
  evaluation,
  currency,
}: {
  readonly evaluation: SroiEvaluation;
  readonly currency: string | undefined;
}) {
  const money = (value: number) => formatMoney(value, currency);
  const never = `not within the ${evaluation.horizonYears} year${evaluation.horizonYears === 1 ? '' : 's'} counted`;
  const cards: readonly (readonly [string, string, string])[] = [
    ['Total inputs', money(evaluation.totalInputs), 'not discounted: spent at the start (Guide 5.2)'],
    [
      'Present value',
      money(evaluation.presentValue),
      `discounted at ${formatShare(evaluation.discountRate)} a year`,
    ],
    ['Net present value', money(evaluation.npv), 'present value − inputs'],
    ['SROI ratio', formatRatio(evaluation.ratio), 'present value ÷ inputs (Guide 5.3)'],
    ['Net SROI ratio', formatRatio(evaluation.netRatio), 'net present value ÷ inputs'],
    [
      'Payback',
      formatMonths(evaluation.paybackMonths, 'no value in year 1'),
      'inputs ÷ (year-1 value ÷ 12), the Guide’s formula (5.5)',
    ],
    [
      'Discounted payback',
      formatMonths(evaluation.discountedPaybackMonths, never),
      'months until the discounted value adds up to the inputs',
    ],
  ];
  return (
    <dl className="key-figures">
      {cards.map(([label, value, note]) => (
        <div key={label} className="key-figure">
          <dt>{label}</dt>
          <dd className="key-figure-value">{value}</dd>
          <dd className="key-figure-note">{note}</dd>
        </div>
      ))}
    </dl>
  );
}
