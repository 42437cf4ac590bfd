import { scaleBand, scaleLinear } from 'd3';
import { useLayoutEffect, useRef, useState } from 'react';
import { formatValue } from '../../dynamics/charts/number-format';

export interface DumbbellRow {
  readonly team: string;
  /** NaN when the team is not in that wave. */
  readonly before: number;
  readonly after: number;
}

const ROW = 28;
const LABEL_ROOM = 140;
const VALUE_ROOM = 56;
const AXIS_ROOM = 24;

/**
 * One row per team: a dot for the earlier wave, a dot for the later, joined by a line (a dumbbell), so the
 * change per team reads at a glance. d3 scales into a React-owned SVG; looks are classes (the CSP allows no
 * style attributes). The values are also in the table beside it and in the chart's accessible name.
 */
export function TeamDumbbell({
  title,
  rows,
  beforeLabel,
  afterLabel,
}: {
  readonly title: string;
  readonly rows: readonly DumbbellRow[];
  readonly beforeLabel: string;
  readonly afterLabel: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(420);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element === null) return;
    setWidth(Math.max(300, element.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(300, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const values = rows.flatMap((row) => [row.before, row.after]).filter(Number.isFinite);
  const high = Math.max(1e-9, ...values);
  const x = scaleLinear()
    .domain([0, high])
    .nice()
    .range([LABEL_ROOM, width - VALUE_ROOM]);
  const height = rows.length * ROW + AXIS_ROOM + 8;
  const y = scaleBand<string>()
    .domain(rows.map((row) => row.team))
    .range([4, height - AXIS_ROOM])
    .padding(0.3);
  const describe = rows
    .map((row) => `${row.team}: ${formatValue(row.before)} to ${formatValue(row.after)}`)
    .join('; ');

  return (
    <div ref={frame} className="dumbbell-frame">
      <div className="legend" aria-hidden="true">
        <span>
          <span className="legend-dot before" />
          {beforeLabel}
        </span>
        <span>
          <span className="legend-dot after" />
          {afterLabel}
        </span>
      </div>
      <svg className="dumbbell" width={width} height={height} role="img" aria-label={`${title}. ${describe}`}>
        <g className="axis">
          {x.ticks(5).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},0)`}>
              <line y1={4} y2={height - AXIS_ROOM} className="grid" />
              <text y={height - AXIS_ROOM + 16} textAnchor="middle">
                {formatValue(tick)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row) => {
          const middle = (y(row.team) ?? 0) + y.bandwidth() / 2;
          const from = Number.isFinite(row.before) ? x(row.before) : undefined;
          const to = Number.isFinite(row.after) ? x(row.after) : undefined;
          const rising = from !== undefined && to !== undefined && to >= from;
          return (
            <g key={row.team}>
              <text x={LABEL_ROOM - 8} y={middle} dy="0.35em" textAnchor="end">
                {row.team.length > 20 ? `${row.team.slice(0, 19)}…` : row.team}
              </text>
              {from !== undefined && to !== undefined ? (
                <line x1={from} x2={to} y1={middle} y2={middle} className={rising ? 'bar up' : 'bar down'} />
              ) : null}
              {from !== undefined ? <circle cx={from} cy={middle} r={5} className="dot before" /> : null}
              {to !== undefined ? <circle cx={to} cy={middle} r={5} className="dot after" /> : null}
              <text x={width - VALUE_ROOM + 8} y={middle} dy="0.35em" className="value">
                {to === undefined ? '—' : formatValue(row.after)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
