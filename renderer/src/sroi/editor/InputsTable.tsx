import { useId } from 'react';
import { addInput, removeInput, updateInput } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { formatMoney } from '../format';
import { cellMessage, inputCell, NO_INPUTS_CELL } from './cell-issues';
import { NumberCell, TextCell } from './cells';

/**
 * Guide stage 2, section 2.2: what each stakeholder puts in, as cash or as time valued in kind (hours × an
 * hourly rate, the Guide's valuation of volunteers' and staff time). The total is the ratio's denominator.
 */
export function InputsTable() {
  const { session, placed, currency } = useSroi();
  const { document, edit, settle } = session;
  const stakeholderList = useId();
  const total = document.inputs.reduce((sum, input) => sum + input.value, 0);
  const issuesAt = (index: number, field: string) => placed.byCell.get(inputCell(index, field));
  return (
    <section className="panel sroi-section" aria-labelledby="sroi-inputs-heading">
      <div className="section-head">
        <h3 id="sroi-inputs-heading" className="panel-title">
          Inputs
        </h3>
        <span className="section-actions">
          <button type="button" onClick={() => edit(addInput('cash'))}>
            Add cash input
          </button>
          <button type="button" onClick={() => edit(addInput('in-kind'))}>
            Add time in kind
          </button>
        </span>
      </div>
      <datalist id={stakeholderList}>
        {(document.stakeholders ?? []).map((stakeholder) => (
          <option key={stakeholder.name} value={stakeholder.name} />
        ))}
      </datalist>
      {document.inputs.length === 0 ? (
        <>
          <p className="muted small">
            No inputs yet. The SROI ratio divides the value created by what was put in: add the money spent,
            and the time people gave valued at an hourly rate.
          </p>
          {placed.byCell.get(NO_INPUTS_CELL)?.map((issue) => (
            <p key={issue.code} className="cell-issue" role="note">
              {cellMessage(issue)}
            </p>
          ))}
        </>
      ) : (
        <div className="table-scroll">
          <table className="sroi-table">
            <thead>
              <tr>
                <th scope="col">Stakeholder</th>
                <th scope="col">Description</th>
                <th scope="col">Kind</th>
                <th scope="col" className="number">
                  Hours
                </th>
                <th scope="col" className="number">
                  Rate per hour
                </th>
                <th scope="col" className="number">
                  Value
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {document.inputs.map((input, index) => {
                const name = `Input ${index + 1}`;
                const inKind = input.kind === 'in-kind';
                return (
                  <tr key={index}>
                    <td>
                      <TextCell
                        label={`${name} stakeholder`}
                        required
                        list={stakeholderList}
                        value={input.stakeholder}
                        onChange={(value, phase) =>
                          edit(updateInput(index, { stakeholder: value ?? '' }), phase)
                        }
                        onSettle={settle}
                        issues={issuesAt(index, 'stakeholder')}
                      />
                    </td>
                    <td className="wide-cell">
                      <TextCell
                        label={`${name} description`}
                        required
                        multiline
                        value={input.description}
                        onChange={(value, phase) =>
                          edit(updateInput(index, { description: value ?? '' }), phase)
                        }
                        onSettle={settle}
                        issues={issuesAt(index, 'description')}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${name} kind`}
                        value={inKind ? 'in-kind' : 'cash'}
                        onChange={(event) =>
                          edit(
                            updateInput(index, {
                              kind: event.target.value === 'in-kind' ? 'in-kind' : 'cash',
                            }),
                          )
                        }
                      >
                        <option value="cash">Cash</option>
                        <option value="in-kind">Time in kind</option>
                      </select>
                      {issuesAt(index, 'kind') === undefined ? null : (
                        <span className="cell-issue" role="note">
                          {issuesAt(index, 'kind')?.map(cellMessage).join(' ')}
                        </span>
                      )}
                    </td>
                    <td className="number">
                      {inKind ? (
                        <NumberCell
                          label={`${name} hours`}
                          value={input.hours ?? 0}
                          onChange={(value, phase) => edit(updateInput(index, { hours: value }), phase)}
                          onSettle={settle}
                          issues={issuesAt(index, 'hours')}
                        />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="number">
                      {inKind ? (
                        <NumberCell
                          label={`${name} rate per hour`}
                          value={input.hourlyRate ?? 0}
                          onChange={(value, phase) => edit(updateInput(index, { hourlyRate: value }), phase)}
                          onSettle={settle}
                          issues={issuesAt(index, 'hourlyRate')}
                        />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="number">
                      {inKind ? (
                        <span className="computed" aria-label={`${name} value`}>
                          {formatMoney(input.value, currency, 2)}
                          {issuesAt(index, 'value') === undefined ? null : (
                            <span className="cell-issue" role="note">
                              {issuesAt(index, 'value')?.map(cellMessage).join(' ')}
                            </span>
                          )}
                        </span>
                      ) : (
                        <NumberCell
                          label={`${name} value`}
                          value={input.value}
                          onChange={(value, phase) => edit(updateInput(index, { value }), phase)}
                          onSettle={settle}
                          issues={issuesAt(index, 'value')}
                        />
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link danger-link"
                        aria-label={`Remove ${name}`}
                        onClick={() => edit(removeInput(index))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  Total inputs
                </th>
                <td className="number strong">{formatMoney(total, currency)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
