import { useId } from 'react';
import {
  addLevel,
  moveAttribute,
  removeAttribute,
  removeLevel,
  setLevel,
  updateAttribute,
  type AttributeDraft,
  type StudyDraft,
} from './study-draft';

/** One attribute: its name, kind, unit, description and levels, with buttons to reorder or remove it. */
export function AttributeEditor({
  draft,
  attribute,
  index,
  isPrice,
  onChange,
}: {
  readonly draft: StudyDraft;
  readonly attribute: AttributeDraft;
  readonly index: number;
  readonly isPrice: boolean;
  readonly onChange: (draft: StudyDraft) => void;
}) {
  const id = useId();
  const label = attribute.name.trim() === '' ? `attribute ${index + 1}` : attribute.name;
  const update = (change: Partial<Omit<AttributeDraft, 'key'>>) =>
    onChange(updateAttribute(draft, attribute.key, change));
  return (
    <fieldset className="attribute-card">
      <legend className="visually-hidden">Attribute {index + 1}</legend>
      <div className="attribute-head">
        <label className="field" htmlFor={`${id}-name`}>
          <span>Name</span>
          <input
            id={`${id}-name`}
            value={attribute.name}
            maxLength={100}
            onChange={(event) => update({ name: event.target.value })}
          />
        </label>
        <label className="field" htmlFor={`${id}-kind`}>
          <span>Kind</span>
          <select
            id={`${id}-kind`}
            value={attribute.kind}
            onChange={(event) =>
              update({ kind: event.target.value === 'numeric' ? 'numeric' : 'categorical' })
            }
          >
            <option value="categorical">Categorical (labels)</option>
            <option value="numeric">Numeric (numbers)</option>
          </select>
        </label>
        {attribute.kind === 'numeric' ? (
          <label className="field" htmlFor={`${id}-unit`}>
            <span>Unit</span>
            <input
              id={`${id}-unit`}
              value={attribute.unit}
              maxLength={50}
              placeholder="EUR per month"
              onChange={(event) => update({ unit: event.target.value })}
            />
          </label>
        ) : null}
        {isPrice ? <span className="badge">Price</span> : null}
        <span className="toolbar-spacer" />
        <div className="attribute-actions">
          <button
            type="button"
            className="link"
            aria-label={`Move ${label} up`}
            disabled={index === 0}
            onClick={() => onChange(moveAttribute(draft, attribute.key, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="link"
            aria-label={`Move ${label} down`}
            disabled={index === draft.attributes.length - 1}
            onClick={() => onChange(moveAttribute(draft, attribute.key, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="link danger-link"
            aria-label={`Remove ${label}`}
            disabled={draft.attributes.length === 1}
            onClick={() => onChange(removeAttribute(draft, attribute.key))}
          >
            Remove
          </button>
        </div>
      </div>
      <label className="field" htmlFor={`${id}-description`}>
        <span>What respondents are told</span>
        <input
          id={`${id}-description`}
          value={attribute.description}
          maxLength={1000}
          onChange={(event) => update({ description: event.target.value })}
        />
      </label>
      <div className="levels" role="group" aria-label={`Levels of ${label}`}>
        {attribute.levels.map((level, l) => (
          <span key={l} className="level">
            <input
              aria-label={`${label} level ${l + 1}`}
              value={level}
              inputMode={attribute.kind === 'numeric' ? 'decimal' : undefined}
              size={Math.max(6, Math.min(24, level.length + 2))}
              onChange={(event) => onChange(setLevel(draft, attribute.key, l, event.target.value))}
            />
            <button
              type="button"
              className="link"
              aria-label={`Remove ${label} level ${l + 1}`}
              disabled={attribute.levels.length <= 2}
              onClick={() => onChange(removeLevel(draft, attribute.key, l))}
            >
              ×
            </button>
          </span>
        ))}
        <button type="button" className="link" onClick={() => onChange(addLevel(draft, attribute.key))}>
          + Level
        </button>
      </div>
    </fieldset>
  );
}
