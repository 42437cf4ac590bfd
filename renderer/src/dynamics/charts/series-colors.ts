/**
 * Line colours: Tableau 10 (d3's `schemeTableau10`), designed by Maureen Stone to stay apart for common colour
 * vision deficiencies and to read on light and dark backgrounds alike. A variable keeps its colour by its place
 * in the list of charted variables, so the same line is the same colour in every chart and in the legend.
 */
import { schemeTableau10 } from 'd3';

export function seriesColor(index: number): string {
  return schemeTableau10[
    ((index % schemeTableau10.length) + schemeTableau10.length) % schemeTableau10.length
  ] as string;
}
