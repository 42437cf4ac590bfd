import { addStakeholder, removeStakeholder, updateStakeholder } from '../session/analysis-edits';
import { useSroi } from '../session/sroi-context';
import { analysisCell } from './cell-issues';
import { TextCell } from './cells';

/** A name not taken yet: "Stakeholder 3". */
const freeName = (taken: readonly string[]): string => {
  for (let suffix = taken.length + 1; ; suffix++) {
    const name = `Stakeholder ${suffix}`;
    if (!taken.includes(name)) return name;
  }
};

/**
 * Guide stage 1, section 1.2: every stakeholder considered, and the reason one is left out. Renaming one renames
 * it in the inputs and outcomes too (analysis-edits.ts).
 */
export function StakeholdersTable() {
  const { session, placed } = useSroi();
  const { document, edit, settle } = session;
  const stakeholders = document.stakeholders ?? [];
  const cellIssues = (index: number, field: string) =>
    placed.byCell.get(analysisCell(`stakeholders.${index}.${field}`));
  return (
    <section className="panel sroi-section" aria-labelledby="sroi-stakeholders-heading">
      <div className="section-head">
        <h3 id="sroi-stakeholders-heading" className="panel-title">
          Stakeholders
        </h3>
        <button
          type="button"
          onClick={() => edit(addStakeholder(freeName(stakeholders.map((stakeholder) => stakeholder.name))))}
        >
          Add stakeholder
        </button>
      </div>
      {stakeholders.length === 0 ? (
        <p className="muted small">
          No stakeholders listed. Listing them (the Guide’s stage 1) lets the editor check that every input
          and outcome names one, and records why a stakeholder is left out.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="sroi-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Included</th>
                <th scope="col">Reason if left out</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {stakeholders.map((stakeholder, index) => (
                <tr key={index}>
                  <td>
                    <TextCell
                      label={`Stakeholder ${index + 1} name`}
                      required
                      value={stakeholder.name}
                      onChange={(value, phase) =>
                        edit(updateStakeholder(index, { name: value ?? '' }), phase)
                      }
                      onSettle={settle}
                      issues={cellIssues(index, 'name')}
                    />
                  </td>
                  <td>
                    <TextCell
                      label={`${stakeholder.name}: description`}
                      multiline
                      value={stakeholder.description}
                      onChange={(value, phase) =>
                        edit(updateStakeholder(index, { description: value }), phase)
                      }
                      onSettle={settle}
                    />
                  </td>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={`${stakeholder.name} included`}
                      checked={stakeholder.included !== false}
                      onChange={(event) =>
                        edit(updateStakeholder(index, { included: event.target.checked ? undefined : false }))
                      }
                    />
                  </td>
                  <td>
                    {stakeholder.included === false ? (
                      <TextCell
                        label={`${stakeholder.name}: reason left out`}
                        multiline
                        placeholder="Why they are left out"
                        value={stakeholder.reason}
                        onChange={(value, phase) => edit(updateStakeholder(index, { reason: value }), phase)}
                        onSettle={settle}
                      />
                    ) : (
                      <span className="muted small">—</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link danger-link"
                      aria-label={`Remove stakeholder ${stakeholder.name}`}
                      onClick={() => edit(removeStakeholder(index))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
