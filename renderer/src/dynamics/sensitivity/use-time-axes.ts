/**
 * The axes of a chart over time (the fan charts, the calibration's data against the model): time along the
 * bottom with a tick every 80 px or so, values up the side with grid lines across, in the what-if charts' number
 * format. d3 draws them into the two groups after each render that changes the scales.
 */
import { axisBottom, axisLeft, format, select, type ScaleLinear } from 'd3';
import { useLayoutEffect, type RefObject } from 'react';
import { formatValue } from '../charts/number-format';

export function useTimeAxes(
  xAxis: RefObject<SVGGElement | null>,
  yAxis: RefObject<SVGGElement | null>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  plotWidth: number,
): void {
  useLayoutEffect(() => {
    if (xAxis.current === null || yAxis.current === null) return;
    select(xAxis.current).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(plotWidth / 80)))
        .tickFormat((value) => format('~g')(Number(value))),
    );
    select(yAxis.current).call(
      axisLeft(y)
        .ticks(5)
        .tickSize(-plotWidth)
        .tickFormat((value) => formatValue(Number(value))),
    );
  }, [xAxis, yAxis, x, y, plotWidth]);
}
