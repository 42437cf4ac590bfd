/**
 * One KPI over time, a line per unit, with the initiatives as dated vertical markers (the day training started),
 * drawn with d3 scales, line generators and axes in the Dynamics charts' look (charts.css: legend in the SVG so
 * exports carry it, hover read-out snapping to the periods, arrow keys when the chart has focus) and exported as
 * SVG or PNG through the SROI charts' ChartFigure. A period's value sits at the middle of its period, so a marker
 * dated inside a quarter is drawn inside that quarter, not after it.
 */
import { axisBottom, axisLeft, line, scaleUtc, scaleLinear, select } from 'd3';
import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { InitiativeMarker, Period } from '../../../../model/measure';
import { layoutLegend, nearestIndex, valueDomain } from '../../dynamics/charts/chart-scales';
import '../../dynamics/charts/charts.css';
import { HoverOverlay, HoverReadout, ReadoutRow, hoverKeys } from '../../dynamics/charts/HoverReadout';
import { formatPrecise, formatValue } from '../../dynamics/charts/number-format';
import { useWidth } from '../../components/use-width';
import { ChartFigure } from '../../sroi/charts/ChartFigure';
import { shortLabel } from '../../sroi/charts/chart-layout';
import { periodEnd, periodStart } from './measured-series';
import type { KpiUnitLine } from './kpi-breakdown';

export interface KpiChartLine extends KpiUnitLine {
  readonly color: string;
}

interface KpiChartProps {
  readonly title: string;
  readonly yLabel: string;
  readonly period: Period;
  readonly lines: readonly KpiChartLine[];
  readonly markers: readonly InitiativeMarker[];
  readonly fileName: string;
}

const MARGIN = { top: 8, right: 18, bottom: 42, left: 64 };
const HEIGHT = 340;
const LEGEND_GAP = 8;
const MARKER_ROW = 14;
const MARKER_CHAR = 6.2;
const MARKER_LABEL_MAX = 34;

const utc = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** The middle of a period, in ms since 1970 (UTC). */
const periodMiddle = (label: string, period: Period) =>
  (utc(periodStart(label)) + utc(periodEnd(label, period))) / 2;

interface PlacedMarker {
  readonly date: string;
  readonly labels: readonly string[];
  readonly x: number;
  readonly row: number;
  /** The labels joined and shortened; written left of the line when it would run past the plot's right edge. */
  readonly text: string;
  readonly rightAligned: boolean;
}

/**
 * Markers of one date share a line; their labels are written left of or right of it and stacked in rows so that
 * no two overlap (text widths estimated, as the legend's, since an exported SVG is never measured).
 */
