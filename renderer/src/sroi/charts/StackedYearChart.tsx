import { axisBottom, axisLeft, line, scaleBand, scaleLinear, select } from 'd3';
import { useLayoutEffect, useRef } from 'react';
import { ChartFigure } from './ChartFigure';
import { domainWith, paletteColor, shortLabel, stackByYear } from './chart-layout';
import { useWidth } from '../../components/use-width';

interface StackedYearChartProps {
  readonly title: string;
  /** One series per stakeholder: its undiscounted value in years 1..n. */
  readonly series: readonly { readonly key: string; readonly values: readonly number[] }[];
  /** The total's present value in years 1..n, drawn as a line over the bars. */
  readonly presentValues: readonly number[];
  readonly format: (value: number) => string;
  readonly tickFormat: (value: number) => string;
  readonly fileName: string;
}

const MARGIN = { top: 8, right: 16, bottom: 34, left: 70 };
const LEGEND_ROW = 18;

/**
 * Value by stakeholder and year (issue 8, point 5): each year's bar stacks the stakeholders' undiscounted value
 * (harms below zero), and a line marks the year's present value, so the effect of discounting reads off the gap.
 */
export function StackedYearChart({
  title,
  series,
  presentValues,
  format,
  tickFormat,
  fileName,
}: StackedYearChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame);
  const years = presentValues.length;
  const legend = [...series.map((entry) => entry.key), 'Present value (total)'];
  const legendWidth = Math.max(
    120,
    Math.floor((width - MARGIN.left) / Math.max(1, Math.min(legend.length, 3))),
  );
  const perRow = Math.max(1, Math.floor((width - MARGIN.left) / legendWidth));
  const legendHeight = Math.ceil(legend.length / perRow) * LEGEND_ROW;
  const top = MARGIN.top + legendHeight + 8;
  const height = 280 + legendHeight;
  const plotWidth = Math.max(60, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - top - MARGIN.bottom;
  const segments = stackByYear(series, years);
  const [low, high] = domainWith([
    ...segments.flatMap((segment) => [segment.from, segment.to]),
    ...presentValues,
  ]);
  const x = scaleBand<number>()
    .domain(Array.from({ length: years }, (_, index) => index + 1))
    .range([0, plotWidth])
    .padding(0.3);
  const y = scaleLinear().domain([low, high]).range([plotHeight, 0]).nice();

  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(axisBottom(x).tickFormat((year) => `Year ${year}`));
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(Math.max(2, Math.floor(plotHeight / 45)))
        .tickSize(-plotWidth)
        .tickFormat((value) => tickFormat(Number(value))),
    );
  });

  const colorOf = (key: string) => paletteColor(series.findIndex((entry) => entry.key === key));
  const presentLine =
    line<number>()
      .x((_, index) => (x(index + 1) ?? 0) + x.bandwidth() / 2)
      .y((value) => y(value))(presentValues) ?? '';

  return (
    <ChartFigure
      title={title}
      description={`Undiscounted value by stakeholder in years 1 to ${years}, and the present value of each year. ${presentValues
        .map((value, index) => `Year ${index + 1}: ${format(value)} present value`)
        .join('; ')}.`}
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
          aria-label={title}
        >
          <g className="legend" transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {legend.map((label, index) => {
              const isLine = index === series.length;
              const lx = (index % perRow) * legendWidth;
              const ly = Math.floor(index / perRow) * LEGEND_ROW;
              return (
                <g key={label} transform={`translate(${lx},${ly})`}>
                  {isLine ? (
                    <line className="pv-swatch" x1={0} x2={14} y1={7} y2={7} />
                  ) : (
                    <rect x={0} y={1} width={12} height={12} rx={2} fill={paletteColor(index)} />
                  )}
                  <text className="legend-label" x={19} y={11}>
                    <title>{label}</title>
                    {shortLabel(label, Math.floor((legendWidth - 24) / 6.5))}
                  </text>
                </g>
              );
            })}
          </g>
          <g transform={`translate(${MARGIN.left},${top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis" transform={`translate(0,${plotHeight})`} />
            <line className="zero-line" x1={0} x2={plotWidth} y1={y(0)} y2={y(0)} />
            {segments.map((segment) => (
              <rect
                key={`${segment.key}-${segment.year}`}
                className="bar"
                x={x(segment.year) ?? 0}
                width={x.bandwidth()}
                y={y(Math.max(segment.from, segment.to))}
                height={Math.abs(y(segment.from) - y(segment.to))}
                fill={colorOf(segment.key)}
              >
                <title>{`${segment.key}, year ${segment.year}: ${format(segment.value)}`}</title>
              </rect>
            ))}
            <path className="pv-line" d={presentLine} />
            {presentValues.map((value, index) => (
              <circle
                key={index}
                className="pv-dot"
                cx={(x(index + 1) ?? 0) + x.bandwidth() / 2}
                cy={y(value)}
                r={3.5}
              >
                <title>{`Year ${index + 1} present value: ${format(value)}`}</title>
              </circle>
            ))}
          </g>
        </svg>
      </div>
    </ChartFigure>
  );
}
