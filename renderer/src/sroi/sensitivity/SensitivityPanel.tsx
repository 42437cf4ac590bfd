import { useMemo } from 'react';
import {
  analyseSensitivity,
  SENSITIVITY_ASSUMPTIONS,
  type SensitivityAnalysis,
} from '../../../../model/sroi';
import { TornadoChart } from '../charts/TornadoChart';
import { NumberCell } from '../editor/cells';
import { useSroi } from '../session/sroi-context';
import { DEFAULT_SENSITIVITY, ASSUMPTION_LABELS } from './sensitivity-settings';
import { rangeAmount, rangeFromText, rangeUnit, tornadoRows } from './sensitivity-rows';
import { SwitchingValuesTable } from './SwitchingValuesTable';

/** The sensitivity analysis of the open analysis with the analyst's ranges, or why there is none. */
export function useSensitivityAnalysis():
  | { readonly ok: true; readonly value: SensitivityAnalysis }
  | { readonly ok: false; readonly message: string } {
  const { session, linked, sensitivity } = useSroi();
  const { document } = session;
  const { quantitiesByYear } = linked;
  return useMemo(() => {
    const result = analyseSensitivity(document, { quantitiesByYear, ranges: sensitivity });
    if (!result.ok)
      return { ok: false, message: result.errors[0]?.message ?? 'The analysis cannot be evaluated.' };
    return { ok: true, value: result.value };
  }, [document, quantitiesByYear, sensitivity]);
}

/**
 * Issue 8, point 3: each assumption of each outcome varied over its range, everything else held (Guide 5.4): the
 * tornado of the largest swings, and the switching values that bring the ratio to 1:1.
 */
export function SensitivityPanel() {
  const { currency, sensitivity, setSensitivity, session } = useSroi();
  const analysis = useSensitivityAnalysis();
  return (
    <div className="sroi-sensitivity">
      <section className="panel sroi-section" aria-labelledby="sroi-ranges-heading">
        <div className="section-head">
          <h3 id="sroi-ranges-heading" className="panel-title">
            Ranges
          </h3>
          <button type="button" className="link" onClick={() => setSensitivity(DEFAULT_SENSITIVITY)}>
            Default ranges
          </button>
        </div>
        <p className="muted small">
          Each assumption is moved by this much either way, one at a time, clipped to the values it may take.
        </p>
        <div className="range-grid">
          {SENSITIVITY_ASSUMPTIONS.map((assumption) => {
            const range = sensitivity[assumption];
            const amount = rangeAmount(assumption, range);
            return (
              <div key={assumption} className="range-row">
                <span className="range-label">{ASSUMPTION_LABELS[assumption]} ±</span>
                <NumberCell
                  label={`${ASSUMPTION_LABELS[assumption]} range`}
                  value={amount}
                  onChange={(value) => {
                    if (value < 0) return;
                    setSensitivity({ ...sensitivity, [assumption]: rangeFromText(assumption, range, value) });
                  }}
                  onSettle={() => undefined}
                />
                <span className="muted small">{rangeUnit(assumption, range)}</span>
              </div>
            );
          })}
        </div>
      </section>
      {!analysis.ok ? (
        <div className="empty-state">
          <h2>No sensitivity analysis until the impact map adds up</h2>
          <p>{analysis.message}</p>
        </div>
      ) : (
        <>
          <section className="panel sroi-section" aria-label="Tornado chart">
            <TornadoChart
              title="What moves the ratio most"
              rows={tornadoRows(analysis.value, currency)}
              baseRatio={analysis.value.baseRatio}
              fileName={`${session.name} tornado`}
            />
          </section>
          <section className="panel sroi-section" aria-labelledby="sroi-switching-heading">
            <h3 id="sroi-switching-heading" className="panel-title">
              Switching values
            </h3>
            <p className="muted small">
              The value each assumption would need, everything else as it is, for the ratio to be 1:1: the
              value created equal to the inputs (Guide 5.4; the Green Book’s switching value).
            </p>
            <SwitchingValuesTable analysis={analysis.value} currency={currency} />
          </section>
        </>
      )}
    </div>
  );
}
