/**
 * Data against the model for one calibrated variable: the observations as points, the model at the observation
 * times before calibrating (dashed, at the starting values) and after (solid, at the estimates), so the fit and
 * how far it moved read at a glance.
 */
import { line, scaleLinear } from 'd3';
import { memo, useMemo, useRef } from 'react';
import type { VariableFit } from '../../../../model/sd/calibration';
import { axisLabel, timeAxisLabel, valueDomain } from '../charts/chart-scales';
import '../charts/charts.css';
import { useTimeAxes } from '../sensitivity/use-time-axes';
import { useWidth } from '../../components/use-width';

const MARGIN = { top: 10, right: 16, bottom: 40, left: 80 };
const HEIGHT = 240;

export interface FitChartProps {
  readonly fit: VariableFit;
  /** The same variable's fit at the starting values, when known. */
  readonly before: VariableFit | undefined;
  readonly units: string | undefined;
  readonly timeUnits: string | undefined;
  readonly color: string;
}

export const FitChart = memo(function FitChart({ fit, before, units, timeUnits, color }: FitChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame, 280, 560);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const times = fit.times;

  const x = useMemo(
    () =>
      scaleLinear()
        .domain([times[0] ?? 0, times.at(-1) ?? 1])
        .range([0, plotWidth]),
    [times, plotWidth],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain(valueDomain([fit.data, fit.model, before?.model ?? []]))
        .nice()
        .range([plotHeight, 0]),
    [fit, before, plotHeight],
  );
  useTimeAxes(xAxis, yAxis, x, y, plotWidth);

  const path = (values: readonly (number | null)[]) =>
    line<number>()
      .digits(1)
      .x((index) => x(times[index] as number))
      .y((index) => y(values[index] as number))
      .defined((index) => Number.isFinite(values[index]))(times.map((_, index) => index)) ?? '';

  const title = fit.column === fit.variable ? fit.variable : `${fit.variable} (data column ${fit.column})`;
  return (
    <figure className="chart calibration-chart" data-variable={fit.variable}>
      <figcaption className="chart-caption">
        <span className="chart-title">{title}</span>
        <span className="muted small">
          R² {Number.isFinite(fit.rSquared) ? fit.rSquared.toFixed(4) : '—'}
        </span>
      </figcaption>
      <div ref={frame} className="chart-frame">
        <svg
          className="chart-svg"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${title}: ${fit.points} observations against the model before and after calibrating`}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis axis-x" transform={`translate(0,${plotHeight})`} />
            {before === undefined ? null : (
              <path
                className="model-before"
                d={path(before.model)}
                stroke={color}
                strokeOpacity={0.6}
                fill="none"
                strokeWidth={1.5}
              />
            )}
            <path className="model-after" d={path(fit.model)} stroke={color} fill="none" strokeWidth={2} />
            {fit.data.map((value, index) =>
              Number.isFinite(value) ? (
                <circle
                  key={index}
                  className="data-point"
                  cx={x(times[index] as number)}
                  cy={y(value)}
                  r={3}
                  fill={color}
                />
              ) : null,
            )}
            <text className="axis-label" x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle">
              {timeAxisLabel(timeUnits)}
            </text>
            <text
              className="axis-label"
              transform={`translate(-68,${plotHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {axisLabel(fit.variable, units)}
            </text>
          </g>
        </svg>
      </div>
    </figure>
  );
});
