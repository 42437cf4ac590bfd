import { useId, useState } from 'react';
import {
  meanSampleSize,
  proportionSampleSize,
  type AbResult,
  type SampleSize,
} from '../../../../model/measure';

type Kind = 'proportion' | 'mean';

interface Inputs {
  readonly kind: Kind;
  /** Percent (proportion: the baseline rate). */
  readonly baseline: string;
  /** Percentage points (proportion) or the difference of means. */
  readonly effect: string;
  readonly sd: string;
  readonly alpha: string;
  readonly power: string;
}

/** Figures from an A/B result: its baseline and observed difference, and for a mean the pooled SD. */
export function inputsFrom(result: AbResult | null): Inputs {
  const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));
  if (result === null)
    return { kind: 'proportion', baseline: '50', effect: '5', sd: '1', alpha: '0.05', power: '0.8' };
  const { control, variant } = result;
  const pooledSd =
    control.sd === null || variant.sd === null
      ? 1
      : Math.sqrt(
          ((control.n - 1) * control.sd ** 2 + (variant.n - 1) * variant.sd ** 2) /
            (control.n + variant.n - 2),
        );
  return result.kind === 'proportion'
    ? {
        kind: 'proportion',
        baseline: round(control.estimate * 100, 1),
        effect: round(result.effect * 100, 1),
        sd: '1',
        alpha: String(result.alpha),
        power: '0.8',
      }
    : {
        kind: 'mean',
        baseline: '50',
        effect: round(result.effect, 3),
        sd: round(pooledSd, 3),
        alpha: String(result.alpha),
        power: '0.8',
      };
}

type Outcome = { ok: true; size: SampleSize } | { ok: false; problem: string };

/** The calculator's answer, or which input is wrong and why. */
export function sampleSizeOf(inputs: Inputs): Outcome {
  const alpha = Number(inputs.alpha);
  const power = Number(inputs.power);
  if (!(alpha > 0 && alpha < 1)) return { ok: false, problem: 'Alpha must be between 0 and 1 (e.g. 0.05).' };
  if (!(power > 0 && power < 1)) return { ok: false, problem: 'Power must be between 0 and 1 (e.g. 0.8).' };
  const effect = Number(inputs.effect);
  if (inputs.effect.trim() === '' || !Number.isFinite(effect) || effect === 0)
    return { ok: false, problem: 'The difference to detect must be a number other than 0.' };
  if (inputs.kind === 'proportion') {
    const baseline = Number(inputs.baseline);
    if (inputs.baseline.trim() === '' || !(baseline > 0 && baseline < 100))
      return { ok: false, problem: 'The baseline rate must be a percentage between 0 and 100.' };
    const p2 = baseline + effect;
    if (!(p2 > 0 && p2 < 100))
      return {
        ok: false,
        problem: `The baseline plus the difference (${p2}%) must stay between 0 and 100%.`,
      };
    const size = proportionSampleSize(baseline / 100, p2 / 100, alpha, power);
    return size === null ? { ok: false, problem: 'No sample size for these rates.' } : { ok: true, size };
  }
  const sd = Number(inputs.sd);
  if (inputs.sd.trim() === '' || !(sd > 0)) return { ok: false, problem: 'The SD must be a number above 0.' };
  const size = meanSampleSize(effect, sd, alpha, power);
  return size === null ? { ok: false, problem: 'No sample size for these figures.' } : { ok: true, size };
}

const SOURCES: Readonly<Record<Kind, string>> = {
  proportion:
    'Fleiss, Levin & Paik (2003), Statistical Methods for Rates and Proportions, eq. 4.14 without continuity correction: the formula R’s power.prop.test solves, here in closed form.',
  mean: 'Normal approximation n = 2 (z₁₋α/₂ + z₁₋β)² σ²/δ² plus Guenther’s (1981) correction z²₁₋α/₂/4; within 0.02 of a person of R’s power.t.test above 50 per group, 0.15 near 8.',
};

/**
 * How many people (calls, customers) each of two equal groups needs for a two-sided test to find a given
 * difference with a given power: the engine's formulas (model/measure/sample-size.ts), their source stated.
 */
export function SampleSizeCalculator({ result }: { readonly result: AbResult | null }) {
  const id = useId();
  const [inputs, setInputs] = useState<Inputs>(() => inputsFrom(result));
  const outcome = sampleSizeOf(inputs);
  const set = (patch: Partial<Inputs>) => setInputs({ ...inputs, ...patch });
  return (
    <section className="panel compare-sample-size" aria-labelledby={`${id}-title`}>
      <div className="panel-heading">
        <h3 id={`${id}-title`} className="panel-title">
          Sample size for a planned test
        </h3>
        {result === null ? null : (
          <button type="button" onClick={() => setInputs(inputsFrom(result))}>
            Use this test’s figures
          </button>
        )}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-f0`}>Planned outcome</label>
          <select
            id={`${id}-f0`}
            value={inputs.kind}
            onChange={(event) => set({ kind: event.target.value as Kind })}
          >
            <option value="proportion">A proportion (resolved, retained)</option>
            <option value="mean">A mean (satisfaction, a score)</option>
          </select>
        </div>
        {inputs.kind === 'proportion' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-f1`}>Baseline rate (%)</label>
              <input
                id={`${id}-f1`}
                inputMode="decimal"
                value={inputs.baseline}
                onChange={(event) => set({ baseline: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-f2`}>Difference to detect (points)</label>
              <input
                id={`${id}-f2`}
                inputMode="decimal"
                value={inputs.effect}
                onChange={(event) => set({ effect: event.target.value })}
              />
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-f3`}>Difference of means to detect</label>
              <input
                id={`${id}-f3`}
                inputMode="decimal"
                value={inputs.effect}
                onChange={(event) => set({ effect: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-f4`}>Standard deviation</label>
              <input
                id={`${id}-f4`}
                inputMode="decimal"
                value={inputs.sd}
                onChange={(event) => set({ sd: event.target.value })}
              />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-f5`}>Alpha (two-sided)</label>
          <input
            id={`${id}-f5`}
            inputMode="decimal"
            value={inputs.alpha}
            onChange={(event) => set({ alpha: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-f6`}>Power</label>
          <input
            id={`${id}-f6`}
            inputMode="decimal"
            value={inputs.power}
            onChange={(event) => set({ power: event.target.value })}
          />
        </div>
      </div>
      {outcome.ok ? (
        <p className="compare-answer" data-testid="sample-size">
          <strong>{outcome.size.perGroup.toLocaleString('en-US')}</strong> per group (
          {(outcome.size.perGroup * 2).toLocaleString('en-US')} in all; unrounded{' '}
          {outcome.size.exact.toFixed(2)}).
        </p>
      ) : (
        <p className="form-error" role="alert">
          {outcome.problem}
        </p>
      )}
      <p className="muted small">
        {outcome.ok ? `${outcome.size.method}. ` : ''}
        Source: {SOURCES[inputs.kind]}
      </p>
    </section>
  );
}
