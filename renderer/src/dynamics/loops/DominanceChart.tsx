/**
 * Loop dominance over time: the relative loop scores as a stacked area chart (d3's diverging stack:
 * reinforcing loops above zero, balancing loops below), each band a loop's share of the change in the
 * model's stocks at that time. Clicking a band selects its loop.
 */
import {
  area,
  axisBottom,
  axisLeft,
  format,
  scaleLinear,
  select,
  stack,
  stackOffsetDiverging,
  stackOrderNone,
} from 'd3';
import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useWidth } from '../../components/use-width';
import { nearestIndex } from '../charts/chart-scales';
import { formatPrecise } from '../charts/number-format';
import '../charts/charts.css';
import type { Dominance } from './dominance';

const MARGIN = { top: 10, right: 16, bottom: 40, left: 52 };
const HEIGHT = 280;

interface DominanceChartProps {
  readonly dominance: Dominance;
  readonly colorOf: (key: string) => string;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (key: string, add: boolean) => void;
  readonly timeUnits: string | undefined;
  /** The chart's height in pixels; a presentation page draws it taller than the Loops panel does. */
  readonly height?: number;
}

type Row = Record<string, number>;

export const DominanceChart = memo(function DominanceChart({
  dominance,
  colorOf,
  selected,
  onSelect,
  timeUnits,
  height = HEIGHT,
}: DominanceChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(frame, 280, 560);
  const [hover, setHover] = useState<number | undefined>();

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const { time, series } = dominance;
  const keys = useMemo(() => series.map((entry) => entry.key), [series]);
  const layers = useMemo(() => {
    const rows: Row[] = Array.from(time, (_, index) =>
      Object.fromEntries(series.map((entry) => [entry.key, entry.values[index] ?? 0])),
    );
    return stack<Row>().keys(keys).offset(stackOffsetDiverging).order(stackOrderNone)(rows);
  }, [time, series, keys]);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([time[0] ?? 0, time[time.length - 1] ?? 1])
        .range([0, plotWidth]),
    [time, plotWidth],
  );
  const [low, high] = useMemo(() => {
    let min = 0;
    let max = 0;
    for (const layer of layers)
      for (const point of layer) {
        min = Math.min(min, point[0], point[1]);
        max = Math.max(max, point[0], point[1]);
      }
    // Shares never pass 100%; keep both directions in view so a dominance shift reads at a glance.
    return [Math.min(-10, Math.floor(min / 10) * 10), Math.max(10, Math.ceil(max / 10) * 10)];
  }, [layers]);
  const y = useMemo(() => scaleLinear().domain([low, high]).range([plotHeight, 0]), [low, high, plotHeight]);

  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 80)))
        .tickFormat((value) => format('~g')(Number(value))),
    );
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(6)
        .tickSize(-plotWidth)
        .tickFormat((value) => `${format('~g')(Number(value))}%`.replace('-', '−')),
    );
  }, [x, y, plotWidth]);

  const paths = useMemo(() => {
    const generator = area<[number, number]>()
      .digits(1)
      .x((_, index) => x(time[index] as number))
      .y0((point) => y(point[0]))
      .y1((point) => y(point[1]));
    return layers.map(
      (layer) => generator(layer.map((point) => [point[0], point[1]] as [number, number])) ?? '',
    );
  }, [layers, x, y, time]);

  const onMove = (event: MouseEvent<SVGRectElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || time.length === 0) return;
    setHover(nearestIndex(time, x.invert(event.clientX - box.left - MARGIN.left)));
  };

  const anySelected = series.some((entry) => selected.has(entry.key));
  const hoverTime = hover === undefined ? undefined : time[Math.min(hover, time.length - 1)];
  const readout =
    hover === undefined
      ? []
      : series
          .map((entry) => ({ entry, value: entry.values[Math.min(hover, time.length - 1)] ?? 0 }))
          .filter(({ value }) => Math.abs(value) >= 0.05)
          .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
          .slice(0, 5);

  return (
    <figure className="chart dominance-chart">
      <figcaption className="chart-caption">
        <span className="chart-title">Loop dominance: share of the change each loop accounts for</span>
      </figcaption>
      <div ref={frame} className="chart-frame">
        <svg
          ref={svg}
          className="chart-svg"
          width={width}
          height={height}
          role="img"
          aria-label={`Loop dominance over time: ${series.map((entry) => entry.label).join(', ')}`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis axis-x" transform={`translate(0,${plotHeight})`} />
            {layers.map((_, index) => {
              const entry = series[index];
              if (entry === undefined) return null;
              const chosen = selected.has(entry.key);
              return (
                <path
                  key={entry.key}
                  className={`dominance-band${chosen ? ' selected' : ''}${anySelected && !chosen ? ' faded' : ''}${entry.loop === undefined ? ' other' : ''}`}
                  d={paths[index]}
                  fill={colorOf(entry.key)}
                  data-loop={entry.loop?.name}
                  onClick={(event) => {
                    if (entry.loop !== undefined)
                      onSelect(entry.key, event.ctrlKey || event.metaKey || event.shiftKey);
                  }}
                >
                  <title>{entry.label}</title>
                </path>
              );
            })}
            <line className="dominance-zero" x1={0} x2={plotWidth} y1={y(0)} y2={y(0)} />
            {hoverTime === undefined ? null : (
              <line className="hover-rule" x1={x(hoverTime)} x2={x(hoverTime)} y1={0} y2={plotHeight} />
            )}
            <rect
              className="chart-overlay dominance-overlay"
              width={plotWidth}
              height={plotHeight}
              onMouseMove={onMove}
              onMouseLeave={() => setHover(undefined)}
            />
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle">
              {timeUnits === undefined || timeUnits === '' ? 'Time' : `Time (${timeUnits})`}
            </text>
            <text
              className="axis-label"
              transform={`translate(-40,${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              Relative loop score
            </text>
          </g>
        </svg>
        {hoverTime === undefined || readout.length === 0 ? null : (
          <div className="chart-readout dominance-readout" role="status">
            <p>t = {formatPrecise(hoverTime)}</p>
            <ul>
              {readout.map(({ entry, value }) => (
                <li key={entry.key}>
                  <svg width="10" height="10" aria-hidden="true">
                    <rect width="10" height="10" rx="2" fill={colorOf(entry.key)} />
                  </svg>
                  <span className="readout-label">{entry.label}</span>
                  <span className="readout-value">{value.toFixed(1).replace('-', '−')}%</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </figure>
  );
});
