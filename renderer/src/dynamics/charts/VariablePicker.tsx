import { useId } from 'react';
import type { ChartableVariable } from './chart-variables';
import { seriesColor } from './series-colors';

interface VariablePickerProps {
  readonly variables: readonly ChartableVariable[];
  /** The charted variables, in colour order. */
  readonly shown: readonly string[];
  readonly onAdd: (name: string) => void;
  readonly onRemove: (name: string) => void;
  /** Names that cannot be removed here (the variable selected in the diagram), with why. */
  readonly fixed?: ReadonlyMap<string, string> | undefined;
}

const KIND_GROUPS: readonly { readonly kind: ChartableVariable['kind']; readonly label: string }[] = [
  { kind: 'stock', label: 'Stocks' },
  { kind: 'flow', label: 'Flows' },
  { kind: 'aux', label: 'Auxiliaries' },
];

/** The charted variables as removable chips, and a list to add any other variable of the model. */
export function VariablePicker({ variables, shown, onAdd, onRemove, fixed }: VariablePickerProps) {
  const addId = useId();
  const shownSet = new Set(shown);
  return (
    <div className="variable-picker">
      <ul className="variable-chips" aria-label="Charted variables">
        {shown.map((name, index) => (
          <li key={name} className="variable-chip">
            <span
              className="chip-swatch"
              aria-hidden="true"
              ref={(element) => element?.style.setProperty('--swatch', seriesColor(index))}
            />
            <span className="chip-name">{name}</span>
            {fixed?.has(name) === true ? (
              <span className="chip-note">{fixed.get(name)}</span>
            ) : (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${name} from the charts`}
                onClick={() => onRemove(name)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor={addId}>
        Add a variable to the charts
      </label>
      <select
        id={addId}
        className="variable-add"
        value=""
        onChange={(event) => {
          if (event.target.value !== '') onAdd(event.target.value);
        }}
      >
        <option value="">Add variable…</option>
        {KIND_GROUPS.map(({ kind, label }) => {
          const options = variables.filter(
            (variable) => variable.kind === kind && !shownSet.has(variable.name),
          );
          return options.length === 0 ? null : (
            <optgroup key={kind} label={label}>
              {options.map((variable) => (
                <option key={variable.id} value={variable.name}>
                  {variable.name}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
