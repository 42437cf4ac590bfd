import { axisBottom, scaleBand, scaleLinear, select } from 'd3';
import { useLayoutEffect, useRef } from 'react';
import { ChartFigure } from './ChartFigure';
import { domainWith, shortLabel } from './chart-layout';
import { useWidth } from '../../components/use-width';

export interface TornadoRow {
  readonly key: string;
  /** "customer-retention · Displacement" */
  readonly label: string;
  /** The range swept, as it reads ("40% – 60%"). */
  readonly range: string;
  readonly ratioAtLow: number;
  readonly ratioAtHigh: number;
}

interface TornadoChartProps {
  readonly title: string;
  readonly rows: readonly TornadoRow[];
  readonly baseRatio: number;
  readonly fileName: string;
}

const ROW = 34;
// The legend takes the first row; the base ratio's label the second, above its line.
const MARGIN = { top: 44, right: 56, bottom: 34, left: 230 };
const ratioText = (ratio: number): string => (Number.isFinite(ratio) ? ratio.toFixed(2) : '—');

/**
 * The tornado chart of the sensitivity analysis (Guide 5.4): one bar per assumption, from the ratio at the low end
 * of its range to the ratio at the high end, largest swing on top, over the base ratio and the 1:1 line where
 * the value created equals the inputs.
 */
export function TornadoChart({ title, rows, baseRatio, fileName }: TornadoChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const axis = useRef<SVGGElement>(null);
  const width = useWidth(frame);
  const plotWidth = Math.max(80, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(ROW, rows.length * ROW);
  const height = plotHeight + MARGIN.top + MARGIN.bottom;
  const [low, high] = domainWith(
    rows.flatMap((row) => [row.ratioAtLow, row.ratioAtHigh]),
    [baseRatio, 1],
  );
  const x = scaleLinear().domain([low, high]).range([0, plotWidth]).nice();
  const y = scaleBand()
    .domain(rows.map((row) => row.key))
    .range([0, plotHeight])
    .padding(0.28);

  useLayoutEffect(() => {
    if (axis.current === null) return;
    select(axis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 70)))
        .tickFormat((value) => `${Number(value).toFixed(2)}`),
    );
  });

  const base = x(baseRatio);
  const parity = x(1);
  return (
    <ChartFigure
      title={title}
      description={`SROI ratio when each assumption is at the low and the high end of its range, around the base ratio ${ratioText(
        baseRatio,
      )}: ${rows.map((row) => `${row.label} ${ratioText(row.ratioAtLow)} to ${ratioText(row.ratioAtHigh)}`).join('; ')}.`}
      fileName={fileName}
      svg={svg}
    >
      <div ref={frame} className="sroi-chart-box">
        <svg
          ref={svg}
          className="sroi-chart-svg tornado"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={title}
        >
          <g className="legend" transform={`translate(${MARGIN.left},4)`}>
            <rect className="bar low-end" x={0} y={1} width={12} height={12} rx={2} />
            <text className="legend-label" x={18} y={11}>
              Low end of the range
            </text>
            <rect className="bar high-end" x={150} y={1} width={12} height={12} rx={2} />
            <text className="legend-label" x={168} y={11}>
              High end of the range
            </text>
          </g>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={axis} className="axis" transform={`translate(0,${plotHeight})`} />
            {rows.map((row) => {
              const top = y(row.key) ?? 0;
              const middle = top + y.bandwidth() / 2;
              const segment = (ratio: number, kind: 'low-end' | 'high-end') => {
                const end = x(ratio);
                return (
                  <rect
                    className={`bar ${kind}`}
                    x={Math.min(base, end)}
                    y={top}
                    width={Math.max(1, Math.abs(end - base))}
                    height={y.bandwidth()}
                  />
                );
              };
              const left = Math.min(x(row.ratioAtLow), x(row.ratioAtHigh), base);
              const right = Math.max(x(row.ratioAtLow), x(row.ratioAtHigh), base);
              const leftRatio = x(row.ratioAtLow) <= x(row.ratioAtHigh) ? row.ratioAtLow : row.ratioAtHigh;
              const rightRatio = leftRatio === row.ratioAtLow ? row.ratioAtHigh : row.ratioAtLow;
              return (
                <g key={row.key} data-bar={row.label}>
                  <title>{`${row.label} (${row.range}): ratio ${ratioText(row.ratioAtLow)} at the low end, ${ratioText(row.ratioAtHigh)} at the high end`}</title>
                  <text className="bar-label" x={-8} y={middle - 6} dy="0.35em" textAnchor="end">
                    {shortLabel(row.label, 36)}
                  </text>
                  <text className="bar-sublabel" x={-8} y={middle + 7} dy="0.35em" textAnchor="end">
                    {row.range}
                  </text>
                  {segment(row.ratioAtLow, 'low-end')}
                  {segment(row.ratioAtHigh, 'high-end')}
                  <text className="bar-value" x={left - 4} y={middle} dy="0.35em" textAnchor="end">
                    {ratioText(leftRatio)}
                  </text>
                  <text className="bar-value" x={right + 4} y={middle} dy="0.35em" textAnchor="start">
                    {ratioText(rightRatio)}
                  </text>
                </g>
              );
            })}
            <line className="base-line" x1={base} x2={base} y1={-6} y2={plotHeight} />
            <text className="line-label" x={base} y={-10} textAnchor="middle">
              base {ratioText(baseRatio)}
            </text>
            {parity >= 0 && parity <= plotWidth ? (
              <>
                <line className="parity-line" x1={parity} x2={parity} y1={-6} y2={plotHeight} />
                <text className="line-label parity" x={parity} y={plotHeight + 30} textAnchor="middle">
                  1 : 1
                </text>
              </>
            ) : null}
          </g>
        </svg>
      </div>
    </ChartFigure>
  );
}
