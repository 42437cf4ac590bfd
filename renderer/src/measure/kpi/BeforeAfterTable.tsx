/**
 * Per unit, a KPI's mean over the periods before an initiative against the periods from it, in plain words and
 * with no claim that the initiative caused the change: a change over time has many causes, and the comparison
 * with a control group is the Compare tab's (difference in differences).
 */
import { useId } from 'react';
import type { InitiativeMarker, KpiDefinition, Period } from '../../../../model/measure';
import { formatChange, formatPrecise } from '../../dynamics/charts/number-format';
import { beforeAfter, splitPeriod, type KpiUnitLine } from './kpi-breakdown';

interface BeforeAfterTableProps {
  readonly kpi: KpiDefinition;
  readonly period: Period;
  readonly lines: readonly KpiUnitLine[];
  readonly markers: readonly InitiativeMarker[];
  /** The chosen marker's key (date and label), or undefined for the first. */
  readonly chosen: string | undefined;
  readonly onChoose: (key: string) => void;
}

export const markerKey = (marker: InitiativeMarker) => `${marker.date} ${marker.label}`;

/** What follows a value: "%" tight, "hours" and "points" spaced, nothing for a currency or a score. */
function valueSuffix(unit: string): string {
  const short = unit.replace(/\s*\(.*\)$/, '').trim();
  if (short === '%') return '%';
  return short === '' || short === 'currency' || short === 'score' ? '' : ` ${short}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function BeforeAfterTable({ kpi, period, lines, markers, chosen, onChoose }: BeforeAfterTableProps) {
  const selectId = useId();
  const marker = markers.find((candidate) => markerKey(candidate) === chosen) ?? markers[0];
  if (marker === undefined)
    return (
      <p className="muted small">No initiative falls in the chosen range, so there is no before and after.</p>
    );
  const rows = beforeAfter(lines, marker.date, period);
  const split = splitPeriod(marker.date, period);
  const unit = valueSuffix(kpi.unit);
  // A difference of two percentages is in percentage points, not a percentage of anything.
  const changeUnit = kpi.unit === '%' ? 'percentage points' : valueSuffix(kpi.unit).trim();
  const better = (change: number) =>
    change === 0 ? 'no change' : change > 0 === kpi.higherIsBetter ? 'better' : 'worse';
  return (
    <div className="kpi-before-after">
      <div className="inline-field">
        <label htmlFor={selectId}>Before and after</label>
        <select id={selectId} value={markerKey(marker)} onChange={(event) => onChoose(event.target.value)}>
          {markers.map((candidate) => (
            <option key={markerKey(candidate)} value={markerKey(candidate)}>
              {candidate.date}: {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <div className="table-frame">
        <table className="data-table" aria-label={`${kpi.label} before and after ${marker.label}`}>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Before (mean)</th>
              <th scope="col">From {marker.date} (mean)</th>
              <th scope="col">Change{changeUnit === '' ? '' : ` (${changeUnit})`}</th>
              <th scope="col">In words</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unit} data-unit={row.unit}>
                <th scope="row">{row.unit}</th>
                <td>
                  {row.before === null
                    ? '—'
                    : `${formatPrecise(row.before.mean)}${unit} (${plural(row.before.periods, period)})`}
                </td>
                <td>
                  {row.after === null
                    ? '—'
                    : `${formatPrecise(row.after.mean)}${unit} (${plural(row.after.periods, period)})`}
                </td>
                <td>{row.change === null ? '—' : formatChange(row.change)}</td>
                <td>
                  {row.change === null || row.before === null || row.after === null
                    ? `Not enough ${period}s on both sides of ${marker.date}.`
                    : `${kpi.label} averaged ${formatPrecise(row.before.mean)}${unit} before and ${formatPrecise(row.after.mean)}${unit} after: ${formatChange(row.change)} (${better(row.change)}).`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Means of the {period} values wholly before {marker.date} and of those starting on or after it
        {split === null ? '' : `; ${split}, which the date splits, is in neither`}. This compares the same
        units over time and does not show that “{marker.label}” caused the change: other things changed too.
        For a comparison with a control group (difference in differences), use the Compare tab.
      </p>
    </div>
  );
}
