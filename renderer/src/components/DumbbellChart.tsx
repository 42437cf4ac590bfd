import { scaleBand, scaleLinear } from 'd3';
import { useRef, type ReactNode, type RefObject } from 'react';
import { useWidth } from './use-width';

export interface DumbbellRow {
  readonly team: string;
  /** NaN when the team has no value then (not in that wave). */
  readonly before: number;
  readonly after: number;
}

/** Sizes in px; each chart keeps its own so it fits where it is shown. */
export interface DumbbellSizes {
  readonly row: number;
  readonly labelRoom: number;
  readonly valueRoom: number;
  readonly axisRoom: number;
  /** From the plot's bottom to a tick label's baseline. */
  readonly tickGap: number;
  /** From the plot's right end to the value written after each row. */
  readonly valueGap: number;
  /** Longer team names are cut to this many characters, the last an ellipsis. */
  readonly labelChars: number;
  readonly initialWidth: number;
  readonly minWidth: number;
}

/**
 * One row per team: a dot for the earlier value, a dot for the later, joined by a line (a dumbbell), so the
 * change per team reads at a glance, and the later value written after it. d3 scales into a React-owned SVG;
 * looks are classes (the CSP allows no style attributes); the values are in the accessible name (and, where the
 * chart is used, in a table beside it). The chart takes its frame's width.
 */
export function DumbbellChart({
  rows,
  domain,
  nice = false,
  tickCount,
  format,
  formatTick,
  label,
  sizes,
  frame: Frame,
  frameClassName,
  svgClassName,
  rising = false,
  children,
}: {
  readonly rows: readonly DumbbellRow[];
  readonly domain: readonly [number, number];
  /** Round the domain out to ticks (d3's `nice`). */
  readonly nice?: boolean;
  readonly tickCount: number;
  /** A team's value, in the accessible name and after the row. */
  readonly format: (value: number) => string;
  readonly formatTick: (tick: number) => string;
  /** The accessible name's start; each team's values follow it. */
  readonly label: string;
  readonly sizes: DumbbellSizes;
  readonly frame: 'figure' | 'div';
  readonly frameClassName: string;
  readonly svgClassName?: string;
  /** Class each line `up` or `down` by the direction of the change. */
  readonly rising?: boolean;
  /** Shown above the chart inside the frame: a caption or a legend. */
  readonly children?: ReactNode;
}) {
  const frame = useRef<HTMLElement>(null);
  const width = useWidth(frame, sizes.minWidth, sizes.initialWidth);

  const x = scaleLinear()
    .domain([domain[0], domain[1]])
    .range([sizes.labelRoom, width - sizes.valueRoom]);
  if (nice) x.nice();
  const height = rows.length * sizes.row + sizes.axisRoom + 8;
  const y = scaleBand<string>()
    .domain(rows.map((row) => row.team))
    .range([4, height - sizes.axisRoom])
    .padding(0.3);
  const describe = rows.map((row) => `${row.team}: ${format(row.before)} to ${format(row.after)}`).join('; ');

  return (
    <Frame ref={frame as RefObject<HTMLDivElement>} className={frameClassName}>
      {children}
      <svg
        className={svgClassName}
        width={width}
        height={height}
        role="img"
        aria-label={`${label}. ${describe}`}
      >
        <g className="axis">
          {x.ticks(tickCount).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},0)`}>
              <line y1={4} y2={height - sizes.axisRoom} className="grid" />
              <text y={height - sizes.axisRoom + sizes.tickGap} textAnchor="middle">
                {formatTick(tick)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row) => {
          const middle = (y(row.team) ?? 0) + y.bandwidth() / 2;
          const from = Number.isFinite(row.before) ? x(row.before) : undefined;
          const to = Number.isFinite(row.after) ? x(row.after) : undefined;
          const lineClass = !rising
            ? 'bar'
            : from !== undefined && to !== undefined && to >= from
              ? 'bar up'
              : 'bar down';
          return (
            <g key={row.team}>
              <text x={sizes.labelRoom - 8} y={middle} dy="0.35em" textAnchor="end">
                {row.team.length > sizes.labelChars
                  ? `${row.team.slice(0, sizes.labelChars - 1)}…`
                  : row.team}
              </text>
              {from !== undefined && to !== undefined ? (
                <line x1={from} x2={to} y1={middle} y2={middle} className={lineClass} />
              ) : null}
              {from !== undefined ? <circle cx={from} cy={middle} r={5} className="dot before" /> : null}
              {to !== undefined ? <circle cx={to} cy={middle} r={5} className="dot after" /> : null}
              <text x={width - sizes.valueRoom + sizes.valueGap} y={middle} dy="0.35em" className="value">
                {to === undefined ? '—' : format(row.after)}
              </text>
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}
