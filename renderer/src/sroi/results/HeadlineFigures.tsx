import type { SroiEvaluation } from '../../../../model/sroi';
import { formatMoney, formatRatio } from '../format';

/**
 * The four headline figures of an evaluated analysis (ratio, present value, inputs, NPV), for the SROI
 * workbench's headline strip and a story's SROI page.
 */
export function HeadlineFigures({
  value,
  currency,
  className,
  markNegative = false,
}: {
  readonly value: SroiEvaluation;
  readonly currency: string | undefined;
  readonly className: string;
  /** A negative NPV gets the `negative` class (the workbench colours it). */
  readonly markNegative?: boolean;
}) {
  return (
    <dl className={className}>
      <div>
        <dt>SROI ratio</dt>
        <dd>{formatRatio(value.ratio)}</dd>
      </div>
      <div>
        <dt>Present value</dt>
        <dd>{formatMoney(value.presentValue, currency)}</dd>
      </div>
      <div>
        <dt>Inputs</dt>
        <dd>{formatMoney(value.totalInputs, currency)}</dd>
      </div>
      <div>
        <dt>NPV</dt>
        <dd className={markNegative && value.npv < 0 ? 'negative' : undefined}>
          {formatMoney(value.npv, currency)}
        </dd>
      </div>
    </dl>
  );
}
