/** The Inspector panel: the selected variable, or the model's summary when nothing is selected. */
import { findVariable } from '../../../../model/sd/edit';
import { variableLabel } from '../diagram/labels';
import { useDynamics } from '../session/dynamics-context';
import './inspector.css';
import { ModelSummary } from './ModelSummary';
import { VariableInspector } from './VariableInspector';

export function InspectorPanel() {
  const { session, selected } = useDynamics();
  const variable = selected === undefined ? undefined : findVariable(session.document, selected);
  return (
    <section className="panel inspector-panel" aria-label="Inspector">
      <h2 className="panel-title">{variable === undefined ? 'Model' : variableLabel(variable.name)}</h2>
      {variable === undefined ? (
        <ModelSummary />
      ) : (
        <VariableInspector key={variable.name} variable={variable} />
      )}
    </section>
  );
}
