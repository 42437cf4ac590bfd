/**
 * The market simulator's inputs from a saved estimate: the parameter layout rebuilt from the responses'
 * attributes (checked against the names the estimate saved, so a vector is never read in the wrong order), the
 * respondents' coefficient vectors (HB and per-respondent OLS) or the one aggregate vector (MNL), and products
 * as level choices. Shares come from model/conjoint's simulator (first choice, share of preference, randomized
 * first choice, BTL).
 */
import {
  isProhibited,
  parameterLayout,
  simulateShares,
  type EstimationAttribute,
  type ParameterLayout,
  type SimulationMethod,
  type SimulationResult,
  type Study,
} from '../../../../model/conjoint';
import type { ConjointEstimation, ConjointResponses } from '../../../../electron/api/contract';
import { csvField } from '../csv';

export interface SimulatorSource {
  readonly layout: ParameterLayout;
  readonly attributes: readonly EstimationAttribute[];
  readonly respondents: readonly Float64Array[];
  /** Whether the vectors are individual (one per respondent) or the single aggregate one. */
  readonly basis: 'individual' | 'aggregate';
  /** Whether the model has a None coefficient (a choice study with a None alternative). */
  readonly hasNone: boolean;
}

export type SourceReading =
  { readonly ok: true; readonly source: SimulatorSource } | { readonly ok: false; readonly error: string };

export function simulatorSource(responses: ConjointResponses, estimation: ConjointEstimation): SourceReading {
  const attributes: EstimationAttribute[] = responses.attributes.map((attribute) =>
    attribute.kind === 'categorical'
      ? { kind: 'categorical', name: attribute.name, levels: attribute.levels }
      : { kind: 'numeric', name: attribute.name, values: attribute.values },
  );
  const { simulation } = estimation;
  const hasNone = simulation.names.includes('none');
  const layout = parameterLayout(attributes, {
    coding: simulation.coding,
    intercept: simulation.intercept,
    none: hasNone,
  });
  if (layout.names.join('\n') !== simulation.names.join('\n'))
    return { ok: false, error: 'the estimate does not match the responses’ attributes; run it again' };
  const k = layout.names.length;
  const individual = Float64Array.from(simulation.individual);
  const respondents =
    simulation.respondents.length > 0
      ? simulation.respondents.map((_, r) => individual.subarray(r * k, (r + 1) * k))
      : [Float64Array.from(simulation.aggregate)];
  return {
    ok: true,
    source: {
      layout,
      attributes,
      respondents,
      basis: simulation.respondents.length > 0 ? 'individual' : 'aggregate',
      hasNone,
    },
  };
}

export interface Product {
  readonly key: string;
  readonly name: string;
  /** Level index (categorical) or value (numeric) per attribute. */
  readonly values: readonly number[];
}

let counter = 0;
export const productKey = (): string => `product${(counter += 1)}`;

/**
 * Whether an offer shows a combination the study prohibits (so respondents never saw it and its share is an
 * extrapolation). A numeric value that is not one of the study's levels matches no prohibition.
 */
export function showsProhibited(
  study: Study,
  attributes: readonly EstimationAttribute[],
  values: readonly number[],
): boolean {
  const profile = study.attributes.map((studied, a) => {
    const value = values[a] ?? 0;
    if (attributes[a]?.kind === 'categorical') return value;
    return studied.kind === 'numeric' ? studied.levels.indexOf(value) : -1;
  });
  return isProhibited(study, profile);
}

/**
 * Three offers to start from: every attribute at its first level, at its second, and at its last (numeric
 * attributes at their lowest, middle and highest value), so the shares differ from the first click. An offer
 * that would show a prohibited combination has its later attributes moved to the nearest allowed level.
 */
export function defaultProducts(attributes: readonly EstimationAttribute[], study?: Study): Product[] {
  const pick = (which: 0 | 1 | 2) =>
    attributes.map((attribute) => {
      if (attribute.kind === 'categorical') {
        const last = attribute.levels.length - 1;
        return which === 0 ? 0 : which === 1 ? Math.min(1, last) : last;
      }
      const values = attribute.values;
      return (
        values[which === 0 ? 0 : which === 1 ? Math.floor((values.length - 1) / 2) : values.length - 1] ?? 0
      );
    });
  const repair = (values: number[]): number[] => {
    if (study === undefined || !showsProhibited(study, attributes, values)) return values;
    for (let a = attributes.length - 1; a >= 0; a--) {
      const attribute = attributes[a];
      const options =
        attribute?.kind === 'categorical' ? attribute.levels.map((_, l) => l) : (attribute?.values ?? []);
      for (const option of options) {
        const candidate = values.map((value, index) => (index === a ? option : value));
        if (!showsProhibited(study, attributes, candidate)) return candidate;
      }
    }
    return values;
  };
  return (['Offer A', 'Offer B', 'Offer C'] as const).map((name, index) => ({
    key: productKey(),
    name,
    values: repair(pick(index as 0 | 1 | 2)),
  }));
}

export type MethodKind = SimulationMethod['kind'];

export const METHOD_WORDS: Readonly<Record<MethodKind, string>> = {
  'share-of-preference': 'Share of preference (logit)',
  'first-choice': 'First choice',
  'randomized-first-choice': 'Randomized first choice',
  btl: 'BTL (utility shares)',
};

export function methodOf(kind: MethodKind, exponent: number): SimulationMethod {
  if (kind === 'share-of-preference') return { kind, exponent };
  if (kind === 'randomized-first-choice') return { kind, draws: 500, seed: 1 };
  return { kind };
}

export function runSimulation(
  source: SimulatorSource,
  products: readonly Product[],
  method: SimulationMethod,
  includeNone: boolean,
): SimulationResult {
  return simulateShares({
    layout: source.layout,
    respondents: source.respondents,
    products: products.map((product) => ({ name: product.name, values: product.values })),
    method,
    ...(includeNone && source.hasNone ? { none: {} } : {}),
  });
}

/** A product's level as a person reads it. */
export function levelWords(attribute: EstimationAttribute, value: number): string {
  return attribute.kind === 'categorical' ? (attribute.levels[value] ?? '?') : String(value);
}

/** The shares as CSV: each alternative's definition, share (percent) and mean utility, under a stamp. */
export function sharesCsv(
  stamp: readonly (readonly [string, string | number | null])[],
  source: SimulatorSource,
  products: readonly Product[],
  result: SimulationResult,
): string {
  const lines = [
    ...stamp.map(
      ([key, value]) => `# ${key}: ${value === null ? 'none' : String(value).replace(/\r?\n/g, ' ')}`,
    ),
    ['alternative', ...source.attributes.map((attribute) => attribute.name), 'share_percent', 'mean_utility']
      .map(csvField)
      .join(','),
    ...result.names.map((name, index) => {
      const product = products[index];
      const levels = source.attributes.map((attribute, a) =>
        product === undefined ? '' : levelWords(attribute, product.values[a] ?? 0),
      );
      return [
        name,
        ...levels,
        (result.shares[index] ?? Number.NaN) * 100,
        result.meanUtility[index] ?? Number.NaN,
      ]
        .map(csvField)
        .join(',');
    }),
  ];
  return `${lines.join('\n')}\n`;
}
