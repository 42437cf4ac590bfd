import { memo, useEffect, useId, useRef, useState } from 'react';
import type { ParameterInfo } from '../../../../model/sd';
import { formatInputValue, formatValue } from '../charts/number-format';
import type { ChangePhase } from '../session/use-dynamics-session';
import { roundToStep, type SliderRange } from './parameter-range';

const RANGE_SOURCE: Readonly<Record<SliderRange['source'], string>> = {
  model: 'Range declared in the model',
  documentation: 'Sensitivity range from the variable’s documentation',
  span: 'No range in the model: zero to twice its value',
};

interface ParameterSliderProps {
  readonly parameter: ParameterInfo;
  readonly range: SliderRange;
  readonly units: string | undefined;
  /** The value in this what-if: the override, or the model's value. */
  readonly value: number;
  readonly overridden: boolean;
  readonly onChange: (name: string, value: number | undefined, phase: ChangePhase) => void;
}

/**
 * One constant: a native range input (keyboard operable, announced by screen readers), a typed number input,
 * the model's own value and a reset. Dragging previews every position and commits once on release, so a drag
 * is one undo step (history.ts).
 */
export const ParameterSlider = memo(function ParameterSlider({
  parameter,
  range,
  units,
  value,
  overridden,
  onChange,
}: ParameterSliderProps) {
  const id = useId();
  const slider = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | undefined>();
  const { name, value: modelValue } = parameter;

  // React's onChange on a range input is the DOM `input` event (every position); the DOM `change` event fires
  // once when the drag ends or a key moves it, which is the commit.
  useEffect(() => {
    const input = slider.current;
    if (input === null) return;
    const onCommit = () => {
      const next = roundToStep(input.valueAsNumber, range.step);
      // Back on the model's value is no override at all, so the scenario stays clean.
      onChange(name, next === modelValue ? undefined : next, 'commit');
    };
    input.addEventListener('change', onCommit);
    return () => input.removeEventListener('change', onCommit);
  }, [name, modelValue, onChange, range.step]);

  const commitDraft = () => {
    if (draft === undefined) return;
    const typed = Number(draft.replace(',', '.').replace('−', '-'));
    setDraft(undefined);
    if (draft.trim() === '' || !Number.isFinite(typed)) return;
    onChange(name, typed === modelValue ? undefined : typed, 'commit');
  };

  const outside = value < range.min || value > range.max;
  return (
    <div className={`parameter${overridden ? ' overridden' : ''}`} data-parameter={name}>
      <div className="parameter-head">
        <label htmlFor={id} className="parameter-name" title={name}>
          {name}
        </label>
        <button
          type="button"
          className="link parameter-reset"
          onClick={() => onChange(name, undefined, 'commit')}
          disabled={!overridden}
          aria-label={`Reset ${name} to the model's value`}
          title={`Back to the model's value, ${formatValue(modelValue)}`}
        >
          Reset
        </button>
      </div>
      <div className="parameter-controls">
        <input
          id={id}
          ref={slider}
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={Math.min(range.max, Math.max(range.min, value))}
          aria-valuetext={`${formatValue(value)}${units === undefined ? '' : ` ${units}`}`}
          onChange={(event) => onChange(name, roundToStep(event.target.valueAsNumber, range.step), 'preview')}
        />
        <input
          type="number"
          className="parameter-value"
          aria-label={`${name} value`}
          step="any"
          value={draft ?? formatInputValue(value)}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitDraft}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitDraft();
            if (event.key === 'Escape') setDraft(undefined);
          }}
        />
      </div>
      <p className="parameter-meta">
        <span>
          model {formatValue(modelValue)}
          {units === undefined ? '' : ` ${units}`}
        </span>
        <span title={RANGE_SOURCE[range.source]}>
          {formatValue(range.min)} – {formatValue(range.max)}
          {outside ? ' (value outside)' : ''}
        </span>
      </p>
    </div>
  );
});
