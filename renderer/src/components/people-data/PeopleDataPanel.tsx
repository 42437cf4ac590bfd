import { useId, useState, type ReactNode } from 'react';
import { MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MESSAGE, type PseudonymEntry } from '../../../../model/privacy';
import { errorText } from '../../conjoint/format';
import { KeySection } from './KeySection';

/** What a network's and a data set's people-data settings share (NetworkPrivacy, MeasurePrivacy). */
export interface PeopleDataSettings {
  readonly pseudonymized: boolean;
  readonly keyKept: boolean;
  readonly secretKept: boolean;
  readonly individualConsent: boolean;
  readonly minGroupSize: number;
  readonly note: string;
}

export interface PeopleDataChange {
  individualConsent?: boolean;
  minGroupSize?: number;
}

/** The sentences that differ between the owners (a network's waves, a survey's respondents). */
export interface PeopleDataWords {
  readonly pseudonyms: ReactNode;
  readonly realNames: ReactNode;
  readonly consentOn: string;
  readonly consentOff: string;
  /** Which figures the minimum group size hides, before "(now 5; at least 3), with a note saying so." */
  readonly groupSize: string;
  readonly keySecret: ReactNode;
  readonly keyDeletion: ReactNode;
}

/**
 * People data handled with care (issue 11) for whatever holds them: whether the names are pseudonyms, whether the
 * participants agreed to individual views, the minimum group size of team figures, and the pseudonym key when
 * one was kept. Every change is saved at once through the owner's operation (`onUpdate`), which hands the saved
 * settings up so the other views follow them.
 */
export function PeopleDataPanel({
  privacy,
  words,
  className,
  onUpdate,
  readKey,
  deleteKey,
  children,
}: {
  readonly privacy: PeopleDataSettings;
  readonly words: PeopleDataWords;
  readonly className: string;
  /** Saves a change; throws the backend's message. */
  readonly onUpdate: (change: PeopleDataChange) => Promise<void>;
  readonly readKey: () => Promise<readonly PseudonymEntry[]>;
  readonly deleteKey: () => Promise<void>;
  /** More about the names (the columns dropped at import), under the names section. */
  readonly children?: ReactNode;
}) {
  const ids = { size: useId(), sizeHelp: useId(), names: useId(), consent: useId() };
  const [sizeDraft, setSizeDraft] = useState(String(privacy.minGroupSize));
  const [sizeError, setSizeError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const update = async (change: PeopleDataChange) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await onUpdate(change);
    } catch (error) {
      setProblem(`The setting could not be saved: ${errorText(error)}`);
    } finally {
      setSaving(false);
    }
  };

  // Checked in the page first, so a size under 3 is explained where it was typed; the backend checks again.
  const applySize = () => {
    const size = Number(sizeDraft);
    if (sizeDraft.trim() === '' || !Number.isInteger(size) || size < MIN_GROUP_SIZE_FLOOR) {
      setSizeError(MIN_GROUP_SIZE_MESSAGE);
      return;
    }
    setSizeError(undefined);
    if (size !== privacy.minGroupSize) void update({ minGroupSize: size });
  };

  return (
    <div className={className}>
      <section className="comparison-panel" aria-labelledby={ids.names}>
        <h3 id={ids.names}>Names</h3>
        <p data-testid="privacy-names">{privacy.pseudonymized ? words.pseudonyms : words.realNames}</p>
        {children}
        {privacy.note !== '' ? <p className="muted small">Why: {privacy.note}.</p> : null}
      </section>

      <section className="comparison-panel" aria-labelledby={ids.consent}>
        <h3 id={ids.consent}>Who may be seen</h3>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={privacy.individualConsent}
            disabled={saving}
            onChange={(event) => void update({ individualConsent: event.target.checked })}
          />
          Participants agreed to individual views
        </label>
        <p className="muted small">{privacy.individualConsent ? words.consentOn : words.consentOff}</p>
        <div className="field group-size-field">
          <label htmlFor={ids.size}>Minimum group size</label>
          <div className="inline-field">
            <input
              id={ids.size}
              type="number"
              min={MIN_GROUP_SIZE_FLOOR}
              step={1}
              value={sizeDraft}
              aria-describedby={ids.sizeHelp}
              aria-invalid={sizeError !== undefined}
              onChange={(event) => {
                setSizeDraft(event.target.value);
                setSizeError(undefined);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') applySize();
              }}
            />
            <button type="button" disabled={saving} onClick={applySize}>
              Apply
            </button>
          </div>
          <p id={ids.sizeHelp} className="muted small">
            {words.groupSize} (now {privacy.minGroupSize}; at least {MIN_GROUP_SIZE_FLOOR}), with a note
            saying so.
          </p>
          {sizeError !== undefined ? (
            <p className="form-error" role="alert">
              {sizeError}
            </p>
          ) : null}
        </div>
        {problem !== undefined ? (
          <p className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
      </section>

      {privacy.pseudonymized ? (
        <KeySection
          keyKept={privacy.keyKept}
          secretKept={privacy.secretKept}
          readKey={readKey}
          deleteKey={deleteKey}
          secretWords={words.keySecret}
          deletionWarning={words.keyDeletion}
        />
      ) : null}
    </div>
  );
}
