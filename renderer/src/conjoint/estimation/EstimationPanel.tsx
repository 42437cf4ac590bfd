import { useId, useState } from 'react';
import type { ConjointStudyRecord, EstimationKind } from '../../../../electron/api/contract';
import { ResultsView } from '../results/ResultsView';
import type { EstimationState, HbSettings } from './use-estimation';

export const KIND_WORDS: Readonly<
  Record<EstimationKind, { readonly title: string; readonly detail: string }>
> = {
  ratings: {
    title: 'Ratings OLS',
    detail: 'Least squares on effects-coded attributes, pooled and per respondent (R’s conjoint package).',
  },
  mnl: {
    title: 'Multinomial logit (MNL)',
    detail:
      'One set of part-worths for everyone, by Newton–Raphson (as R’s clogit); WTP with delta-method SEs.',
  },
  hb: {
    title: 'Hierarchical Bayes',
    detail: 'Each respondent’s part-worths (bayesm’s rhierMnlRwMixture sampler), seeded; takes a while.',
  },
};

interface EstimationControls {
  readonly state: EstimationState;
  readonly run: (kind: EstimationKind, hb: HbSettings) => Promise<void>;
  readonly cancel: () => void;
}

const whole = (text: string): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) ? value : null;
};

/**
 * Estimation: choose the method the responses allow, run it in the worker (HB with a progress bar and cancel),
 * and read the results of any estimate saved with the study.
 */
export function EstimationPanel({
  record,
  estimation,
}: {
  readonly record: ConjointStudyRecord;
  readonly estimation: EstimationControls;
}) {
  const { responses, estimations } = record.document;
  const id = useId();
  const kinds: readonly EstimationKind[] =
    responses === null ? [] : responses.kind === 'ratings' ? ['ratings'] : ['mnl', 'hb'];
  const [kind, setKind] = useState<EstimationKind>(kinds[0] ?? 'mnl');
  const [iterations, setIterations] = useState('10000');
  const [burnIn, setBurnIn] = useState('5000');
  const [seed, setSeed] = useState('1');
  const estimated = (['ratings', 'mnl', 'hb'] as const).filter(
    (candidate) => estimations[candidate] !== undefined,
  );
  const [shown, setShown] = useState<EstimationKind | undefined>(estimated[0]);
  const { state } = estimation;
  const running = state.status === 'running' || state.status === 'saving';
  const viewing = shown !== undefined && estimations[shown] !== undefined ? shown : estimated[0];

  const settings = (() => {
    const total = whole(iterations);
    const burn = whole(burnIn);
    const chosenSeed = whole(seed);
    if (total === null || total < 2) return { problem: 'Iterations must be a whole number of at least 2.' };
    if (burn === null || burn < 0 || burn >= total)
      return { problem: 'The burn-in must be a whole number below the iterations.' };
    if (chosenSeed === null) return { problem: 'The seed must be a whole number.' };
    return { value: { iterations: total, burnIn: burn, seed: chosenSeed } };
  })();

  if (responses === null)
    return (
      <div className="empty-state">
        <h3>Nothing to estimate yet</h3>
        <p>
          Import the responses first (step 3). Estimates are saved with the study and come back after a
          reload.
        </p>
      </div>
    );

  const start = () => {
    if (kind === 'hb' && settings.value === undefined) return;
    void estimation
      .run(kind, settings.value ?? { iterations: 2, burnIn: 1, seed: 1 })
      .then(() => setShown(kind));
  };

  return (
    <div className="estimation-panel">
      <section className="panel" aria-labelledby={`${id}-run`}>
        <h3 id={`${id}-run`} className="panel-title">
          Estimate
        </h3>
        <div className="method-list" role="radiogroup" aria-label="Estimation method">
          {kinds.map((candidate) => (
            <label key={candidate} className="method">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === candidate}
                disabled={running}
                onChange={() => setKind(candidate)}
              />
              <span>
                <strong>{KIND_WORDS[candidate].title}</strong>
                <br />
                <span className="muted small">{KIND_WORDS[candidate].detail}</span>
              </span>
            </label>
          ))}
        </div>
        {kind === 'hb' ? (
          <div className="form-grid">
            <label className="field">
              <span>Iterations</span>
              <input
                type="number"
                min={2}
                step={1000}
                value={iterations}
                disabled={running}
                onChange={(event) => setIterations(event.target.value)}
              />
            </label>
            <label className="field">
              <span>Burn-in</span>
              <input
                type="number"
                min={0}
                step={1000}
                value={burnIn}
                disabled={running}
                onChange={(event) => setBurnIn(event.target.value)}
              />
            </label>
            <label className="field">
              <span>Seed</span>
              <input
                type="number"
                value={seed}
                disabled={running}
                onChange={(event) => setSeed(event.target.value)}
              />
            </label>
            {settings.problem !== undefined ? <p className="form-error">{settings.problem}</p> : null}
          </div>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={running || (kind === 'hb' && settings.value === undefined)}
            onClick={start}
          >
            {running ? 'Estimating…' : `Run ${KIND_WORDS[kind].title}`}
          </button>
          {running && state.status === 'running' ? (
            <button type="button" onClick={estimation.cancel}>
              Cancel
            </button>
          ) : null}
        </div>
        <EstimationStatus state={state} />
      </section>

      {estimated.length > 0 && viewing !== undefined ? (
        <section className="results" aria-label="Results">
          {estimated.length > 1 ? (
            <div className="choice-row" role="radiogroup" aria-label="Estimate shown">
              {estimated.map((candidate) => (
                <label key={candidate}>
                  <input
                    type="radio"
                    name={`${id}-shown`}
                    checked={viewing === candidate}
                    onChange={() => setShown(candidate)}
                  />{' '}
                  {KIND_WORDS[candidate].title}
                </label>
              ))}
            </div>
          ) : null}
          <ResultsView record={record} kind={viewing} />
        </section>
      ) : (
        <p className="muted">No estimate yet: run one above.</p>
      )}
    </div>
  );
}

function EstimationStatus({ state }: { readonly state: EstimationState }) {
  if (state.status === 'running') {
    const { done, total } = state;
    return (
      <div className="progress-line" role="status">
        {done !== null && total !== null ? (
          <>
            <progress max={total} value={done} aria-label="Estimation progress" />
            <span className="small">
              {KIND_WORDS[state.kind].title}: iteration {done.toLocaleString('en-US')} of{' '}
              {total.toLocaleString('en-US')}
            </span>
          </>
        ) : (
          <>
            <progress aria-label="Estimation progress" />
            <span className="small">{KIND_WORDS[state.kind].title}: estimating…</span>
          </>
        )}
      </div>
    );
  }
  if (state.status === 'saving')
    return (
      <p className="small" role="status">
        Saving the estimate…
      </p>
    );
  if (state.status === 'cancelled')
    return (
      <p className="small" role="status">
        Cancelled. Nothing was saved; the previous {KIND_WORDS[state.kind].title} estimate, if any, is kept.
      </p>
    );
  if (state.status === 'failed')
    return (
      <div className="banner error" role="alert">
        <p>
          {KIND_WORDS[state.kind].title} could not be estimated: {state.message}
        </p>
      </div>
    );
  if (state.status === 'done')
    return (
      <p className="small" role="status">
        {KIND_WORDS[state.kind].title} estimated and saved.
      </p>
    );
  return null;
}
