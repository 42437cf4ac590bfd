/**
 * Where a flow comes from and goes to: the stock it drains and the stock it fills, each chosen from the
 * model's stocks or left to a cloud (outside the model's boundary). A change is one undo step and redraws the
 * pipe to the stock.
 */
import { useId } from 'react';
import type { Variable } from '../../../../model/sd';
import { connectFlow, type FlowEnd } from '../../../../model/sd/edit';
import { referenceKey } from '../../../../model/sd/names';
import { canonicalName } from '../../../../model/sd';
import { variableLabel } from '../diagram/labels';
import { useDynamics } from '../session/dynamics-context';

const CLOUD = '';

function EndField({ flow, end }: { readonly flow: Variable; readonly end: FlowEnd }) {
  const { session, select } = useDynamics();
  const { document, changeDocument } = session;
  const id = useId();
  const flowId = canonicalName(flow.name);
  const stocks = document.variables.filter((variable) => variable.kind === 'stock');
  const current = stocks.find((stock) =>
    (end === 'from' ? stock.outflows : stock.inflows).some((written) => referenceKey(written) === flowId),
  );
  return (
    <div>
      <dt>
        <label htmlFor={id}>{end === 'from' ? 'Drains' : 'Fills'}</label>
      </dt>
      <dd className="flow-end">
        <select
          id={id}
          value={current?.name ?? CLOUD}
          onChange={(event) => {
            const chosen = event.target.value === CLOUD ? undefined : event.target.value;
            const connected = connectFlow(document, flow.name, end, chosen);
            if (connected.ok) changeDocument(connected.value, 'commit');
          }}
        >
          <option value={CLOUD}>a cloud (outside the model)</option>
          {stocks.map((stock) => (
            <option key={stock.name} value={stock.name}>
              {variableLabel(stock.name)}
            </option>
          ))}
        </select>
        {current === undefined ? null : (
          <button
            type="button"
            className="link"
            onClick={() => select(current.name)}
            title="Select this stock"
          >
            Show
          </button>
        )}
      </dd>
    </div>
  );
}

export function FlowEnds({ flow }: { readonly flow: Variable }) {
  return (
    <>
      <EndField flow={flow} end="from" />
      <EndField flow={flow} end="to" />
    </>
  );
}
