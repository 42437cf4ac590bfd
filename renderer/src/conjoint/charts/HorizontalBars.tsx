import { scaleBand, scaleLinear } from 'd3';
import { useRef } from 'react';
import { useWidth } from '../../components/use-width';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** What is written at the bar's end ("23.4%", "+0.61"). */
  readonly text: string;
}

interface HorizontalBarsProps {
  /** Names the chart for screen readers. */
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The value axis; both ends are widened to include zero. */
  readonly domain: readonly [number, number];
  readonly rowHeight?: number;
  /** Extra class on the svg, e.g. "shares" for a coloured variant. */
  readonly variant?: string;
}

/** Room for a value written past a bar's end ("−0.828", "100.0%") at 12 px. */
const VALUE_ROOM = 58;
/** An average character's width at 12 px in the system UI fonts, to size the label column. */
const CHARACTER = 6.6;

/** The label column: as wide as the longest label needs, at most 40% of the chart. */
function labelColumn(bars: readonly Bar[], width: number): { width: number; characters: number } {
  const longest = Math.max(4, ...bars.map((bar) => bar.label.length));
  const columnWidth = Math.min(longest * CHARACTER + 12, Math.max(60, width * 0.4));
  return { width: columnWidth, characters: Math.max(4, Math.floor((columnWidth - 12) / CHARACTER)) };
}

/**
 * Horizontal bars from a zero line, labels on the left and values at the bar ends, drawn with d3 scales into a
 * React-owned SVG (the CSP allows no style attributes, so geometry is attributes and looks are classes). Used for
 * part-worths (negative and positive), importances and market shares. The bars are also listed as text for
 * screen readers.
 */
export function HorizontalBars({ title, bars, domain, rowHeight = 26, variant }: HorizontalBarsProps) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame, 260, 420);

  const low = Math.min(0, domain[0]);
  const high = Math.max(0, domain[1], low + 1e-9);
  const labels = labelColumn(bars, width);
  const plotLeft = labels.width;
  // Negative bars write their value to the left of the bar: the scale starts one value's room in.
  const x = scaleLinear()
    .domain([low, high])
    .range([plotLeft + (low < 0 ? VALUE_ROOM : 0), width - VALUE_ROOM]);
  const height = bars.length * rowHeight + 8;
  const y = scaleBand<string>()
    .domain(bars.map((bar) => bar.key))
    .range([4, height - 4])
    .padding(0.25);
  const zero = x(0);

  return (
    <div ref={frame} className="bars-frame">
      <svg
        className={`bars${variant === undefined ? '' : ` ${variant}`}`}
        width={width}
        height={height}
        role="img"
        aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join(', ')}`}
      >
        {bars.map((bar) => {
          const top = y(bar.key) ?? 0;
          const end = x(bar.value);
          const left = Math.min(zero, end);
          const middle = top + y.bandwidth() / 2;
          return (
            <g key={bar.key} className={bar.value < 0 ? 'bar negative' : 'bar positive'} data-bar={bar.key}>
              <text
                className="bar-label"
                x={plotLeft - 8}
                y={middle}
                textAnchor="end"
                dominantBaseline="middle"
              >
                <title>{bar.label}</title>
                {bar.label.length > labels.characters
                  ? `${bar.label.slice(0, labels.characters - 1)}…`
                  : bar.label}
              </text>
              <rect
                x={left}
                y={top}
                width={Math.max(1, Math.abs(end - zero))}
                height={y.bandwidth()}
                rx={2}
              />
              <text
                className="bar-value"
                x={bar.value < 0 ? left - 4 : left + Math.abs(end - zero) + 4}
                y={middle}
                textAnchor={bar.value < 0 ? 'end' : 'start'}
                dominantBaseline="middle"
              >
                {bar.text}
              </text>
            </g>
          );
        })}
        <line className="zero-line" x1={zero} x2={zero} y1={0} y2={height} />
      </svg>
    </div>
  );
}
