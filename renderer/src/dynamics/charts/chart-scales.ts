/**
 * The arithmetic of a time-series chart, apart from drawing: the value domain a set of runs needs, the saved
 * time nearest the pointer, axis labels with units, and the legend's flow layout. Pure, so it is tested without
 * a browser.
 */
import { bisector, scaleLinear } from 'd3';

/** The smallest and largest finite value over all series; [0, 1] when there is none. */
export function seriesExtent(series: readonly ArrayLike<number>[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const values of series) {
    // An index loop: ArrayLike (typed arrays, plain arrays) has no iterator in its type.
    // eslint-disable-next-line @typescript-eslint/prefer-for-of
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      if (!Number.isFinite(value)) continue;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min === Infinity ? [0, 1] : [min, max];
}

/**
 * The y domain: the extent, widened when (nearly) flat (a constant line sits mid-chart, not on an edge), starting at
 * zero when every value is positive and the lowest is under half the highest (so a chart does not make a small
 * change look large; stocks of people and money are read against zero), then rounded to nice ticks.
 */
export function valueDomain(series: readonly ArrayLike<number>[]): [number, number] {
  let [min, max] = seriesExtent(series);
  // A line that moves by less than 1% of its size is drawn as the flat line it practically is: otherwise the axis
  // zooms into rounding noise (an equilibrium drifting by 0.01% would fill the chart like a collapse).
  const minimumSpan = Math.max(Math.abs(min), Math.abs(max)) * 0.02;
  if (max - min < minimumSpan / 2 || min === max) {
    const middle = (min + max) / 2;
    const pad = minimumSpan === 0 ? 1 : minimumSpan / 2;
    min = middle - pad;
    max = middle + pad;
  }
  if (min > 0 && min <= max / 2) min = 0;
  if (max < 0 && max >= min / 2) max = 0;
  const [low, high] = scaleLinear().domain([min, max]).nice(6).domain() as [number, number];
  return [low, high];
}

/**
 * The y domain for new data given the one on screen: kept while the data still fits and would fill at least half
 * of it, so the axis stands still while a slider drags a line up and down (a moving axis makes a moving line hard
 * to read, and redrawing it costs a frame's time); recomputed when the data leaves it or shrinks well inside it.
 * Returns `previous` itself when it is kept.
 */
export function settleDomain(
  previous: readonly [number, number] | undefined,
  series: readonly ArrayLike<number>[],
): readonly [number, number] {
  const fresh = valueDomain(series);
  if (previous === undefined) return fresh;
  const [min, max] = seriesExtent(series);
  const fits = min >= previous[0] && max <= previous[1];
  const fills = fresh[1] - fresh[0] >= 0.5 * (previous[1] - previous[0]);
  return fits && fills ? previous : fresh;
}

const byTime = bisector((time: number) => time);

/** The index of the saved time nearest to `t` (the read-out snaps to saved points, never interpolates). */
export function nearestIndex(time: ArrayLike<number>, t: number): number {
  if (time.length === 0) return -1;
  return Math.max(0, Math.min(time.length - 1, byTime.center(time, t)));
}

/**
 * Where a key moves a focused chart's read-out among `count` points: one point with the arrows, `page` points with
 * Page Up and Page Down (when the chart gives a page), the ends with Home and End; the first key puts it on the
 * first point. Undefined for a key that does not move it.
 */
export function hoverStep(
  key: string,
  index: number | undefined,
  count: number,
  page?: number,
): number | undefined {
  const current = index ?? 0;
  const next: Record<string, number> = {
    ArrowRight: current + 1,
    ArrowLeft: current - 1,
    ...(page === undefined ? {} : { PageUp: current + page, PageDown: current - page }),
    Home: 0,
    End: count - 1,
  };
  const target = next[key];
  if (target === undefined) return undefined;
  return Math.max(0, Math.min(count - 1, index === undefined ? 0 : target));
}

/** "Customers (people)"; just the name when the model gives no units. */
export function axisLabel(name: string, units: string | undefined): string {
  const unit = units?.trim();
  return unit === undefined || unit === '' ? name : `${name} (${unit})`;
}

/** The y label of a chart: the variable and its units, or the shared units of several variables. */
export function groupAxisLabel(names: readonly string[], units: string | undefined): string {
  const [only] = names;
  if (names.length === 1 && only !== undefined) return axisLabel(only, units);
  return units?.trim() || 'Value';
}

/** The time axis label: "Time (months)", from `<sim_specs time_units>`. */
export function timeAxisLabel(timeUnits: string | undefined): string {
  return axisLabel('Time', timeUnits);
}

export interface LegendPlacement {
  readonly x: number;
  readonly y: number;
}

/**
 * Places legend entries left to right, wrapping at the width. Entry widths are estimated from the label length
 * (an SVG legend must be laid out before it is measured, and an exported SVG is never measured at all). The
 * measures are for charts.css's 11.5 px legend; `scale` lays out a legend drawn that much larger (its entries
 * scaled as a whole, swatch and type), the gap between entries staying as it is.
 */
export function layoutLegend(
  labels: readonly string[],
  width: number,
  options: {
    readonly charWidth?: number;
    readonly swatch?: number;
    readonly gap?: number;
    readonly row?: number;
    readonly scale?: number;
  } = {},
): { readonly placements: LegendPlacement[]; readonly height: number } {
  const scale = options.scale ?? 1;
  const charWidth = (options.charWidth ?? 6.6) * scale;
  const swatch = (options.swatch ?? 22) * scale;
  const gap = options.gap ?? 16;
  const row = (options.row ?? 18) * scale;
  const placements: LegendPlacement[] = [];
  let x = 0;
  let y = 0;
  for (const label of labels) {
    const entry = swatch + label.length * charWidth;
    if (x > 0 && x + entry > width) {
      x = 0;
      y += row;
    }
    placements.push({ x, y });
    x += entry + gap;
  }
  return { placements, height: labels.length === 0 ? 0 : y + row };
}

/**
 * The measured point nearest to time `t`, when it lies within half the series' median spacing (a quarterly
 * figure is read out over its quarter, not at every month of the run).
 */
export function nearestMeasured(
  entry: { readonly time: ArrayLike<number>; readonly values: ArrayLike<number> },
  t: number,
): { index: number } | undefined {
  const times = Array.from(entry.time);
  if (times.length === 0) return undefined;
  const gaps = times
    .slice(1)
    .map((time, index) => time - (times[index] as number))
    .sort((a, b) => a - b);
  const spacing = gaps.length === 0 ? Infinity : (gaps[Math.floor(gaps.length / 2)] as number);
  let best = -1;
  times.forEach((time, index) => {
    if (!Number.isFinite(entry.values[index] as number)) return;
    if (best < 0 || Math.abs(time - t) < Math.abs((times[best] as number) - t)) best = index;
  });
  return best >= 0 && Math.abs((times[best] as number) - t) <= spacing / 2 ? { index: best } : undefined;
}
