import { Fragment, useId, useState } from 'react';
import type { SroiOutcome } from '../../../../model/sroi';
import {
  addOutcome,
  duplicateOutcome,
  moveOutcome,
  removeOutcome,
  updateOutcome,
  type Change,
} from '../session/analysis-edits';
import type { ChangePhase } from '../session/use-sroi-session';
import { useSroi } from '../session/sroi-context';
import { formatMoney, formatNumber } from '../format';
import { outcomeCell } from './cell-issues';
import { NumberCell, TextCell } from './cells';
import { OutcomeDetails } from './OutcomeDetails';

type NumberField =
  | 'quantity'
  | 'durationYears'
  | 'startYear'
  | 'proxyValue'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff';

/** The impact map's number columns, in the Guide's order (stages 3 and 4). */
const NUMBER_COLUMNS: readonly {
  readonly field: NumberField;
  readonly label: string;
  /** The column's heading: the label with soft hyphens, so the long words break and the columns stay narrow. */
  readonly heading: string;
  readonly percent: boolean;
}[] = [
  { field: 'quantity', label: 'Quantity', heading: 'Quantity', percent: false },
  { field: 'durationYears', label: 'Duration (years)', heading: 'Duration (years)', percent: false },
  { field: 'startYear', label: 'Start year', heading: 'Start year', percent: false },
  { field: 'proxyValue', label: 'Proxy value', heading: 'Proxy value', percent: false },
  { field: 'deadweight', label: 'Deadweight', heading: 'Dead\u00adweight', percent: true },
  { field: 'displacement', label: 'Displacement', heading: 'Displace\u00adment', percent: true },
  { field: 'attribution', label: 'Attribution', heading: 'Attri\u00adbution', percent: true },
  { field: 'dropOff', label: 'Drop-off', heading: 'Drop-off', percent: true },
];

/** Fields kept in a row's details; their issues are counted on its toggle. */
const DETAIL_FIELDS = ['id', 'intendedChange', 'outputs', 'financialProxy', 'proxySource', 'notes'];

/**
 * The impact map (Guide stages 2 to 4) as an editable table: one row per outcome with its figures, each cell
 * checked as it is typed; the longer texts (intended change, outputs, the proxy and its source, notes) in a
 * details row under it. A linked quantity shows what the model gives next to the figure the document keeps.
 */
