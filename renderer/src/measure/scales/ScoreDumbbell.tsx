import { scaleBand, scaleLinear } from 'd3';
import { useLayoutEffect, useRef, useState } from 'react';
import { formatFixed } from './scales-format';
import type { TeamChangeRow } from './survey-analysis';

const ROW = 26;
const LABEL_ROOM = 130;
const VALUE_ROOM = 44;
const AXIS_ROOM = 22;

/**
 * One subscale's team means in the first and the last wave: a dot for each, joined by a line (a dumbbell), on the
 * scale's own answer range so a change reads against what the answers could be. d3 scales into a React-owned
 * SVG; looks are classes (the CSP allows no style attributes); the values are in the accessible name and in the
 * table beside it.
 */
export function ScoreDumbbell({
  title,
  rows,
  domain,
  beforeLabel,
  afterLabel,
}: {
  readonly title: string;
  readonly rows: readonly TeamChangeRow[];
  readonly domain: readonly [number, number];
  readonly beforeLabel: string;
  readonly afterLabel: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(360);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element === null) return;
    setWidth(Math.max(260, element.clientWidth));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.max(260, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const x = scaleLinear()
    .domain([domain[0], domain[1]])
    .range([LABEL_ROOM, width - VALUE_ROOM]);
  const height = rows.length * ROW + AXIS_ROOM + 8;
  const y = scaleBand<string>()
    .domain(rows.map((row) => row.team))
    .range([4, height - AXIS_ROOM])
    .padding(0.3);
  const describe = rows
    .map((row) => `${row.team}: ${formatFixed(row.before, 2)} to ${formatFixed(row.after, 2)}`)
    .join('; ');

  return (
    <figure ref={frame} className="score-dumbbell">
      <figcaption>{title}</figcaption>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${title}, ${beforeLabel} to ${afterLabel}. ${describe}`}
      >
        <g className="axis">
          {x.ticks(Math.min(8, Math.max(2, domain[1] - domain[0]))).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},0)`}>
              <line y1={4} y2={height - AXIS_ROOM} className="grid" />
              <text y={height - AXIS_ROOM + 15} textAnchor="middle">
                {formatFixed(tick, Number.isInteger(tick) ? 0 : 1)}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row) => {
          const middle = (y(row.team) ?? 0) + y.bandwidth() / 2;
          const from = Number.isFinite(row.before) ? x(row.before) : undefined;
          const to = Number.isFinite(row.after) ? x(row.after) : undefined;
          return (
            <g key={row.team}>
              <text x={LABEL_ROOM - 8} y={middle} dy="0.35em" textAnchor="end">
                {row.team.length > 18 ? `${row.team.slice(0, 17)}…` : row.team}
              </text>
              {from !== undefined && to !== undefined ? (
                <line x1={from} x2={to} y1={middle} y2={middle} className="bar" />
              ) : null}
              {from !== undefined ? <circle cx={from} cy={middle} r={5} className="dot before" /> : null}
              {to !== undefined ? <circle cx={to} cy={middle} r={5} className="dot after" /> : null}
              <text x={width - VALUE_ROOM + 6} y={middle} dy="0.35em" className="value">
                {formatFixed(row.after, 2)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
