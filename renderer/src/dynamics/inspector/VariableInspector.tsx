/**
 * One variable in the inspector: its name (rename), kind, equation (with errors as you type), units and
 * documentation, how it is connected (a stock's flows, a flow's stocks, who uses it), a graphical function's
 * points, and delete.
 */
import { useMemo, useState } from 'react';
import {
  canonicalName,
  type GraphicalFunction,
  type ModelDocument,
  type Outcome,
  type Variable,
} from '../../../../model/sd';
import {
  findVariable,
  kindName,
  setDocumentation,
  setEquation,
  setUnits,
  syncConnectors,
} from '../../../../model/sd/edit';
import { variableReads } from '../../../../model/sd/edit/dependencies';
import { DeleteVariableDialog } from '../diagram/DeleteVariableDialog';
import { variableLabel } from '../diagram/labels';
import { useVariableActions } from '../diagram/use-variable-actions';
import { useDynamics } from '../session/dynamics-context';
import { EquationField } from './EquationField';
import { FlowEnds } from './FlowEnds';
import { compileProblems } from './equation-problems';
import { NameField } from './NameField';
import { TextField } from './TextField';

/** Buttons that select other variables by name. */
function VariableLinks({ names, empty }: { readonly names: readonly string[]; readonly empty: string }) {
  const { session, select } = useDynamics();
  if (names.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="variable-links">
      {names.map((name) => (
        <button
          key={name}
          type="button"
          className="link"
          onClick={() => select(findVariable(session.document, name)?.name ?? name)}
        >
          {variableLabel(name)}
        </button>
      ))}
    </span>
  );
}

/** x of each point: the listed ones, or evenly over the x scale (XMILE 1.0 section 3.1.4). */
function xPoints(gf: GraphicalFunction): number[] {
  if (gf.xpts !== undefined) return gf.xpts;
  const scale = gf.xscale ?? { min: 0, max: gf.ypts.length - 1 };
  const steps = Math.max(gf.ypts.length - 1, 1);
  return gf.ypts.map((_, index) => scale.min + ((scale.max - scale.min) * index) / steps);
}

function PointsTable({ gf }: { readonly gf: GraphicalFunction }) {
  const xs = xPoints(gf);
  return (
    <div className="field">
      <span className="field-label">Graphical function ({gf.type})</span>
      <div className="gf-table-holder">
        <table className="gf-table">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
            </tr>
          </thead>
          <tbody>
            {gf.ypts.map((y, index) => (
              <tr key={index}>
                <td>{xs[index]}</td>
                <td>{y}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function VariableInspector({ variable }: { readonly variable: Variable }) {
  const { session } = useDynamics();
  const { document, changeDocument, compile } = session;
  const actions = useVariableActions();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const name = variable.name;
  const id = canonicalName(name);

  const usedBy = useMemo(
    () =>
      [...variableReads(document)]
        .filter(([, reads]) => reads?.has(id) === true)
        .map(([reader]) => findVariable(document, reader)?.name ?? reader),
    [document, id],
  );
  const preview = (edit: (current: ModelDocument) => Outcome<ModelDocument>) => {
    const outcome = edit(document);
    if (outcome.ok) changeDocument(outcome.value, 'preview');
  };
  const commit = () => changeDocument(document, 'commit');
  return (
    <div className="variable-inspector">
      <p className="variable-kind">
        <span className={`kind-badge kind-${variable.kind}`}>{kindName(variable)}</span>
      </p>
      <NameField key={name} name={name} onRename={(newName) => actions.rename(name, newName)} />
      {variable.kind === 'gf' ? null : (
        <EquationField
          label={variable.kind === 'stock' ? 'Initial value' : 'Equation'}
          text={variable.eqn}
          compileErrors={compileProblems(compile, name)}
          onPreview={(text) => preview((current) => setEquation(current, name, text))}
          onCommit={() => changeDocument(syncConnectors(document, name), 'commit')}
        />
      )}
      {variable.gf === undefined ? null : <PointsTable gf={variable.gf} />}
      <TextField
        label="Units"
        value={variable.units ?? ''}
        placeholder="e.g. people/month"
        onPreview={(text) => preview((current) => setUnits(current, name, text))}
        onCommit={commit}
      />
      <TextField
        label="Documentation"
        multiline
        value={variable.doc ?? ''}
        placeholder="What this variable means, and where its value comes from"
        onPreview={(text) => preview((current) => setDocumentation(current, name, text))}
        onCommit={commit}
      />
      <dl className="connections">
        {variable.kind === 'stock' ? (
          <>
            <div>
              <dt>Inflows</dt>
              <dd>
                <VariableLinks names={variable.inflows} empty="none" />
              </dd>
            </div>
            <div>
              <dt>Outflows</dt>
              <dd>
                <VariableLinks names={variable.outflows} empty="none" />
              </dd>
            </div>
          </>
        ) : null}
        {variable.kind === 'flow' ? <FlowEnds flow={variable} /> : null}
        <div>
          <dt>Used by</dt>
          <dd>
            <VariableLinks names={usedBy} empty="no other variable" />
          </dd>
        </div>
      </dl>
      <div className="inspector-actions">
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete variable…
        </button>
      </div>
      <DeleteVariableDialog
        name={confirmDelete ? name : undefined}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={(doomed) => {
          setConfirmDelete(false);
          actions.remove(doomed);
        }}
      />
    </div>
  );
}
