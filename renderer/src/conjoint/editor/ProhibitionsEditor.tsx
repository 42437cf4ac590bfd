import { useId, useState } from 'react';
import { addProhibition, removeProhibition, type StudyDraft } from './study-draft';

/** "agent = bot and follow_up = personal call" */
function describe(draft: StudyDraft, levels: Readonly<Record<string, number>>): string {
  return Object.entries(levels)
    .map(([key, level]) => {
      const attribute = draft.attributes.find((candidate) => candidate.key === key);
      return `${attribute?.name ?? '?'} = ${attribute?.levels[level] ?? '?'}`;
    })
    .join(' and ');
}

/**
 * Combinations that may never be shown together (a bot cannot make a personal call): a list, and a row to add
 * one from two attributes' levels. Designs never propose them.
 */
export function ProhibitionsEditor({
  draft,
  onChange,
}: {
  readonly draft: StudyDraft;
  readonly onChange: (draft: StudyDraft) => void;
}) {
  const id = useId();
  const [first, setFirst] = useState({ attribute: '', level: 0 });
  const [second, setSecond] = useState({ attribute: '', level: 0 });
  const attributes = draft.attributes;
  const pick = (choice: { attribute: string; level: number }, fallback: number) =>
    attributes.some((attribute) => attribute.key === choice.attribute)
      ? choice
      : { attribute: attributes[fallback]?.key ?? '', level: 0 };
  const a = pick(first, 0);
  const b = pick(second, 1);
  const canAdd = a.attribute !== '' && b.attribute !== '' && a.attribute !== b.attribute;

  const selectors = (
    which: string,
    choice: { attribute: string; level: number },
    set: (choice: { attribute: string; level: number }) => void,
  ) => {
    const attribute = attributes.find((candidate) => candidate.key === choice.attribute);
    return (
      <>
        <select
          aria-label={`${which} attribute`}
          value={choice.attribute}
          onChange={(event) => set({ attribute: event.target.value, level: 0 })}
        >
          {attributes.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.name}
            </option>
          ))}
        </select>
        <span aria-hidden="true">=</span>
        <select
          aria-label={`${which} level`}
          value={choice.level}
          onChange={(event) => set({ attribute: choice.attribute, level: Number(event.target.value) })}
        >
          {(attribute?.levels ?? []).map((level, index) => (
            <option key={index} value={index}>
              {level}
            </option>
          ))}
        </select>
      </>
    );
  };

  return (
    <section className="prohibitions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        Prohibited combinations
      </h3>
      {draft.prohibitions.length === 0 ? (
        <p className="muted small">None: every combination of levels may be shown.</p>
      ) : (
        <ul className="prohibition-list">
          {draft.prohibitions.map((prohibition) => (
            <li key={prohibition.key}>
              <span>Never show {describe(draft, prohibition.levels)}</span>
              <button
                type="button"
                className="link danger-link"
                aria-label={`Remove prohibition: ${describe(draft, prohibition.levels)}`}
                onClick={() => onChange(removeProhibition(draft, prohibition.key))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {attributes.length >= 2 ? (
        <div className="prohibition-add" role="group" aria-label="New prohibition">
          <span>Never show</span>
          {selectors('First', a, setFirst)}
          <span>with</span>
          {selectors('Second', b, setSecond)}
          <button
            type="button"
            disabled={!canAdd}
            onClick={() =>
              onChange(addProhibition(draft, { [a.attribute]: a.level, [b.attribute]: b.level }))
            }
          >
            Add prohibition
          </button>
        </div>
      ) : null}
    </section>
  );
}