export function ImpactMapTable() {
  const { session, placed, evaluation, currency, linked } = useSroi();
  const { document, edit, settle } = session;
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const stakeholderList = useId();
  const toggle = (index: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const change = (index: number) => (fields: Change<SroiOutcome>, phase: ChangePhase) =>
    edit(updateOutcome(index, fields), phase);
  const evaluated = evaluation.ok ? evaluation.value.outcomes : undefined;
  const columns = 5 + NUMBER_COLUMNS.length;

  return (
    <section className="panel sroi-section" aria-labelledby="sroi-map-heading">
      <div className="section-head">
        <h3 id="sroi-map-heading" className="panel-title">
          Impact map
        </h3>
        <button
          type="button"
          onClick={() => {
            edit(addOutcome);
            setOpen((previous) => new Set([...previous, document.outcomes.length]));
          }}
        >
          Add outcome
        </button>
      </div>
      <datalist id={stakeholderList}>
        {(document.stakeholders ?? []).map((stakeholder) => (
          <option key={stakeholder.name} value={stakeholder.name} />
        ))}
      </datalist>
      {document.outcomes.length === 0 ? (
        <p className="muted small">
          No outcomes yet. Each row says who changes and how, how many, for how long, what it is worth (a
          financial proxy with its source), and how much of it the activity can claim (deadweight,
          displacement, attribution, drop-off).
        </p>
      ) : (
        <div className="table-scroll">
          <table className="sroi-table impact-map">
            <thead>
              <tr>
                <th scope="col">Stakeholder</th>
                <th scope="col">Outcome</th>
                <th scope="col">Indicator</th>
                {NUMBER_COLUMNS.map((column) => (
                  <th key={column.field} scope="col" className="number">
                    {column.heading}
                    {column.percent ? ' %' : ''}
                  </th>
                ))}
                <th scope="col" className="number">
                  Impact, first year
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {document.outcomes.map((outcome, index) => {
                const issuesAt = (field: string) => placed.byCell.get(outcomeCell(index, field));
                const detailIssues = DETAIL_FIELDS.reduce(
                  (count, field) => count + (issuesAt(field)?.length ?? 0),
                  0,
                );
                const isOpen = open.has(index);
                const link = linked.byOutcome.get(outcome.id);
                const detailsId = `sroi-outcome-details-${index}`;
                return (
                  <Fragment key={index}>
                    <tr data-outcome={outcome.id}>
                      <td>
                        <TextCell
                          label={`Stakeholder of ${outcome.id}`}
                          required
                          list={stakeholderList}
                          value={outcome.stakeholder}
                          onChange={(value, phase) => change(index)({ stakeholder: value ?? '' }, phase)}
                          onSettle={settle}
                          issues={issuesAt('stakeholder')}
                        />
                      </td>
                      <td className="wide-cell">
                        <TextCell
                          label={`Outcome of ${outcome.id}`}
                          required
                          multiline
                          value={outcome.outcome}
                          onChange={(value, phase) => change(index)({ outcome: value ?? '' }, phase)}
                          onSettle={settle}
                          issues={issuesAt('outcome')}
                        />
                      </td>
                      <td className="wide-cell">
                        <TextCell
                          label={`Indicator of ${outcome.id}`}
                          required
                          multiline
                          value={outcome.indicator}
                          onChange={(value, phase) => change(index)({ indicator: value ?? '' }, phase)}
                          onSettle={settle}
                          issues={issuesAt('indicator')}
                        />
                      </td>
                      {NUMBER_COLUMNS.map((column) => (
                        <td key={column.field} className={`number col-${column.field}`}>
                          <NumberCell
                            label={`${column.label} of ${outcome.id}`}
                            percent={column.percent}
                            showUnit={false}
                            value={outcome[column.field]}
                            onChange={(value, phase) => change(index)({ [column.field]: value }, phase)}
                            onSettle={settle}
                            issues={issuesAt(column.field)}
                          />
                          {column.field === 'quantity' && outcome.quantityLink !== undefined ? (
                            <span className={`link-note ${link?.status ?? 'running'}`}>
                              {link?.status === 'ready'
                                ? `Linked: ${formatNumber(link.quantities[outcome.startYear - 1] ?? Number.NaN)} in year ${outcome.startYear}`
                                : link?.status === 'failed'
                                  ? 'Link not running: this figure is used'
                                  : 'Linked: running…'}
                            </span>
                          ) : null}
                        </td>
                      ))}
                      <td className="number computed">
                        {evaluated?.[index] === undefined
                          ? '—'
                          : formatMoney(evaluated[index].impactYear1, currency)}
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="link"
                          aria-expanded={isOpen}
                          aria-controls={detailsId}
                          aria-label={`Details of ${outcome.id}`}
                          onClick={() => toggle(index)}
                        >
                          Details
                          {detailIssues > 0
                            ? ` (${detailIssues} problem${detailIssues === 1 ? '' : 's'})`
                            : ''}
                        </button>
                        <button
                          type="button"
                          className="link danger-link"
                          aria-label={`Remove ${outcome.id}`}
                          onClick={() => edit(removeOutcome(index))}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                    {isOpen ? (
                      <tr className="details-row" id={detailsId}>
                        <td colSpan={columns}>
                          <OutcomeDetails index={index} outcome={outcome} />
                          <div className="details-actions">
                            <button
                              type="button"
                              aria-label={`Move ${outcome.id} up`}
                              disabled={index === 0}
                              onClick={() => {
                                edit(moveOutcome(index, -1));
                                setOpen(new Set([index - 1]));
                              }}
                            >
                              Move up
                            </button>
                            <button
                              type="button"
                              aria-label={`Move ${outcome.id} down`}
                              disabled={index === document.outcomes.length - 1}
                              onClick={() => {
                                edit(moveOutcome(index, 1));
                                setOpen(new Set([index + 1]));
                              }}
                            >
                              Move down
                            </button>
                            <button
                              type="button"
                              aria-label={`Duplicate ${outcome.id}`}
                              onClick={() => edit(duplicateOutcome(index))}
                            >
                              Duplicate
                            </button>
                          </div>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
