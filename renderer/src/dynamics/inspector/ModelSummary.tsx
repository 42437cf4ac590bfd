/** The inspector with nothing selected: what to do, and the model at a glance (size, time, integration). */
import { displayName } from '../../../../model/sd';
import { findVariable } from '../../../../model/sd/edit';
import { variableLabel } from '../diagram/labels';
import { useDynamics } from '../session/dynamics-context';

const METHOD_NAMES = { euler: 'Euler', rk2: 'Runge-Kutta 2', rk4: 'Runge-Kutta 4' } as const;

export function ModelSummary() {
  const { session, select } = useDynamics();
  const { document, compile } = session;
  const count = (kind: string) => document.variables.filter((variable) => variable.kind === kind).length;
  const specs = document.simSpecs;
  const units = specs.timeUnits === undefined ? '' : ` ${specs.timeUnits}`;
  return (
    <div className="model-summary">
      <p className="muted">
        Select a variable in the diagram (click it, or Tab to it and press Enter) to see and edit its
        equation, units and documentation.
      </p>
      <dl className="summary-list">
        <div>
          <dt>Stocks</dt>
          <dd>{count('stock')}</dd>
        </div>
        <div>
          <dt>Flows</dt>
          <dd>{count('flow')}</dd>
        </div>
        <div>
          <dt>Auxiliaries</dt>
          <dd>{count('aux')}</dd>
        </div>
        {count('gf') > 0 ? (
          <div>
            <dt>Graphical functions</dt>
            <dd>{count('gf')}</dd>
          </div>
        ) : null}
        <div>
          <dt>Time</dt>
          <dd>
            {specs.start} to {specs.stop}
            {units}
          </dd>
        </div>
        <div>
          <dt>Time step (dt)</dt>
          <dd>
            {specs.dt}
            {units}
          </dd>
        </div>
        <div>
          <dt>Method</dt>
          <dd>{METHOD_NAMES[specs.method]}</dd>
        </div>
      </dl>
      {compile.status === 'failed' ? (
        <div className="summary-errors" role="alert">
          <p>The model does not compile:</p>
          <ul>
            {compile.errors.map((error, index) => {
              const variable =
                error.variable === undefined ? undefined : findVariable(document, error.variable);
              return (
                <li key={index}>
                  {variable === undefined ? null : (
                    <button type="button" className="link" onClick={() => select(variable.name)}>
                      {variableLabel(displayName(variable.name))}
                    </button>
                  )}{' '}
                  {error.message}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
