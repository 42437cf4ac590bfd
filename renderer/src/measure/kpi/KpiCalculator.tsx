/**
 * Two worked formulas beside the KPI chart, with their sources (model/measure/kpi/formulas.ts): the cost of
 * turnover under a replacement-cost model (a share of salary, 21% by default after Boushey & Glynn 2012, or the
 * itemized costs of Cascio & Boudreau 2011), and customer lifetime value (Gupta & Lehmann 2003).
 */
import { useId, useState } from 'react';
import {
  customerLifetimeValue,
  DEFAULT_REPLACEMENT_SHARE,
  replacementCostPerLeaver,
  turnoverCost,
  type ReplacementCostModel,
} from '../../../../model/measure';
import { parseNumberCell } from '../../../../model/stats/data-table';
import { formatValue } from '../../dynamics/charts/number-format';

interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A problem with the value, or undefined. */
  readonly problem: string | undefined;
  readonly suffix?: string;
}

function NumberField({ label, value, onChange, problem, suffix }: NumberFieldProps) {
  const id = useId();
  return (
    <div className="kpi-calc-field">
      <label htmlFor={id}>{label}</label>
      <span className="inline-field">
        <input
          id={id}
          inputMode="decimal"
          value={value}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : `${id}-problem`}
          onChange={(event) => onChange(event.target.value)}
        />
        {suffix === undefined ? null : <span className="muted small">{suffix}</span>}
      </span>
      {problem === undefined ? null : (
        <span id={`${id}-problem`} className="form-error small">
          {problem}
        </span>
      )}
    </div>
  );
}

/** A number typed in a field, checked: the value, or the sentence saying what is wrong. */
function readNumber(
  text: string,
  what: string,
  check: (value: number) => string | undefined = () => undefined,
): { value: number | undefined; problem: string | undefined } {
  const value = parseNumberCell(text);
  if (value === undefined) return { value: undefined, problem: `${what}: "${text}" is not a number` };
  const problem = check(value);
  return problem === undefined
    ? { value, problem: undefined }
    : { value: undefined, problem: `${what} ${problem}` };
}

const atLeastZero = (value: number) => (value < 0 ? 'cannot be negative' : undefined);
const percentBelow100 = (value: number) =>
  value < 0 || value >= 100 ? 'must be at least 0% and below 100%' : undefined;

