import type { Study } from '../../../../model/conjoint';
import type { ConjointEstimation } from '../../../../electron/api/contract';
import { HorizontalBars, type Bar } from '../charts/HorizontalBars';
import { format } from 'd3';
import { formatValue } from '../format';

/** Three significant digits at a bar's end (the coefficient table has the precise values). */
const short = format('+.3~r');
const signed = (value: number): string => (Number.isFinite(value) ? short(value).replace('-', '−') : '—');

/** Each attribute's part-worths as bars: level utilities centred per attribute, a numeric one at the study's levels. */
export function partWorthBars(
  study: Study,
  estimation: ConjointEstimation,
): { attribute: string; note: string; bars: Bar[] }[] {
  return Object.entries(estimation.report.partWorths).map(([attribute, entry]) => {
    if ('perUnit' in entry && typeof entry.perUnit === 'number') {
      const studied = study.attributes.find((candidate) => candidate.name === attribute);
      const values = studied?.kind === 'numeric' ? studied.levels : [...(entry.range as readonly number[])];
      const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
      return {
        attribute,
        note: `${formatValue(entry.perUnit)} per unit${studied?.kind === 'numeric' && studied.unit !== undefined ? ` (${studied.unit})` : ''}, centred on the mean level`,
        bars: values.map((value) => {
          const utility = entry.perUnit * (value - mean);
          return { key: String(value), label: String(value), value: utility, text: signed(utility) };
        }),
      };
    }
    const levels = entry as Readonly<Record<string, number>>;
    return {
      attribute,
      note: 'Centred: the levels sum to zero',
      bars: Object.entries(levels).map(([level, value]) => ({
        key: level,
        label: level,
        value,
        text: signed(value),
      })),
    };
  });
}

/** Part-worth charts, one per attribute, on one shared scale so attributes compare at a glance. */
export function PartWorthCharts({
  study,
  estimation,
}: {
  readonly study: Study;
  readonly estimation: ConjointEstimation;
}) {
  const charts = partWorthBars(study, estimation);
  const values = charts.flatMap((chart) => chart.bars.map((bar) => bar.value));
  const domain: [number, number] = [Math.min(0, ...values), Math.max(0, ...values)];
  return (
    <div className="bar-grid part-worths">
      {charts.map((chart) => (
        <figure key={chart.attribute} className="bar-figure" data-attribute={chart.attribute}>
          <figcaption>
            <strong>{chart.attribute}</strong> <span className="muted small">{chart.note}</span>
          </figcaption>
          <HorizontalBars title={`Part-worths of ${chart.attribute}`} bars={chart.bars} domain={domain} />
        </figure>
      ))}
    </div>
  );
}
