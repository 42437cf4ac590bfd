import type { ReactNode } from 'react';
import { formatPrecise } from '../charts/number-format';

/**
 * A row's first two cells in an analysis's table of the model's constants (the ones a sensitivity run varies, the
 * ones a calibration fits): the checkbox that takes the constant in, and its name over the model's value and an
 * optional note.
 */
export function ConstantChoiceCells({
  inputId,
  name,
  value,
  chosen,
  note,
  onChosen,
}: {
  readonly inputId: string;
  readonly name: string;
  readonly value: number;
  readonly chosen: boolean;
  readonly note?: ReactNode;
  readonly onChosen: (chosen: boolean) => void;
}) {
  return (
    <>
      <td>
        <input
          type="checkbox"
          id={inputId}
          checked={chosen}
          onChange={(event) => onChosen(event.target.checked)}
        />
      </td>
      <td>
        <label htmlFor={inputId}>{name}</label>
        <div className="muted small">
          model value {formatPrecise(value)}
          {note === undefined ? null : <>; {note}</>}
        </div>
      </td>
    </>
  );
}
