import { axisBottom, scaleBand, scaleLinear, select } from 'd3';
import { useLayoutEffect, useRef } from 'react';
import { ChartFigure } from './ChartFigure';
import { domainWith, paletteColor, shortLabel } from './chart-layout';
import { useWidth } from '../../components/use-width';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

interface HorizontalBarChartProps {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** How a value reads on its bar and the axis ("£12,345"). */
  readonly format: (value: number) => string;
  readonly tickFormat: (value: number) => string;
  readonly valueLabel: string;
  readonly fileName: string;
}

const ROW = 30;
const MARGIN = { top: 6, right: 86, bottom: 34, left: 190 };

/**
 * One bar per row from zero (a harm goes left of it), the value written at the bar's end: present value by
 * stakeholder or by outcome. Drawn with d3's band and linear scales and its bottom axis in a React-owned SVG.
 */
export function HorizontalBarChart({
  title,
  bars,
  format,
  tickFormat,
  valueLabel,
  fileName,
}: HorizontalBarChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const axis = useRef<SVGGElement>(null);
  const width = useWidth(frame);
  const plotWidth = Math.max(60, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(ROW, bars.length * ROW);
  const height = plotHeight + MARGIN.top + MARGIN.bottom;
  const [low, high] = domainWith(bars.map((bar) => bar.value));
  const x = scaleLinear().domain([low, high]).range([0, plotWidth]).nice();
  const y = scaleBand()
    .domain(bars.map((bar) => bar.key))
    .range([0, plotHeight])
    .padding(0.25);

  useLayoutEffect(() => {
    if (axis.current === null) return;
    select(axis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 90)))
        .tickFormat((value) => tickFormat(Number(value))),
    );
  });

  const zero = x(0);
  return (
    <ChartFigure
      title={title}
      description={`${valueLabel}: ${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join('; ')}.`}
      fileName={fileName}
      svg={svg}
    >
      <div ref={frame} className="sroi-chart-box">
        <svg
          ref={svg}
          className="sroi-chart-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`${title}: ${valueLabel}`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={axis} className="axis" transform={`translate(0,${plotHeight})`} />
            <line className="zero-line" x1={zero} x2={zero} y1={0} y2={plotHeight} />
            {bars.map((bar, index) => {
              const top = y(bar.key) ?? 0;
              const end = x(bar.value);
              const left = Math.min(zero, end);
              const barWidth = Math.abs(end - zero);
              return (
                <g key={bar.key} data-bar={bar.label}>
                  <title>{`${bar.label}: ${format(bar.value)}`}</title>
                  <text className="bar-label" x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end">
                    {shortLabel(bar.label, 30)}
                  </text>
                  <rect
                    className={bar.value < 0 ? 'bar harm' : 'bar'}
                    x={left}
                    y={top}
                    width={Math.max(1, barWidth)}
                    height={y.bandwidth()}
                    fill={bar.value < 0 ? undefined : paletteColor(index)}
                  />
                  <text
                    className="bar-value"
                    x={bar.value < 0 ? left - 4 : left + barWidth + 4}
                    y={top + y.bandwidth() / 2}
                    dy="0.35em"
                    textAnchor={bar.value < 0 ? 'end' : 'start'}
                  >
                    {format(bar.value)}
                  </text>
                </g>
              );
            })}
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 30} textAnchor="middle">
              {valueLabel}
            </text>
          </g>
        </svg>
      </div>
    </ChartFigure>
  );
}
