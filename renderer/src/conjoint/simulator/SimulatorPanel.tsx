import { useId, useMemo, useState } from 'react';
import type { ConjointStudyRecord, EstimationKind } from '../../../../electron/api/contract';
import { downloadText } from '../../dynamics/download';
import { HorizontalBars } from '../charts/HorizontalBars';
import { KIND_WORDS } from '../estimation/EstimationPanel';
import { errorText, formatShare, formatValue } from '../format';
import { ProductEditor } from './ProductEditor';
import {
  defaultProducts,
  METHOD_WORDS,
  methodOf,
  productKey,
  runSimulation,
  sharesCsv,
  showsProhibited,
  simulatorSource,
  type MethodKind,
  type Product,
} from './simulator-model';

const MAX_PRODUCTS = 8;

/**
 * The market simulator: offers built from the study's levels, shares by the chosen rule (with the logit
 * exponent, and an optional None), from each respondent's part-worths when the estimate has them, else from the
 * aggregate ones. Recomputed on every edit (a few milliseconds for 200 respondents).
 */
export function SimulatorPanel({ record }: { readonly record: ConjointStudyRecord }) {
  const { responses, estimations } = record.document;
  const id = useId();
  const estimated = (['hb', 'ratings', 'mnl'] as const).filter((kind) => estimations[kind] !== undefined);
  const [kind, setKind] = useState<EstimationKind | undefined>(estimated[0]);
  const chosen = kind !== undefined && estimations[kind] !== undefined ? kind : estimated[0];
  const estimation = chosen === undefined ? undefined : estimations[chosen];
  const reading = useMemo(
    () =>
      responses === null || estimation === undefined ? undefined : simulatorSource(responses, estimation),
    [responses, estimation],
  );
  const source = reading?.ok === true ? reading.source : undefined;
  const [products, setProducts] = useState<readonly Product[]>(() =>
    responses === null ? [] : defaultProducts(responses.attributes, record.document.study),
  );
  const [method, setMethod] = useState<MethodKind>('share-of-preference');
  const [exponent, setExponent] = useState('1');
  const [includeNone, setIncludeNone] = useState(true);

  const exponentValue = Number(exponent);
  const exponentOk = exponent.trim() !== '' && Number.isFinite(exponentValue) && exponentValue >= 0;
  const outcome = useMemo(() => {
    if (source === undefined || products.length === 0 || !exponentOk) return undefined;
    try {
      return {
        ok: true as const,
        result: runSimulation(source, products, methodOf(method, exponentValue), includeNone),
      };
    } catch (error) {
      return { ok: false as const, error: errorText(error) };
    }
  }, [source, products, method, exponentValue, exponentOk, includeNone]);

  if (responses === null || estimation === undefined || chosen === undefined)
    return (
      <div className="empty-state">
        <h3>Estimate the study first</h3>
        <p>
          The simulator uses the part-worths of a saved estimate (step 4): each respondent’s when HB or
          per-respondent ratings give them, else the aggregate ones.
        </p>
      </div>
    );
  if (reading !== undefined && !reading.ok)
    return (
      <div className="banner error" role="alert">
        <p>The simulator cannot use this estimate: {reading.error}.</p>
      </div>
    );

  const total = outcome?.ok === true ? outcome.result.shares.reduce((sum, share) => sum + share, 0) : 0;
  const exportShares = () => {
    if (source === undefined || outcome?.ok !== true) return;
    const csv = sharesCsv(
      [
        ['format', 'empathy-workbench/conjoint-shares@1'],
        ['study', record.name],
        ['estimate', KIND_WORDS[chosen].title],
        ['data_sha256', estimation.dataHash],
        ['seed', estimation.seed],
        ['app_version', estimation.appVersion],
        [
          'method',
          `${METHOD_WORDS[method]}${method === 'share-of-preference' ? `, exponent ${exponentValue}` : ''}`,
        ],
        ['respondents', source.basis === 'individual' ? source.respondents.length : 'aggregate part-worths'],
        ['exported_at', new Date().toISOString()],
      ],
      source,
      products,
      outcome.result,
    );
    downloadText(`${record.name} shares.csv`, 'text/csv', csv);
  };

  return (
    <div className="simulator">
      <section className="panel" aria-labelledby={`${id}-setup`}>
        <h3 id={`${id}-setup`} className="panel-title">
          Market
        </h3>
        <div className="form-grid">
          {estimated.length > 1 ? (
            <label className="field">
              <span>Part-worths from</span>
              <select value={chosen} onChange={(event) => setKind(event.target.value as EstimationKind)}>
                {estimated.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {KIND_WORDS[candidate].title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span>Rule</span>
            <select value={method} onChange={(event) => setMethod(event.target.value as MethodKind)}>
              {(Object.keys(METHOD_WORDS) as MethodKind[]).map((candidate) => (
                <option key={candidate} value={candidate}>
                  {METHOD_WORDS[candidate]}
                </option>
              ))}
            </select>
          </label>
          {method === 'share-of-preference' ? (
            <label className="field">
              <span>Exponent (scale)</span>
              <input
                type="number"
                min={0}
                step={0.1}
                value={exponent}
                aria-invalid={!exponentOk}
                onChange={(event) => setExponent(event.target.value)}
              />
            </label>
          ) : null}
          {source?.hasNone === true ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={includeNone}
                onChange={(event) => setIncludeNone(event.target.checked)}
              />{' '}
              Include “None of these”
            </label>
          ) : null}
        </div>
        <p className="muted small">
          {source?.basis === 'individual'
            ? `Shares averaged over ${source.respondents.length} respondents’ own part-worths.`
            : 'One set of aggregate part-worths for everyone: first choice then gives the whole market to one offer; share of preference spreads it.'}
          {!exponentOk ? ' The exponent must be a number of at least 0.' : ''}
        </p>
      </section>

      <section className="panel" aria-labelledby={`${id}-products`}>
        <div className="panel-heading">
          <h3 id={`${id}-products`} className="panel-title">
            Offers
          </h3>
          <button
            type="button"
            disabled={products.length >= MAX_PRODUCTS || source === undefined}
            onClick={() =>
              source !== undefined &&
              setProducts([
                ...products,
                {
                  key: productKey(),
                  name: `Offer ${String.fromCharCode(65 + products.length)}`,
                  values: products[0]?.values ?? defaultProducts(source.attributes)[0]?.values ?? [],
                },
              ])
            }
          >
            Add offer
          </button>
        </div>
        {source !== undefined ? (
          <ProductEditor
            attributes={source.attributes}
            products={products}
            prohibited={
              new Set(
                products
                  .filter((product) =>
                    showsProhibited(record.document.study, source.attributes, product.values),
                  )
                  .map((product) => product.key),
              )
            }
            onChange={setProducts}
          />
        ) : null}
      </section>

      <section className="panel" aria-labelledby={`${id}-shares`}>
        <div className="panel-heading">
          <h3 id={`${id}-shares`} className="panel-title">
            Shares
          </h3>
          <button type="button" disabled={outcome?.ok !== true} onClick={exportShares}>
            Export CSV
          </button>
        </div>
        {outcome === undefined ? (
          <p className="muted">Add an offer to see shares.</p>
        ) : !outcome.ok ? (
          <div className="banner error" role="alert">
            <p>{outcome.error}</p>
          </div>
        ) : (
          <>
            <HorizontalBars
              title="Market shares"
              variant="shares"
              bars={outcome.result.names.map((name, index) => ({
                key: `${index}`,
                label: name,
                value: (outcome.result.shares[index] ?? 0) * 100,
                text: formatShare(outcome.result.shares[index] ?? Number.NaN),
              }))}
              domain={[0, 100]}
            />
            <p className="small" data-testid="share-total">
              Total {formatShare(total)} · mean utility{' '}
              {outcome.result.names
                .map(
                  (name, index) => `${name} ${formatValue(outcome.result.meanUtility[index] ?? Number.NaN)}`,
                )
                .join(', ')}
              {outcome.result.respondentsExcluded > 0
                ? ` · ${outcome.result.respondentsExcluded} respondents with a negative utility left out (BTL)`
                : ''}
            </p>
          </>
        )}
      </section>
    </div>
  );
}
