import { useId, useMemo, useState } from 'react';
import type { ConjointStudyRecord } from '../../../../electron/api/contract';
import { ApiCallError, call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../format';
import { AttributeEditor } from './AttributeEditor';
import { ProhibitionsEditor } from './ProhibitionsEditor';
import { addAttribute, draftFromStudy, sameStudy, studyFromDraft, type StudyDraft } from './study-draft';

/**
 * The study's definition: attributes and their levels (a numeric attribute holds numbers, and one of them may be
 * the price), and the combinations never to show. Problems are listed as you type; saving an edit that makes the
 * design, responses or estimates obsolete asks first, saying which go.
 */
export function StudyEditor({
  record,
  onChange,
}: {
  readonly record: ConjointStudyRecord;
  readonly onChange: (record: ConjointStudyRecord) => void;
}) {
  const [draft, setDraft] = useState<StudyDraft>(() => draftFromStudy(record.document.study));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const descriptionId = useId();
  const priceId = useId();
  const reading = useMemo(() => studyFromDraft(draft, record.name), [draft, record.name]);
  const changed = !reading.ok || !sameStudy(reading.study, record.document.study);

  const edit = (next: StudyDraft) => {
    setDraft(next);
    setSavedNote(false);
  };

  const save = async (discard: boolean) => {
    if (!reading.ok) return;
    setSaving(true);
    setProblem(null);
    try {
      onChange(await call('conjoint.save', { id: record.id, study: reading.study, discard }));
      setConfirm(null);
      setSavedNote(true);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'conflict') setConfirm(error.message);
      else setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const numeric = draft.attributes.filter((attribute) => attribute.kind === 'numeric');

  return (
    <div className="study-editor">
      <p className="lead">
        Each attribute is one feature of the service offer, with the levels respondents see. Mark a numeric
        attribute such as the monthly fee as the price to get willingness to pay. The first level of a
        categorical attribute is its reference.
      </p>
      <label className="field" htmlFor={descriptionId}>
        <span>Description</span>
        <textarea
          id={descriptionId}
          rows={2}
          value={draft.description}
          onChange={(event) => edit({ ...draft, description: event.target.value })}
        />
      </label>

      <h3 className="section-title">Attributes</h3>
      <ol className="attribute-list">
        {draft.attributes.map((attribute, index) => (
          <li key={attribute.key}>
            <AttributeEditor
              draft={draft}
              attribute={attribute}
              index={index}
              isPrice={draft.price === attribute.key}
              onChange={edit}
            />
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => edit(addAttribute(draft, 'categorical'))}>
          Add attribute
        </button>
        <button type="button" onClick={() => edit(addAttribute(draft, 'numeric'))}>
          Add numeric attribute
        </button>
      </div>

      <label className="field inline-field" htmlFor={priceId}>
        <span>Price attribute</span>
        <select
          id={priceId}
          value={draft.price}
          onChange={(event) => edit({ ...draft, price: event.target.value })}
        >
          <option value="">None (no willingness to pay)</option>
          {numeric.map((attribute) => (
            <option key={attribute.key} value={attribute.key}>
              {attribute.name}
            </option>
          ))}
        </select>
      </label>
      {numeric.length === 0 ? (
        <p className="muted small">Add a numeric attribute (the fee) to choose it as the price.</p>
      ) : null}

      <ProhibitionsEditor draft={draft} onChange={edit} />

      {!reading.ok ? (
        <div className="problems" role="status">
          <p>
            <strong>Fix these before saving:</strong>
          </p>
          <ul>
            {reading.problems.map((entry, index) => (
              <li key={index}>
                {entry.where}: {entry.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {problem !== null ? (
        <div className="banner error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!reading.ok || !changed || saving}
          onClick={() => void save(false)}
        >
          {saving ? 'Saving…' : 'Save study'}
        </button>
        <button
          type="button"
          disabled={!changed || saving}
          onClick={() => edit(draftFromStudy(record.document.study))}
        >
          Discard changes
        </button>
        <span className="muted small" role="status">
          {savedNote && !changed ? 'Saved.' : changed ? 'Unsaved changes.' : ''}
        </span>
      </div>

      <Dialog title="Save this change?" open={confirm !== null} onClose={() => setConfirm(null)}>
        <p>{confirm}</p>
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={() => setConfirm(null)}>
            Keep editing
          </button>
          <button type="button" className="danger" disabled={saving} onClick={() => void save(true)}>
            Save and drop them
          </button>
        </div>
      </Dialog>
    </div>
  );
}
