/**
 * The tornado: for each varied parameter, the KPI with that parameter at its 5th and at its 95th percentile and
 * every other at its median (one-at-a-time swings, model/sd/sensitivity/tornado.ts), as a bar from the one to
 * the other around the base (all at their medians); largest swing on top. The bar's halves are coloured by which
 * end of the parameter moved the KPI there, so a parameter that lowers the KPI reads at a glance.
 */
import { axisBottom, scaleLinear, select } from 'd3';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { displayName } from '../../../../model/sd';
import type { Tornado } from '../../../../model/sd/sensitivity';
import { formatChange, formatValue } from '../charts/number-format';
import '../charts/charts.css';
import { useWidth } from '../../components/use-width';

const ROW = 30;
const MARGIN = { top: 8, right: 70, bottom: 40, left: 190 };

export const LOW_COLOR = '#d9822b';
export const HIGH_COLOR = '#2b7bb9';

export const TornadoChart = memo(function TornadoChart({
  tornado,
  kpiLabel,
}: {
  readonly tornado: Tornado;
  readonly kpiLabel: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame, 280, 560);
  const entries = tornado.entries;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = Math.max(ROW, entries.length * ROW);
  const height = plotHeight + MARGIN.top + MARGIN.bottom;

  const x = useMemo(() => {
    const values = [tornado.base, ...entries.flatMap((entry) => [entry.kpiAtLow, entry.kpiAtHigh])].filter(
      Number.isFinite,
    );
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
    return scaleLinear()
      .domain([min - pad, max + pad])
      .nice()
      .range([0, plotWidth]);
  }, [tornado.base, entries, plotWidth]);

  useLayoutEffect(() => {
    if (xAxis.current === null) return;
    select(xAxis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 90)))
        .tickSize(-plotHeight)
        .tickFormat((value) => formatValue(Number(value))),
    );
  }, [x, plotWidth, plotHeight]);

  const base = x(Number.isFinite(tornado.base) ? tornado.base : 0);
  return (
    <figure className="chart tornado-chart">
      <figcaption className="chart-caption">
        <span className="chart-title">Tornado: {kpiLabel}</span>
        <span className="tornado-legend small">
          <span className="swatch" style={{ background: LOW_COLOR }} /> parameter at its 5th percentile
          <span className="swatch" style={{ background: HIGH_COLOR }} /> at its 95th
        </span>
      </figcaption>
      <div ref={frame} className="chart-frame">
        <svg
          className="chart-svg"
          width={width}
          height={height}
          role="img"
          aria-label={`Tornado of ${kpiLabel}: ${entries.map((entry) => `${displayName(entry.parameter)} swings it by ${formatValue(entry.swing)}`).join('; ')}`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={xAxis} className="axis axis-x" transform={`translate(0,${plotHeight})`} />
            {entries.map((entry, index) => {
              const top = index * ROW + 5;
              const bar = (value: number, color: string, end: 'low' | 'high') => {
                if (!Number.isFinite(value)) return null;
                const at = x(value);
                return (
                  <rect
                    className={`tornado-bar ${end}`}
                    x={Math.min(at, base)}
                    y={top}
                    width={Math.max(1, Math.abs(at - base))}
                    height={ROW - 10}
                    fill={color}
                  >
                    <title>
                      {`${displayName(entry.parameter)} at ${formatValue(end === 'low' ? entry.low : entry.high)}: ${kpiLabel} ${formatValue(value)}`}
                    </title>
                  </rect>
                );
              };
              const right = Math.max(x(entry.kpiAtLow), x(entry.kpiAtHigh), base);
              return (
                <g key={entry.parameter} className="tornado-row" data-parameter={entry.parameter}>
                  <text
                    className="tornado-label"
                    x={-8}
                    y={top + (ROW - 10) / 2}
                    dy="0.35em"
                    textAnchor="end"
                  >
                    {displayName(entry.parameter)}
                  </text>
                  {/* The longer bar first, so a shorter one on the same side is drawn over it, not hidden. */}
                  {Math.abs(entry.kpiAtLow - tornado.base) >= Math.abs(entry.kpiAtHigh - tornado.base) ? (
                    <>
                      {bar(entry.kpiAtLow, LOW_COLOR, 'low')}
                      {bar(entry.kpiAtHigh, HIGH_COLOR, 'high')}
                    </>
                  ) : (
                    <>
                      {bar(entry.kpiAtHigh, HIGH_COLOR, 'high')}
                      {bar(entry.kpiAtLow, LOW_COLOR, 'low')}
                    </>
                  )}
                  <text className="tornado-value small" x={right + 6} y={top + (ROW - 10) / 2} dy="0.35em">
                    {formatChange(entry.swing)}
                  </text>
                </g>
              );
            })}
            <line className="tornado-base" x1={base} x2={base} y1={0} y2={plotHeight} />
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle">
              {kpiLabel} (base {formatValue(tornado.base)}, every parameter at its median)
            </text>
          </g>
        </svg>
      </div>
    </figure>
  );
});