function TurnoverCost() {
  const [kind, setKind] = useState<ReplacementCostModel['kind']>('share');
  const [leavers, setLeavers] = useState('4');
  const [salary, setSalary] = useState('52000');
  const [share, setShare] = useState(String(DEFAULT_REPLACEMENT_SHARE * 100));
  const [items, setItems] = useState({
    separation: '1500',
    vacancy: '3000',
    replacement: '4000',
    training: '2500',
    lostProductivity: '6000',
  });
  const leaverCount = readNumber(leavers, 'Leavers', (value) =>
    Number.isInteger(value) && value >= 0 ? undefined : 'must be a whole number of people',
  );
  const salaryValue = readNumber(salary, 'The salary', atLeastZero);
  const shareValue = readNumber(share, 'The share', atLeastZero);
  const itemValues = {
    separation: readNumber(items.separation, 'Separation', atLeastZero),
    vacancy: readNumber(items.vacancy, 'Vacancy', atLeastZero),
    replacement: readNumber(items.replacement, 'Replacement', atLeastZero),
    training: readNumber(items.training, 'Training', atLeastZero),
    lostProductivity: readNumber(items.lostProductivity, 'Lost productivity', atLeastZero),
  };
  let model: ReplacementCostModel | undefined;
  if (kind === 'share' && salaryValue.value !== undefined && shareValue.value !== undefined)
    model = { kind: 'share', annualSalary: salaryValue.value, shareOfSalary: shareValue.value / 100 };
  else if (kind === 'itemized') {
    const [separation, vacancy, replacement, training, lostProductivity] = [
      itemValues.separation.value,
      itemValues.vacancy.value,
      itemValues.replacement.value,
      itemValues.training.value,
      itemValues.lostProductivity.value,
    ];
    if (
      separation !== undefined &&
      vacancy !== undefined &&
      replacement !== undefined &&
      training !== undefined &&
      lostProductivity !== undefined
    )
      model = { kind: 'itemized', separation, vacancy, replacement, training, lostProductivity };
  }
  const setItem = (key: keyof typeof items) => (value: string) => setItems({ ...items, [key]: value });
  const itemLabels: Record<keyof typeof items, string> = {
    separation: 'Separation (exit interview, admin, severance)',
    vacancy: 'Vacancy (overtime, temporary cover)',
    replacement: 'Replacement (advertising, selection, hiring)',
    training: 'Training (orientation, courses)',
    lostProductivity: 'Lost productivity while learning the job',
  };

  return (
    <section className="kpi-calc" aria-labelledby="kpi-calc-turnover">
      <h3 id="kpi-calc-turnover">Turnover cost</h3>
      <fieldset className="kpi-calc-model">
        <legend className="visually-hidden">Replacement-cost model</legend>
        <label>
          <input
            type="radio"
            name="replacement-model"
            checked={kind === 'share'}
            onChange={() => setKind('share')}
          />{' '}
          Share of salary
        </label>
        <label>
          <input
            type="radio"
            name="replacement-model"
            checked={kind === 'itemized'}
            onChange={() => setKind('itemized')}
          />{' '}
          Itemized costs
        </label>
      </fieldset>
      <NumberField label="Leavers" value={leavers} onChange={setLeavers} problem={leaverCount.problem} />
      {kind === 'share' ? (
        <>
          <NumberField
            label="Annual salary"
            value={salary}
            onChange={setSalary}
            problem={salaryValue.problem}
          />
          <NumberField
            label="Replacement cost"
            value={share}
            onChange={setShare}
            problem={shareValue.problem}
            suffix="% of salary"
          />
        </>
      ) : (
        (Object.keys(items) as (keyof typeof items)[]).map((key) => (
          <NumberField
            key={key}
            label={itemLabels[key]}
            value={items[key]}
            onChange={setItem(key)}
            problem={itemValues[key].problem}
            suffix="per leaver"
          />
        ))
      )}
      <p className="kpi-calc-result" aria-live="polite">
        {model === undefined || leaverCount.value === undefined ? (
          'Fill in every field to see the cost.'
        ) : (
          <>
            <strong>{formatValue(turnoverCost(leaverCount.value, model))}</strong> in all:{' '}
            {formatValue(replacementCostPerLeaver(model))} per leaver × {leaverCount.value}
          </>
        )}
      </p>
      <p className="muted small">
        {kind === 'share'
          ? 'Cost = leavers × salary × share. The 21% default is the median cost of replacing an employee in 30 case studies (Boushey & Glynn 2012, “There Are Significant Business Costs to Replacing Employees”, Center for American Progress): about 16% of salary for jobs paid under $30,000, 20% up to $75,000, up to 213% for executives.'
          : 'Cost = leavers × (separation + vacancy + replacement + training + lost productivity), the cost categories of Cascio & Boudreau (2011), “Investing in People”, 2nd ed., ch. 4.'}
      </p>
    </section>
  );
}

function LifetimeValue() {
  const [margin, setMargin] = useState('45');
  const [retention, setRetention] = useState('92');
  const [discount, setDiscount] = useState('1');
  const marginValue = readNumber(margin, 'The margin');
  const retentionValue = readNumber(retention, 'Retention', percentBelow100);
  const discountValue = readNumber(discount, 'The discount rate', (value) =>
    value <= -100 ? 'must be above -100%' : undefined,
  );
  const clv =
    marginValue.value === undefined || retentionValue.value === undefined || discountValue.value === undefined
      ? null
      : customerLifetimeValue(marginValue.value, retentionValue.value / 100, discountValue.value / 100);
  return (
    <section className="kpi-calc" aria-labelledby="kpi-calc-clv">
      <h3 id="kpi-calc-clv">Customer lifetime value</h3>
      <NumberField
        label="Margin per customer"
        value={margin}
        onChange={setMargin}
        problem={marginValue.problem}
        suffix="per period"
      />
      <NumberField
        label="Retention"
        value={retention}
        onChange={setRetention}
        problem={retentionValue.problem}
        suffix="% per period"
      />
      <NumberField
        label="Discount rate"
        value={discount}
        onChange={setDiscount}
        problem={discountValue.problem}
        suffix="% per period"
      />
      <p className="kpi-calc-result" aria-live="polite">
        {clv === null ? (
          'Fill in every field to see the value.'
        ) : (
          <>
            <strong>{formatValue(clv)}</strong> per customer ({formatValue(clv / (marginValue.value ?? 1))}{' '}
            periods’ margin)
          </>
        )}
      </p>
      <p className="muted small">
        CLV = m · r / (1 + d − r), with margin m, retention r and discount rate d per period, margins received
        at the end of each period the customer stays, over an unlimited horizon (Gupta & Lehmann 2003,
        “Customers as Assets”, Journal of Interactive Marketing 17(1), eq. 4). Use the same period (month,
        year) for all three.
      </p>
    </section>
  );
}

export function KpiCalculator() {
  return (
    <div className="kpi-calculator">
      <TurnoverCost />
      <LifetimeValue />
    </div>
  );
}
