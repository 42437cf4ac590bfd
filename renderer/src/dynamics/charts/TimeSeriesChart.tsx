import { axisBottom, axisLeft, format, line, scaleLinear, select } from 'd3';
import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWidth } from '../../components/use-width';
import { ChartExportButtons, useChartExport } from './ChartExport';
import { layoutLegend, nearestIndex, nearestMeasured, seriesExtent, settleDomain } from './chart-scales';
import { HoverOverlay, HoverReadout, ReadoutRow, hoverKeys } from './HoverReadout';
import { formatPrecise, formatValue } from './number-format';

/** One line on a chart. */
export interface ChartLine {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly time: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  /**
   * `reference` lines (the baseline) are drawn faded and dashed behind the others; `measured` series (a KPI
   * brought back from the Measure section) are drawn as dots at their own times, which need not be the run's.
   */
  readonly role: 'main' | 'reference' | 'measured';
}

interface TimeSeriesChartProps {
  /** Names the chart for screen readers and exported files. */
  readonly title: string;
  readonly lines: readonly ChartLine[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** What the faded lines are, for the legend ("baseline (model as saved)"). */
  readonly referenceLabel?: string | undefined;
  /** File name (without extension) for exports. */
  readonly fileName: string;
  readonly height?: number;
  /**
   * The legend's type size in px when a stylesheet draws it larger than charts.css's 11.5 px (a presentation's
   * chart): the legend is laid out for it, so long names do not run into each other.
   */
  readonly legendFontSize?: number | undefined;
}

/** charts.css's legend type, the size layoutLegend's measures are for. */
const LEGEND_FONT = 11.5;

const MARGIN = { top: 8, right: 18, bottom: 42, left: 64 };
const LEGEND_GAP = 10;

/** Tick labels: SI prefixes for large magnitudes ("120k", "1.5M"), plain digits otherwise. */
function tickFormat(domain: readonly [number, number]): (value: number) => string {
  const magnitude = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const formatter = magnitude >= 1e4 ? format('~s') : format('~g');
  return (value) => formatter(value).replace('-', '−');
}

/**
 * A time-series chart drawn with d3 scales, line generators and axes: the main lines over faded reference lines,
 * a legend in the SVG (so exports carry it), and a hover read-out (a vertical rule with every line's value at the
 * nearest saved time), also reachable with the arrow keys when the chart has focus.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  title,
  lines,
  xLabel,
  yLabel,
  referenceLabel,
  fileName,
  height = 260,
  legendFontSize = LEGEND_FONT,
}: TimeSeriesChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame, 280, 640);
  const [hover, setHover] = useState<number | undefined>();
  const descriptionId = useId();

  const mainLines = lines.filter((candidate) => candidate.role === 'main');
  const measuredSeries = lines.filter((candidate) => candidate.role === 'measured');
  const runLines = lines.filter((candidate) => candidate.role !== 'measured');
  const hasReference = lines.some((candidate) => candidate.role === 'reference');
  const legendEntries: readonly { readonly label: string; readonly entry: ChartLine | undefined }[] = [
    ...mainLines.map((entry) => ({ label: entry.label, entry })),
    ...measuredSeries.map((entry) => ({ label: entry.label, entry })),
    ...(hasReference ? [{ label: referenceLabel ?? 'baseline', entry: undefined }] : []),
  ];
  const legendLabels = legendEntries.map((entry) => entry.label);
  const legendScale = legendFontSize / LEGEND_FONT;
  const legend = layoutLegend(legendLabels, width - MARGIN.left - MARGIN.right, { scale: legendScale });
  const top = MARGIN.top + legend.height + LEGEND_GAP;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - top - MARGIN.bottom;

  // The time axis is the run's; measured points outside it are left out by the caller.
  const time = runLines[0]?.time ?? [];
  const [t0, t1] = seriesExtent([time]);
  const x = useMemo(() => scaleLinear().domain([t0, t1]).range([0, plotWidth]), [t0, t1, plotWidth]);
  // The y domain holds still while the lines move within it (settleDomain); derived state, updated in render.
  const [domain, setDomain] = useState<readonly [number, number] | undefined>();
  const settled = settleDomain(
    domain,
    lines.map((entry) => entry.values),
  );
  if (settled !== domain) setDomain(settled);
  const [y0, y1] = settled;
  const y = useMemo(() => scaleLinear().domain([y0, y1]).range([plotHeight, 0]), [y0, y1, plotHeight]);

  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 80)))
        .tickFormat((value) => format('~g')(Number(value))),
    );
    const formatY = tickFormat([y0, y1]);
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(Math.max(2, Math.floor(plotHeight / 40)))
        .tickSize(-plotWidth)
        .tickFormat((value) => formatY(Number(value))),
    );
  }, [x, y, y0, y1, plotWidth, plotHeight]);

  // Path data per series, kept while the scales stay: a slider moves the current run, so the baseline's paths
  // (and those of lines the slider does not reach) are not rebuilt, and React leaves their `d` untouched.
  const [paths] = useState(() => new WeakMap<ArrayLike<number>, { x: typeof x; y: typeof y; d: string }>());
  const path = (entry: ChartLine): string => {
    const cached = paths.get(entry.values);
    if (cached !== undefined && cached.x === x && cached.y === y) return cached.d;
    // One decimal of a pixel is as fine as a screen (or a 2x PNG) shows, and keeps the path strings short.
    const generator = line<number>()
      .digits(1)
      .defined((index) => Number.isFinite(entry.values[index] as number))
      .x((index) => x(entry.time[index] as number))
      .y((index) => y(entry.values[index] as number));
    const indices = Array.from({ length: Math.min(entry.time.length, entry.values.length) }, (_, i) => i);
    const d = generator(indices) ?? '';
    paths.set(entry.values, { x, y, d });
    return d;
  };

  // Keep the read-out on the same saved time when the lines change under it (a slider moving).
  const hoverIndex = hover === undefined || time.length === 0 ? undefined : Math.min(hover, time.length - 1);

  const pointAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || time.length === 0) return;
    setHover(nearestIndex(time, x.invert(clientX - box.left - MARGIN.left)));
  };

  const onKeyDown = hoverKeys(hoverIndex, time.length, setHover, Math.max(1, Math.round(time.length / 10)));

  const { exportAs, problem: exportProblem } = useChartExport({
    svg,
    frame,
    title,
    description: `${yLabel} over ${xLabel}: ${legendLabels.join(', ')}. Exported from Empathy Workbench.`,
    fileName,
  });

  const hoverX = hoverIndex === undefined ? undefined : x(time[hoverIndex] as number);
  // A measured value is read out at the saved time nearest to it (within half its own spacing).
  const measuredAtHover =
    hoverIndex === undefined
      ? []
      : measuredSeries.flatMap((entry) => {
          const at = nearestMeasured(entry, time[hoverIndex] as number);
          return at === undefined ? [] : [{ entry, ...at }];
        });
  return (
    <figure className="chart">
      <figcaption className="chart-caption">
        <span className="chart-title">{title}</span>
        <ChartExportButtons title={title} className="chart-exports" onExport={exportAs} />
      </figcaption>
      {exportProblem === undefined ? null : (
        <p className="chart-problem" role="alert">
          {exportProblem}
        </p>
      )}
      <div
        ref={frame}
        className="chart-frame"
        tabIndex={0}
        role="group"
        aria-label={`${title}. Use the arrow keys to read values over time.`}
        aria-describedby={descriptionId}
        onKeyDown={onKeyDown}
        onBlur={() => setHover(undefined)}
      >
        <svg
          ref={svg}
          className="chart-svg"
          width={width}
          height={height}
          role="img"
          aria-label={`${yLabel} over ${xLabel}`}
          data-chart={title}
        >
          <g className="chart-legend" transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {legendEntries.map(({ label, entry }, index) => {
              const placement = legend.placements[index];
              const isReference = entry === undefined;
              return placement === undefined ? null : (
                <g
                  key={`${label}-${index}`}
                  transform={`translate(${placement.x},${placement.y}) scale(${legendScale})`}
                >
                  {entry?.role === 'measured' ? (
                    <circle cx={9} cy={8} r={3.5} fill={entry.color} className="legend-swatch measured" />
                  ) : (
                    <line
                      x1={0}
                      x2={18}
                      y1={8}
                      y2={8}
                      stroke={isReference ? 'currentColor' : entry.color}
                      className={isReference ? 'legend-swatch reference' : 'legend-swatch'}
                    />
                  )}
                  <text x={22} y={12} className="legend-label">
                    {label}
                  </text>
                </g>
              );
            })}
          </g>
          <g transform={`translate(${MARGIN.left},${top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis axis-x" transform={`translate(0,${plotHeight})`} />
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 36} textAnchor="middle">
              {xLabel}
            </text>
            <text
              className="axis-label"
              transform={`translate(${-MARGIN.left + 14},${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
            {lines
              .filter((entry) => entry.role === 'reference')
              .map((entry) => (
                <path
                  key={entry.key}
                  className="series reference"
                  d={path(entry)}
                  stroke={entry.color}
                  data-series={entry.label}
                />
              ))}
            {mainLines.map((entry) => (
              <path
                key={entry.key}
                className="series main"
                d={path(entry)}
                stroke={entry.color}
                data-series={entry.label}
              />
            ))}
            {measuredSeries.map((entry) => (
              <g key={entry.key} className="measured-series" fill={entry.color} data-series={entry.label}>
                {Array.from(entry.time, (t, index) => {
                  const value = entry.values[index] as number;
                  return Number.isFinite(value) && Number.isFinite(t) ? (
                    <circle key={index} cx={x(t)} cy={y(value)} r={3.5} className="measured-point" />
                  ) : null;
                })}
              </g>
            ))}
            {hoverX === undefined || hoverIndex === undefined ? null : (
              <g className="chart-hover" data-export="skip">
                <line x1={hoverX} x2={hoverX} y1={0} y2={plotHeight} className="hover-rule" />
                {measuredAtHover.map(({ entry, index }) => (
                  <circle
                    key={entry.key}
                    cx={x(entry.time[index] as number)}
                    cy={y(entry.values[index] as number)}
                    r={6}
                    stroke={entry.color}
                    className="hover-ring"
                  />
                ))}
                {runLines.map((entry) => {
                  const value = entry.values[hoverIndex] as number;
                  return Number.isFinite(value) ? (
                    <circle
                      key={entry.key}
                      cx={hoverX}
                      cy={y(value)}
                      r={entry.role === 'main' ? 3.5 : 2.5}
                      fill={entry.color}
                      className={entry.role === 'main' ? 'hover-dot' : 'hover-dot reference'}
                    />
                  ) : null;
                })}
              </g>
            )}
            <HoverOverlay
              width={plotWidth}
              height={plotHeight}
              onPoint={pointAt}
              onLeave={() => setHover(undefined)}
            />
          </g>
        </svg>
        {hoverIndex === undefined || hoverX === undefined ? null : (
          <HoverReadout x={hoverX} plotLeft={MARGIN.left} plotTop={top} plotWidth={plotWidth}>
            <p className="readout-time">
              {xLabel}: {formatValue(time[hoverIndex] as number)}
            </p>
            <ul>
              {runLines.map((entry) => (
                <ReadoutRow
                  key={entry.key}
                  kind={entry.role === 'reference' ? 'reference' : undefined}
                  color={entry.color}
                  label={
                    <>
                      {entry.label}
                      {entry.role === 'reference' ? ` (${referenceLabel ?? 'baseline'})` : ''}
                    </>
                  }
                  value={formatPrecise(entry.values[hoverIndex] as number)}
                />
              ))}
              {measuredAtHover.map(({ entry, index }) => (
                <ReadoutRow
                  key={entry.key}
                  kind="measured"
                  color={entry.color}
                  label={entry.label}
                  value={
                    <>
                      {formatPrecise(entry.values[index] as number)}
                      {/* A quarterly figure read out between its dates says the time it was placed at. */}
                      {entry.time[index] === time[hoverIndex]
                        ? ''
                        : ` at ${formatValue(entry.time[index] as number)}`}
                    </>
                  }
                />
              ))}
            </ul>
          </HoverReadout>
        )}
        <p id={descriptionId} className="visually-hidden">
          {[...mainLines, ...measuredSeries]
            .map(
              (entry) =>
                `${entry.label}: ${formatValue(entry.values[entry.values.length - 1] as number)} at the end`,
            )
            .join('; ')}
        </p>
      </div>
    </figure>
  );
});
