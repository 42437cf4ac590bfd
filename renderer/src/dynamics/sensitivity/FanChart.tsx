/**
 * A fan chart of one variable over a Monte Carlo: at each band time, the spread of the runs as nested
 * percentile bands (the outermost pair, 5th to 95th, palest; 25th to 75th darker) and the median as a line, as
 * the Bank of England's fan charts and Stella's sensitivity "confidence bounds" draw it. Hovering reads out
 * every percentile at the nearest band time.
 */
import { area, line, scaleLinear } from 'd3';
import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import { displayName } from '../../../../model/sd';
import { axisLabel, nearestIndex, timeAxisLabel, valueDomain } from '../charts/chart-scales';
import { formatPrecise, formatValue } from '../charts/number-format';
import '../charts/charts.css';
import { useTimeAxes } from './use-time-axes';
import { useWidth } from '../../components/use-width';

const MARGIN = { top: 10, right: 16, bottom: 40, left: 80 };
const HEIGHT = 240;

export interface FanChartProps {
  readonly variable: string;
  readonly units: string | undefined;
  readonly timeUnits: string | undefined;
  readonly time: Float64Array;
  /** Percentile q at band time b at [q * time.length + b]. */
  readonly bands: Float64Array;
  readonly percentiles: readonly number[];
  readonly color: string;
}

/** The pairs of percentiles drawn as bands, outermost first: (first, last), (second, second last), ... */
function bandPairs(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let low = 0, high = count - 1; low < high; low++, high--) pairs.push([low, high]);
  return pairs;
}

export const FanChart = memo(function FanChart({
  variable,
  units,
  timeUnits,
  time,
  bands,
  percentiles,
  color,
}: FanChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(frame, 280, 560);
  const [hover, setHover] = useState<number | undefined>();
  const points = time.length;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = (q: number) => bands.subarray(q * points, (q + 1) * points);

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([time[0] ?? 0, time[points - 1] ?? 1])
        .range([0, plotWidth]),
    [time, points, plotWidth],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain(valueDomain([bands]))
        .nice()
        .range([plotHeight, 0]),
    [bands, plotHeight],
  );

  useTimeAxes(xAxis, yAxis, x, y, plotWidth);

  const pairs = useMemo(() => bandPairs(percentiles.length), [percentiles.length]);
  const paths = useMemo(() => {
    const indices = Array.from({ length: points }, (_, index) => index);
    return pairs.map(([low, high]) => {
      const lower = bands.subarray(low * points, (low + 1) * points);
      const upper = bands.subarray(high * points, (high + 1) * points);
      return area<number>()
        .digits(1)
        .x((index) => x(time[index] as number))
        .y0((index) => y(lower[index] as number))
        .y1((index) => y(upper[index] as number))
        .defined(
          (index) => Number.isFinite(lower[index] as number) && Number.isFinite(upper[index] as number),
        )(indices);
    });
  }, [pairs, points, bands, time, x, y]);
  const middle = percentiles.length % 2 === 1 ? (percentiles.length - 1) / 2 : undefined;
  const medianPath = useMemo(() => {
    if (middle === undefined) return null;
    const values = bands.subarray(middle * points, (middle + 1) * points);
    return line<number>()
      .digits(1)
      .x((index) => x(time[index] as number))
      .y((index) => y(values[index] as number))
      .defined((index) => Number.isFinite(values[index] as number))(
      Array.from({ length: points }, (_, index) => index),
    );
  }, [middle, bands, points, time, x, y]);

  const onMove = (event: MouseEvent<SVGRectElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined || points === 0) return;
    setHover(nearestIndex(time, x.invert(event.clientX - box.left - MARGIN.left)));
  };
  const name = displayName(variable);
  const range = `${percentiles[0] ?? ''}th to ${percentiles.at(-1) ?? ''}th percentile`;
  const hoverTime = hover === undefined ? undefined : time[hover];

  return (
    <figure className="chart fan-chart" data-variable={variable}>
      <figcaption className="chart-caption">
        <span className="chart-title">{name}</span>
        <span className="muted small">
          median, {percentiles.length > 3 ? `${percentiles[1]}–${percentiles.at(-2)}th and ` : ''}
          {range}
        </span>
      </figcaption>
      <div ref={frame} className="chart-frame">
        <svg
          ref={svg}
          className="chart-svg"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${name} over time: median and percentile bands (${range}) over the runs`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis axis-x" transform={`translate(0,${plotHeight})`} />
            {paths.map((path, index) => (
              <path
                key={pairs[index]?.join('-')}
                className="fan-band"
                d={path ?? ''}
                fill={color}
                fillOpacity={0.18 + (0.32 * index) / Math.max(1, pairs.length - 1)}
                data-band={`${percentiles[pairs[index]?.[0] ?? 0]}-${percentiles[pairs[index]?.[1] ?? 0]}`}
              />
            ))}
            {medianPath === null ? null : (
              <path className="fan-median" d={medianPath} stroke={color} fill="none" strokeWidth={2} />
            )}
            {hoverTime === undefined ? null : (
              <line className="hover-rule" x1={x(hoverTime)} x2={x(hoverTime)} y1={0} y2={plotHeight} />
            )}
            <rect
              className="chart-overlay"
              width={plotWidth}
              height={plotHeight}
              fill="transparent"
              onMouseMove={onMove}
              onMouseLeave={() => setHover(undefined)}
            />
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle">
              {timeAxisLabel(timeUnits)}
            </text>
            <text
              className="axis-label"
              transform={`translate(-68,${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {axisLabel(name, units)}
            </text>
          </g>
        </svg>
        {hover === undefined || hoverTime === undefined ? null : (
          <div className="chart-readout" role="status">
            <p>t = {formatPrecise(hoverTime)}</p>
            <ul>
              {percentiles.map((percent, q) => (
                <li key={percent}>
                  <span className="readout-label">{percent}th</span>
                  <span className="readout-value">{formatValue(band(q)[hover] ?? Number.NaN)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </figure>
  );
});