function placeMarkers(
  markers: readonly InitiativeMarker[],
  x: (date: string) => number,
  plotWidth: number,
): PlacedMarker[] {
  const byDate = new Map<string, string[]>();
  for (const marker of markers) {
    const labels = byDate.get(marker.date) ?? [];
    labels.push(marker.label);
    byDate.set(marker.date, labels);
  }
  const rowEnds: number[] = [];
  return [...byDate].map(([date, labels]) => {
    const at = x(date);
    const text = shortLabel(labels.join(' · '), MARKER_LABEL_MAX);
    const width = text.length * MARKER_CHAR + 8;
    const rightAligned = at + width > plotWidth;
    const start = rightAligned ? at - width : at;
    let row = rowEnds.findIndex((end) => end < start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = start + width;
    return { date, labels, x: at, row, text, rightAligned };
  });
}

export const KpiChart = memo(function KpiChart({
  title,
  yLabel,
  period,
  lines,
  markers,
  fileName,
}: KpiChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame);
  const [hover, setHover] = useState<number | undefined>();
  const descriptionId = useId();

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const legendLabels = [...lines.map((entry) => entry.unit), ...(markers.length > 0 ? ['initiative'] : [])];
  const legend = layoutLegend(legendLabels, plotWidth);

  // Every period any line has, in time order: the read-out steps through these.
  const periods = useMemo(
    () => [...new Set(lines.flatMap((entry) => entry.points.map((point) => point.period)))].sort(),
    [lines],
  );
  const times = useMemo(() => periods.map((label) => periodMiddle(label, period)), [periods, period]);
  const [first, last] = [periods[0], periods[periods.length - 1]];
  const x = useMemo(
    () =>
      scaleUtc()
        .domain([
          first === undefined ? utc('2000-01-01') : utc(periodStart(first)),
          last === undefined ? utc('2001-01-01') : utc(periodEnd(last, period)),
        ])
        .range([0, plotWidth]),
    [first, last, period, plotWidth],
  );
  const placed = useMemo(
    () => placeMarkers(markers, (date) => x(utc(date)), plotWidth),
    [markers, x, plotWidth],
  );
  const markerRows = placed.reduce((rows, marker) => Math.max(rows, marker.row + 1), 0);
  const top = MARGIN.top + legend.height + LEGEND_GAP + markerRows * MARKER_ROW;
  const plotHeight = HEIGHT - top - MARGIN.bottom;
  const [y0, y1] = valueDomain(lines.map((entry) => entry.points.map((point) => point.value)));
  const y = useMemo(() => scaleLinear().domain([y0, y1]).range([plotHeight, 0]), [y0, y1, plotHeight]);

  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(axisBottom(x).ticks(Math.max(2, Math.floor(plotWidth / 90))));
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(Math.max(2, Math.floor(plotHeight / 40)))
        .tickSize(-plotWidth)
        .tickFormat((value) => formatValue(Number(value))),
    );
  }, [x, y, plotWidth, plotHeight]);

  const path = (entry: KpiChartLine) =>
    line<KpiChartLine['points'][number]>()
      .digits(1)
      .x((point) => x(periodMiddle(point.period, period)))
      .y((point) => y(point.value))(entry.points) ?? '';

  const hoverIndex =
    hover === undefined || periods.length === 0 ? undefined : Math.min(hover, periods.length - 1);
  const hoverPeriod = hoverIndex === undefined ? undefined : periods[hoverIndex];
  const hoverX = hoverIndex === undefined ? undefined : x(times[hoverIndex] as number);
  const markersInHover =
    hoverPeriod === undefined
      ? []
      : markers.filter(
          (marker) => marker.date >= periodStart(hoverPeriod) && marker.date < periodEnd(hoverPeriod, period),
        );

  const pointAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || times.length === 0) return;
    setHover(nearestIndex(times, x.invert(clientX - box.left - MARGIN.left).getTime()));
  };

  const onKeyDown = hoverKeys(hoverIndex, periods.length, setHover);

  const description = `${yLabel} per ${period}: ${lines.map((entry) => entry.unit).join(', ')}${
    markers.length === 0
      ? ''
      : `; initiatives: ${markers.map((marker) => `${marker.label} (${marker.date})`).join(', ')}`
  }. Exported from Empathy Workbench.`;

  return (
    <ChartFigure title={title} description={description} fileName={fileName} svg={svg}>
      <div
        ref={frame}
        className="chart-frame kpi-chart-frame"
        tabIndex={0}
        role="group"
        aria-label={`${title}. Use the arrow keys to read the values period by period.`}
        aria-describedby={descriptionId}
        onKeyDown={onKeyDown}
        onBlur={() => setHover(undefined)}
      >
        <svg
          ref={svg}
          className="chart-svg kpi-chart"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${yLabel} over time`}
          data-chart={title}
        >
          <g className="chart-legend" transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {legendLabels.map((label, index) => {
              const placement = legend.placements[index];
              const entry = lines[index];
              return placement === undefined ? null : (
                <g key={label} transform={`translate(${placement.x},${placement.y})`}>
                  {entry === undefined ? (
                    <line x1={9} x2={9} y1={1} y2={15} className="kpi-marker-line" />
                  ) : (
                    <line x1={0} x2={18} y1={8} y2={8} stroke={entry.color} className="legend-swatch" />
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
            <text
              className="axis-label"
              transform={`translate(${-MARGIN.left + 14},${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
            {placed.map((marker) => {
              const labelY = -(markerRows - marker.row) * MARKER_ROW + 10;
              return (
                <g key={marker.date} className="kpi-marker" data-marker={marker.labels.join(' | ')}>
                  <title>{`${marker.date}: ${marker.labels.join('; ')}`}</title>
                  <line
                    x1={marker.x}
                    x2={marker.x}
                    y1={labelY - 10}
                    y2={plotHeight}
                    className="kpi-marker-line"
                  />
                  <text
                    x={marker.rightAligned ? marker.x - 4 : marker.x + 4}
                    y={labelY}
                    textAnchor={marker.rightAligned ? 'end' : 'start'}
                    className="kpi-marker-label"
                  >
                    {marker.text}
                  </text>
                </g>
              );
            })}
            {lines.map((entry) => (
              <g key={entry.unit}>
                <path className="series main" d={path(entry)} stroke={entry.color} data-series={entry.unit} />
                {entry.points.length === 1
                  ? entry.points.map((point) => (
                      <circle
                        key={point.period}
                        cx={x(periodMiddle(point.period, period))}
                        cy={y(point.value)}
                        r={3}
                        fill={entry.color}
                      />
                    ))
                  : null}
              </g>
            ))}
            {hoverX === undefined || hoverPeriod === undefined ? null : (
              <g className="chart-hover" data-export="skip">
                <line x1={hoverX} x2={hoverX} y1={0} y2={plotHeight} className="hover-rule" />
                {lines.map((entry) => {
                  const point = entry.points.find((candidate) => candidate.period === hoverPeriod);
                  return point === undefined ? null : (
                    <circle
                      key={entry.unit}
                      cx={hoverX}
                      cy={y(point.value)}
                      r={3.5}
                      fill={entry.color}
                      className="hover-dot"
                    />
                  );
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
        {hoverX === undefined || hoverPeriod === undefined ? null : (
          <HoverReadout x={hoverX} plotLeft={MARGIN.left} plotTop={top} plotWidth={plotWidth}>
            <p className="readout-time">{hoverPeriod}</p>
            <ul>
              {lines.map((entry) => {
                const point = entry.points.find((candidate) => candidate.period === hoverPeriod);
                return (
                  <ReadoutRow
                    key={entry.unit}
                    color={entry.color}
                    label={entry.unit}
                    value={point === undefined ? '—' : formatPrecise(point.value)}
                  />
                );
              })}
            </ul>
            {markersInHover.map((marker) => (
              <p key={`${marker.date}-${marker.label}`} className="readout-marker">
                {marker.date}: {marker.label}
              </p>
            ))}
          </HoverReadout>
        )}
        <p id={descriptionId} className="visually-hidden">
          {description}
        </p>
      </div>
    </ChartFigure>
  );
});
