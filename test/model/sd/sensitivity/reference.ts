/** The R reference values of fixtures/r-reference.json (see fixtures/SOURCE.md), typed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RReference {
  readonly qnorm: { readonly p: number[]; readonly q: number[] };
  readonly quantile: { readonly x: (number | null)[]; readonly probs: number[]; readonly q: number[] };
  readonly quantileSmall: { readonly x: number[]; readonly probs: number[]; readonly q: number[] };
  readonly summary: { readonly mean: number; readonly sd: number };
  readonly spearman: { readonly a: number[]; readonly b: number[]; readonly rho: number };
  readonly qlnorm: {
    readonly u: number[];
    readonly 'meanlog0.5sdlog0.25': number[];
    readonly 'mean2sd0.5': number[];
  };
  readonly truncnorm: {
    readonly u: number[];
    readonly mean10sd2on9to14: number[];
    readonly mean0sd1on3to4: number[];
  };
}

export const R: RReference = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'r-reference.json'), 'utf8'),
) as RReference;

/** |a - b| <= tolerance * max(1, |b|). */
export function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}
