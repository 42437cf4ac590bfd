import { useId, useState } from 'react';
import type { NetworkDocument, NetworkPrivacy } from '../../../../electron/api/contract';
import { call } from '../../api';
import { errorText } from '../../conjoint/format';
import { MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MESSAGE } from '../../../../model/privacy';
import '../import/network-io.css';
import { KeySection } from './KeySection';
import { privacyOf } from './network-privacy';
import './privacy.css';

/**
 * The network's people data (issue 11): whether its names are pseudonyms, whether its participants agreed to
 * individual views, the minimum group size of team figures, and the pseudonym key when one was kept. Every
 * change is saved at once (network.updatePrivacy) and handed up, so the other tabs follow it.
 */
export function PrivacyPanel({
  network,
  onChanged,
}: {
  readonly network: NetworkDocument;
  readonly onChanged: (privacy: NetworkPrivacy) => void;
}) {
  const privacy = privacyOf(network);
  const ids = { size: useId(), sizeHelp: useId(), names: useId(), consent: useId() };
  const [sizeDraft, setSizeDraft] = useState(String(privacy.minGroupSize));
  const [sizeError, setSizeError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const update = async (change: { individualConsent?: boolean; minGroupSize?: number }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      onChanged(await call('network.updatePrivacy', { id: network.id, ...change }));
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
    <div className="network-io privacy-panel">
      <section className="comparison-panel" aria-labelledby={ids.names}>
        <h3 id={ids.names}>Names</h3>
        {privacy.pseudonymized ? (
          <p data-testid="privacy-names">
            <strong>Pseudonyms.</strong> Each person’s id was replaced at import by a stable pseudonym (P-…)
            and their names were dropped; the views and every export show pseudonyms only.
          </p>
        ) : (
          <p data-testid="privacy-names">
            <strong>Real names.</strong> This network holds people’s ids and names as imported, and its
            exports say that they hold real names. Pseudonyms are chosen at import and cannot be added later:
            import the files again with “Replace names with pseudonyms” ticked.
          </p>
        )}
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
        <p className="muted small">
          {privacy.individualConsent
            ? 'Per-person figures are shown: each person’s metrics, the person search and the people a pattern concerns.'
            : 'Off: the views speak of roles, teams and patterns only, never of a named person’s figures. Tick it only if the participants were told and agreed.'}
        </p>
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
            Team figures and charts, in the app and in exports, hide any team with fewer people than this (now{' '}
            {privacy.minGroupSize}; at least {MIN_GROUP_SIZE_FLOOR}), with a note saying so.
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
          network={network}
          keyKept={privacy.keyKept}
          secretKept={privacy.secretKept ?? privacy.keyKept}
          onDeleted={onChanged}
        />
      ) : null}
    </div>
  );
}
