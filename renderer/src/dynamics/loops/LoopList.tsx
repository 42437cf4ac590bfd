/**
 * The list of loops: name (the documented name where the model documents the loop), polarity, share of the
 * change over the run, and the variables in the order of their links. A button per loop selects it (Ctrl,
 * Cmd or Shift adds it to the selection); the selected loops are drawn on the diagram and in the causal loop
 * diagram.
 */
import { useId, useState, type MouseEvent } from 'react';
import { compareLoopNames, type AnalyzedLoop } from '../../../../model/sd/loops';
import { loopKey } from './dominance';

const POLARITY_LABEL: Readonly<Record<AnalyzedLoop['polarity'], string>> = {
  reinforcing: 'reinforcing (+)',
  balancing: 'balancing (−)',
  changing: 'polarity changes',
  undetermined: 'polarity unknown',
};

/** Shown before "Show all": the loops that matter most are at the top. */
const FIRST = 25;

export type LoopOrder = 'importance' | 'documented';

interface LoopListProps {
  readonly loops: readonly AnalyzedLoop[];
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (key: string, add: boolean) => void;
  readonly colorOf: (key: string) => string | undefined;
}

export function LoopList({ loops, selected, onSelect, colorOf }: LoopListProps) {
  const [order, setOrder] = useState<LoopOrder>('importance');
  const [all, setAll] = useState(false);
  const orderId = useId();
  // The model's documented loops first, in reading order (R1, R1.2, R2, ..., B1), then the rest by importance.
  const sorted =
    order === 'documented'
      ? [
          ...loops.filter((loop) => loop.documented).sort((a, b) => compareLoopNames(a.name, b.name)),
          ...loops.filter((loop) => !loop.documented),
        ]
      : loops;
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const choose = (event: MouseEvent<HTMLButtonElement>, key: string) =>
    onSelect(key, event.ctrlKey || event.metaKey || event.shiftKey);

  return (
    <div className="loop-list">
      <div className="loop-list-tools">
        <label htmlFor={orderId} className="small">
          Order
        </label>
        <select id={orderId} value={order} onChange={(event) => setOrder(event.target.value as LoopOrder)}>
          <option value="importance">by importance</option>
          <option value="documented">documented first</option>
        </select>
        <span className="muted small">
          {loops.length} loop{loops.length === 1 ? '' : 's'}
        </span>
      </div>
      <ul aria-label="Feedback loops">
        {shown.map((loop) => {
          const key = loopKey(loop);
          const color = colorOf(key);
          return (
            <li key={key} className={selected.has(key) ? 'selected' : undefined}>
              <button
                type="button"
                aria-pressed={selected.has(key)}
                className="loop-button"
                onClick={(event) => choose(event, key)}
              >
                <svg className="loop-swatch" width="10" height="10" aria-hidden="true">
                  <rect
                    width="10"
                    height="10"
                    rx="2"
                    fill={color ?? 'transparent'}
                    className={color === undefined ? 'empty' : undefined}
                  />
                </svg>
                <span className="loop-name">{loop.name}</span>
                {loop.title === undefined ? null : <span className="loop-title">{loop.title}</span>}
                <span className={`loop-polarity ${loop.polarity}`}>{POLARITY_LABEL[loop.polarity]}</span>
                <span className="loop-share" title="Mean share of the change over the run">
                  {(loop.importance * 100).toFixed(1)}%
                </span>
              </button>
              <p className="loop-variables" title={loop.variables.join(' → ')}>
                {loop.variables.join(' → ')}
              </p>
            </li>
          );
        })}
      </ul>
      {loops.length > FIRST ? (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${loops.length} loops`}
        </button>
      ) : null}
    </div>
  );
}
