import { axisBottom, axisLeft, scalePoint, scaleLinear, select } from 'd3';
import { useLayoutEffect, useRef } from 'react';
import { formatNumber, type DidResult } from '../../../../model/measure';
import { ChartFigure } from '../../sroi/charts/ChartFigure';
import { paletteColor } from '../../sroi/charts/chart-layout';
import { useWidth } from '../../components/use-width';
import { didChartData, type DidLine } from './did-chart-layout';

const MARGIN = { top: 28, right: 150, bottom: 30, left: 56 };
const HEIGHT = 280;

/**
 * The two groups' means before and after, and the treated group's counterfactual (dashed): where it would have
 * ended had it moved as the control group did. The gap at "after" is the difference in differences.
 */
export function DidChart({ result, outcome }: { readonly result: DidResult; readonly outcome: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const width = useWidth(frame, 320, 560);
  const data = didChartData(result);
  const plotWidth = Math.max(120, Math.min(width, 640) - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<string>().domain([data.before, data.after]).range([0, plotWidth]).padding(0.25);
  const y = scaleLinear().domain(data.domain).range([plotHeight, 0]).nice();

  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(axisBottom(x).tickSizeOuter(0));
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(5)
        .tickSize(-plotWidth)
        .tickFormat((value) => formatNumber(Number(value))),
    );
  });

  const x0 = x(data.before) ?? 0;
  const x1 = x(data.after) ?? plotWidth;
  const segment = (line: DidLine, className: string, color: string) => (
    <g className={className}>
      <line x1={x0} x2={x1} y1={y(line.before)} y2={y(line.after)} stroke={color} />
      {className === 'counterfactual' ? null : (
        <>
          {(
            [
              [data.before, line.before, x0],
              [data.after, line.after, x1],
            ] as const
          ).map(([period, value, cx]) => (
            <circle key={period} cx={cx} cy={y(value)} r={4} fill={color}>
              <title>{`${line.group}, ${period}: ${formatNumber(value)}`}</title>
            </circle>
          ))}
        </>
      )}
    </g>
  );
  // Line-end labels, pushed apart where two lines end close together.
  const labels = spreadLabels([
    { key: 'control', y: y(data.control.after), text: data.control.group, color: paletteColor(0) },
    { key: 'treated', y: y(data.treated.after), text: data.treated.group, color: paletteColor(1) },
    {
      key: 'counterfactual',
      y: y(data.counterfactual.after),
      text: `${data.treated.group} if it had moved as ${data.control.group}`,
      color: paletteColor(1),
    },
  ]);
  const title = `Mean ${outcome} before and after, by group`;
  const gapTop = Math.min(y(data.treated.after), y(data.counterfactual.after));
  const gapBottom = Math.max(y(data.treated.after), y(data.counterfactual.after));
  return (
    <ChartFigure
      title={title}
      description={`${data.control.group}: ${formatNumber(data.control.before)} to ${formatNumber(data.control.after)}; ${data.treated.group}: ${formatNumber(data.treated.before)} to ${formatNumber(data.treated.after)}; had ${data.treated.group} moved as ${data.control.group}, it would have ended at ${formatNumber(data.counterfactual.after)}; the difference in differences is ${formatNumber(data.gap)}.`}
      fileName={`difference in differences ${outcome}`}
      svg={svg}
    >
      <div ref={frame} className="sroi-chart-box">
        <svg
          ref={svg}
          className="sroi-chart-svg compare-did-chart"
          width={plotWidth + MARGIN.left + MARGIN.right}
          height={HEIGHT}
          viewBox={`0 0 ${plotWidth + MARGIN.left + MARGIN.right} ${HEIGHT}`}
          role="img"
          aria-label={title}
          data-testid="did-chart"
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g ref={yAxis} className="axis axis-y" />
            <g ref={xAxis} className="axis" transform={`translate(0,${plotHeight})`} />
            {segment(data.control, 'control', paletteColor(0))}
            {segment(data.counterfactual, 'counterfactual', paletteColor(1))}
            {segment(data.treated, 'treated', paletteColor(1))}
            {labels.map((label) => (
              <text
                key={label.key}
                className={`line-end ${label.key}`}
                x={x1 + 10}
                y={label.y + 4}
                style={{ fill: label.color }}
              >
                {label.text}
              </text>
            ))}
            <line className="gap" x1={x1 - 14} x2={x1 - 14} y1={gapTop} y2={gapBottom} />
            <text className="gap-label" x={x1 - 20} y={(gapTop + gapBottom) / 2 + 4} textAnchor="end">
              {`DiD ${formatNumber(data.gap)}`}
            </text>
          </g>
        </svg>
      </div>
    </ChartFigure>
  );
}

interface LineLabel {
  readonly key: string;
  readonly y: number;
  readonly text: string;
  readonly color: string;
}

/** Labels at least 14 px apart, in the order of their lines' ends. */
function spreadLabels(labels: readonly LineLabel[]): LineLabel[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  const placed: LineLabel[] = [];
  for (const label of sorted) {
    const previous = placed.at(-1);
    placed.push(
      previous !== undefined && label.y - previous.y < 14 ? { ...label, y: previous.y + 14 } : label,
    );
  }
  return placed;
}
