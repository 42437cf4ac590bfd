import { useState } from 'react';
import type { SroiOutcome } from '../../../../model/sroi';
import { formatNumber } from '../format';
import { updateOutcome } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { AGGREGATION_LABELS } from './link-defaults';
import { LinkForm } from './LinkForm';
import type { LinkedQuantities } from './linked-runs';

function describeLink(outcome: SroiOutcome): string {
  const link = outcome.quantityLink;
  if (link === undefined) return '';
  const scale = link.scale === undefined || link.scale === 1 ? '' : ` × ${formatNumber(link.scale, 4)}`;
  return `“${link.variable}”${scale} in “${link.model}”, “${link.scenario}” against “${link.baseline}”; ${AGGREGATION_LABELS[
    link.aggregation
  ].toLowerCase()}.`;
}

/** The quantities year by year, the outcome's own years marked, next to the figure the impact map keeps. */
function QuantityTable({
  outcome,
  state,
}: {
  readonly outcome: SroiOutcome;
  readonly state: LinkedQuantities;
}) {
  if (state.status === 'running') return <p className="muted small">Running the two scenarios…</p>;
  if (state.status === 'failed')
    return (
      <p className="cell-issue" role="note">
        {state.message} The quantity in the impact map ({formatNumber(outcome.quantity)}) is used meanwhile.
      </p>
    );
  const first = outcome.startYear;
  const last = outcome.startYear + Math.ceil(outcome.durationYears) - 1;
  return (
    <div className="table-scroll">
      <table
        className="sroi-table figures linked-quantities"
        aria-label={`Linked quantities of ${outcome.id}`}
      >
        <thead>
          <tr>
            <th scope="row">Analysis year</th>
            {state.quantities.map((_, index) => (
              <th
                key={index}
                scope="col"
                className={`number${index + 1 >= first && index + 1 <= last ? ' counted' : ''}`}
              >
                {index + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Quantity from the model</th>
            {state.quantities.map((quantity, index) => (
              <td
                key={index}
                className={`number${index + 1 >= first && index + 1 <= last ? ' counted' : ''}`}
              >
                {formatNumber(quantity, 2)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * Issue 8, point 4: outcomes whose quantity follows a simulated output, scenario against baseline, year by year;
 * the results and the report use these quantities, so the SROI follows the scenario.
 */
export function LinkPanel() {
  const { session, linked } = useSroi();
  const { document, edit } = session;
  const [editing, setEditing] = useState<number | undefined>();
  const linkedCount = document.outcomes.filter((outcome) => outcome.quantityLink !== undefined).length;
  return (
    <div className="sroi-link">
      <div className="section-head">
        <p className="muted">
          An outcome’s quantity can follow a model of this project: the difference a scenario makes to a
          variable against its baseline, year by year, in place of one figure for every year. The baseline run
          is the counterfactual, so it answers the Guide’s deadweight question with the model.
        </p>
        {linkedCount > 0 ? (
          <button type="button" onClick={linked.runAgain} disabled={linked.running}>
            Run again
          </button>
        ) : null}
      </div>
      {linkedCount > 0 ? (
        <p className="link-follow-note" role="note">
          The linked quantities follow the scenarios as they are saved: change a scenario in Dynamics and the
          models run again when you come back here, and the ratio, the sensitivity analysis and the report
          follow.
        </p>
      ) : null}
      {document.outcomes.length === 0 ? (
        <div className="empty-state">
          <h2>No outcomes to link yet</h2>
          <p>Add outcomes to the impact map first.</p>
        </div>
      ) : null}
      <ul className="link-list">
        {document.outcomes.map((outcome, index) => {
          const state = linked.byOutcome.get(outcome.id);
          return (
            <li
              key={index}
              className="panel link-card"
              data-outcome={outcome.id}
              aria-label={`Link of ${outcome.id}`}
            >
              <div className="section-head">
                <div>
                  <h3 className="panel-title">
                    <span className="outcome-id">{outcome.id}</span> {outcome.outcome}
                  </h3>
                  <p className="muted small">
                    {outcome.quantityLink === undefined
                      ? `Quantity from the impact map: ${formatNumber(outcome.quantity)} every year.`
                      : `Follows ${describeLink(outcome)}`}
                  </p>
                </div>
                {editing === index ? null : (
                  <span className="section-actions">
                    <button type="button" onClick={() => setEditing(index)}>
                      {outcome.quantityLink === undefined ? 'Link to a model…' : 'Change link…'}
                    </button>
                    {outcome.quantityLink === undefined ? null : (
                      <button
                        type="button"
                        onClick={() => edit(updateOutcome(index, { quantityLink: undefined }))}
                      >
                        Unlink
                      </button>
                    )}
                  </span>
                )}
              </div>
              {editing === index ? (
                <LinkForm
                  outcome={outcome}
                  onCancel={() => setEditing(undefined)}
                  onSave={(link) => {
                    edit(updateOutcome(index, { quantityLink: link }));
                    setEditing(undefined);
                  }}
                />
              ) : null}
              {outcome.quantityLink !== undefined && state !== undefined ? (
                <QuantityTable outcome={outcome} state={state} />
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
