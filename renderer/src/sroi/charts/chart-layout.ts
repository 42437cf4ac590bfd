/**
 * The arithmetic of the SROI charts, apart from drawing, so it is tested without a browser: value domains that
 * keep zero (and 1:1 on the tornado) in view, stacks of value by stakeholder per year with harms below the axis,
 * label shortening, and the palette.
 */
import { schemeTableau10, stack, stackOffsetDiverging } from 'd3';

/** Tableau 10, as the Dynamics charts use it (colour-vision safe, readable on light and dark). */
export function paletteColor(index: number): string {
  const size = schemeTableau10.length;
  return schemeTableau10[((index % size) + size) % size] as string;
}

/**
 * [min, max] of the values and the given anchors (0, a base ratio, 1:1), padded by 5% of the span, except at
 * zero: bars of money start at the axis.
 */
export function domainWith(values: readonly number[], anchors: readonly number[] = [0]): [number, number] {
  if (!values.some(Number.isFinite)) return [0, 1];
  const finite = [...values, ...anchors].filter(Number.isFinite);
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  return [min === 0 ? 0 : min - pad, max === 0 ? 0 : max + pad];
}

/** A label cut to `max` characters with an ellipsis (the full text goes in a <title>). */
export function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export interface StackedSegment {
  readonly key: string;
  readonly year: number;
  readonly from: number;
  readonly to: number;
  readonly value: number;
}

/**
 * Value by stakeholder per year as stacked segments: benefits stack up from zero, harms (negative values) down
 * from it (d3's diverging offset), so a year's bar spans its gains and losses.
 */
export function stackByYear(
  series: readonly { readonly key: string; readonly values: readonly number[] }[],
  years: number,
): StackedSegment[] {
  const rows = Array.from({ length: years }, (_, index) =>
    Object.fromEntries(series.map((entry) => [entry.key, entry.values[index] ?? 0])),
  );
  const layers = stack<Record<string, number>>()
    .keys(series.map((entry) => entry.key))
    .offset(stackOffsetDiverging)(rows);
  return layers.flatMap((layer) =>
    layer.map((point, index) => ({
      key: layer.key,
      year: index + 1,
      from: point[0],
      to: point[1],
      value: rows[index]?.[layer.key] ?? 0,
    })),
  );
}
