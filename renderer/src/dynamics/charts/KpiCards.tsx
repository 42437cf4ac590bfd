import { kpiText } from './kpi-format';
import type { KpiValue } from './kpis';

interface KpiCardsProps {
  readonly kpis: readonly KpiValue[];
  /** The time the figures are taken at, as a label ("month 120"). */
  readonly horizon: string;
  /** What the changes are measured against ("the baseline"). */
  readonly against: string;
}

/** The key figures at the horizon, each with its change against the reference run. */
export function KpiCards({ kpis, horizon, against }: KpiCardsProps) {
  if (kpis.length === 0) return null;
  return (
    <section className="kpi-cards" aria-label={`Key figures at ${horizon}`}>
      {kpis.map((kpi) => {
        const text = kpiText(kpi);
        return (
          <article key={kpi.definition.id} className="kpi-card" data-kpi={kpi.definition.id}>
            <h3 className="kpi-label">{kpi.definition.label}</h3>
            <p className="kpi-value">
              {text.value}
              {kpi.units === undefined || kpi.value === undefined ? null : (
                <span className="kpi-units"> {kpi.units}</span>
              )}
            </p>
            {text.change === undefined ? (
              <p className="kpi-change neutral">{kpi.note ?? `at ${horizon}`}</p>
            ) : (
              <p className={`kpi-change ${text.tone}`}>
                {text.change}
                {text.relative === undefined ? '' : ` (${text.relative})`}
                <span className="kpi-against"> vs {against}</span>
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}
