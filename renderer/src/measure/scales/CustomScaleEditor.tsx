import { useId, useState, type ChangeEvent } from 'react';
import { parseScaleSpec, type ScaleSpec } from '../../../../model/measure';
import { errorText } from '../../conjoint/format';

interface SubscaleDraft {
  readonly id: string;
  readonly name: string;
  readonly items: string;
}

interface SpecDraft {
  /** Kept as loaded (a SPEC.json's id names its columns, "care3"); not edited here. */
  readonly id: string;
  readonly name: string;
  readonly items: string;
  readonly min: string;
  readonly max: string;
  readonly reverse: string;
  readonly subscales: readonly SubscaleDraft[];
}

/** Item lists are typed as "1, 2, 3" or "1 2 3". */
const listOf = (text: string): string[] => text.split(/[\s,;]+/).filter((item) => item !== '');

function draftOf(spec: ScaleSpec): SpecDraft {
  return {
    id: spec.id,
    name: spec.name,
    items: spec.items.join(', '),
    min: String(spec.answers.min),
    max: String(spec.answers.max),
    reverse: (spec.reverse ?? []).join(', '),
    subscales: spec.subscales.map((subscale) => ({
      id: subscale.id,
      name: subscale.name,
      items: subscale.items.join(', '),
    })),
  };
}

const numberOrText = (text: string): number | string => {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
};

/** The JSON a SPEC.json would hold for the draft; parseScaleSpec checks it as it checks the CLI's file. */
function specJsonOf(draft: SpecDraft, maxMissingShare: number) {
  return {
    id: draft.id,
    name: draft.name,
    answers: { min: numberOrText(draft.min), max: numberOrText(draft.max) },
    items: listOf(draft.items),
    subscales: draft.subscales.map((subscale) => ({
      id: subscale.id,
      name: subscale.name,
      items: listOf(subscale.items),
    })),
    reverse: listOf(draft.reverse),
    maxMissingShare,
  };
}

/**
 * A custom scale (issue 10, point 1): its items, its subscales with their items, the reverse-keyed items and
 * the answer range, or a SPEC.json as the CLI's `--scale SPEC.json` takes. Every edit is checked with
 * model/measure's parseScaleSpec; a valid key is handed up (and saved), an invalid one names its field.
 */
export function CustomScaleEditor({
  spec,
  onChange,
}: {
  readonly spec: ScaleSpec;
  readonly onChange: (spec: ScaleSpec) => void;
}) {
  const ids = { name: useId(), items: useId(), min: useId(), max: useId(), reverse: useId(), file: useId() };
  const [draft, setDraft] = useState<SpecDraft>(() => draftOf(spec));
  const [problem, setProblem] = useState<string | undefined>();

  const edit = (next: SpecDraft) => {
    setDraft(next);
    const parsed = parseScaleSpec(specJsonOf(next, spec.maxMissingShare));
    if (parsed.ok) {
      setProblem(undefined);
      onChange(parsed.value);
    } else setProblem(`The scale is not valid yet: ${parsed.error}.`);
  };

  const editSubscale = (index: number, change: Partial<SubscaleDraft>) =>
    edit({
      ...draft,
      subscales: draft.subscales.map((subscale, at) =>
        at === index ? { ...subscale, ...change } : subscale,
      ),
    });

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setProblem(`${file.name} is not JSON: ${errorText(error)}`);
      return;
    }
    const parsed = parseScaleSpec(json);
    if (!parsed.ok) {
      setProblem(`${file.name}: ${parsed.error}.`);
      return;
    }
    setProblem(undefined);
    setDraft(draftOf(parsed.value));
    onChange(parsed.value);
  };

  return (
    <div className="custom-scale" data-testid="custom-scale">
      <div className="field-row">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={draft.name}
          onChange={(event) => edit({ ...draft, name: event.target.value })}
        />
        <label htmlFor={ids.min}>Answers from</label>
        <input
          id={ids.min}
          className="narrow"
          inputMode="decimal"
          value={draft.min}
          onChange={(event) => edit({ ...draft, min: event.target.value })}
        />
        <label htmlFor={ids.max}>to</label>
        <input
          id={ids.max}
          className="narrow"
          inputMode="decimal"
          value={draft.max}
          onChange={(event) => edit({ ...draft, max: event.target.value })}
        />
      </div>
      <div className="field-row">
        <label htmlFor={ids.items}>Items</label>
        <input
          id={ids.items}
          className="wide"
          value={draft.items}
          onChange={(event) => edit({ ...draft, items: event.target.value })}
        />
      </div>
      <div className="field-row">
        <label htmlFor={ids.reverse}>Reverse-keyed items</label>
        <input
          id={ids.reverse}
          className="wide"
          value={draft.reverse}
          onChange={(event) => edit({ ...draft, reverse: event.target.value })}
        />
      </div>
      <table className="scales-table subscale-editor">
        <caption className="muted small">
          Subscales: each with its items (separated by commas or spaces)
        </caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">Items</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.subscales.map((subscale, index) => (
            // Subscales have no stable id while their id is being typed; their place is their identity here.
            <tr key={index}>
              <td>
                <input
                  className="narrow"
                  aria-label={`Subscale ${index + 1} id`}
                  value={subscale.id}
                  onChange={(event) => editSubscale(index, { id: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Subscale ${index + 1} name`}
                  value={subscale.name}
                  onChange={(event) => editSubscale(index, { name: event.target.value })}
                />
              </td>
              <td>
                <input
                  className="wide"
                  aria-label={`Subscale ${index + 1} items`}
                  value={subscale.items}
                  onChange={(event) => editSubscale(index, { items: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  disabled={draft.subscales.length === 1}
                  onClick={() =>
                    edit({ ...draft, subscales: draft.subscales.filter((_, at) => at !== index) })
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field-row">
        <button
          type="button"
          onClick={() =>
            edit({
              ...draft,
              subscales: [
                ...draft.subscales,
                {
                  id: `S${draft.subscales.length + 1}`,
                  name: `Subscale ${draft.subscales.length + 1}`,
                  items: '',
                },
              ],
            })
          }
        >
          Add a subscale
        </button>
        <label htmlFor={ids.file} className="file-button">
          Load SPEC.json…
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          data-testid="spec-file"
          onChange={(event) => void load(event)}
        />
      </div>
      {problem !== undefined ? (
        <p className="form-error" role="alert" data-testid="custom-scale-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
