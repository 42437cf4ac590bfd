/**
 * The market simulator: shares of a set of products among respondents whose part-worths are known
 * (individually from HB or per-respondent OLS, or one aggregate vector). Methods (Orme, "Getting Started
 * with Conjoint Analysis", 4th ed., ch. 10; Sawtooth Software, "The Sawtooth Software Market Simulator"):
 * first choice (each respondent takes the product of highest utility; ties to the first, as R's which.max),
 * share of preference (logit shares with an exponent that scales utilities, averaged over respondents),
 * randomized first choice (Huber, Orme & Miller 1999, Sawtooth Software Conference: first choice repeated
 * with Gumbel error on each level's part-worth, shared by every product showing that level, and optionally on
 * each product), and BTL (utility shares; as conjoint::caBTL only respondents whose utilities are all >= 0
 * count). A None alternative takes its utility from the `none` coefficient or a given threshold.
 */
import { profileUtility, type ParameterLayout } from './coding';
import { SeededRandom } from './random-draws';

export interface SimulatorProduct {
  readonly name: string;
  /** Level index (categorical) or value (numeric) per attribute, in the layout's attribute order. */
  readonly values: ArrayLike<number>;
}

export type SimulationMethod =
  | { readonly kind: 'first-choice' }
  | { readonly kind: 'share-of-preference'; readonly exponent?: number }
  | {
      readonly kind: 'randomized-first-choice';
      /** Draws per respondent (default 1,000). */
      readonly draws?: number;
      /** Scale of the Gumbel error on each level's part-worth (default 1). */
      readonly attributeVariability?: number;
      /** Scale of the Gumbel error on each product's total (default 0). */
      readonly productVariability?: number;
      readonly seed?: number;
    }
  | { readonly kind: 'btl' };

export interface NoneOption {
  /** The None alternative's utility; default: the layout's `none` coefficient of each respondent. */
  readonly utility?: number;
}

export interface SimulationInput {
  readonly layout: ParameterLayout;
  /** Coefficient vectors, one per respondent (or one aggregate vector). */
  readonly respondents: readonly ArrayLike<number>[];
  readonly products: readonly SimulatorProduct[];
  readonly method: SimulationMethod;
  readonly none?: NoneOption;
}

export interface SimulationResult {
  /** Product names, then "None" when it is included. */
  readonly names: readonly string[];
  /** Shares as fractions summing to 1, in the order of `names`. */
  readonly shares: readonly number[];
  /** Mean total utility of each alternative over the respondents counted. */
  readonly meanUtility: readonly number[];
  readonly respondentsCounted: number;
  /** Respondents left out (BTL with a negative utility). */
  readonly respondentsExcluded: number;
}

export const NONE_NAME = 'None';

/** Every alternative's utility for one respondent (products, then None). */
function utilitiesOf(input: SimulationInput, beta: ArrayLike<number>): number[] {
  const utilities = input.products.map((product) => profileUtility(input.layout, product.values, beta));
  if (input.none !== undefined) {
    const noneUtility =
      input.none.utility ??
      (input.layout.noneIndex >= 0 ? (beta[input.layout.noneIndex] as number) : Number.NaN);
    utilities.push(noneUtility);
  }
  return utilities;
}

export function simulateShares(input: SimulationInput): SimulationResult {
  const names = [
    ...input.products.map((product) => product.name),
    ...(input.none === undefined ? [] : [NONE_NAME]),
  ];
  const count = names.length;
  if (input.none !== undefined && input.none.utility === undefined && input.layout.noneIndex < 0)
    throw new Error('the model has no None coefficient: give the None alternative a utility');
  const totals = new Array<number>(count).fill(0);
  const utilityTotals = new Array<number>(count).fill(0);
  let counted = 0;
  let excluded = 0;
  const method = input.method;
  const random = method.kind === 'randomized-first-choice' ? new SeededRandom(method.seed ?? 1) : null;
  for (const beta of input.respondents) {
    const utilities = utilitiesOf(input, beta);
    let shares: number[];
    switch (method.kind) {
      case 'first-choice':
        shares = firstChoice(utilities);
        break;
      case 'share-of-preference':
        shares = logitShares(utilities, method.exponent ?? 1);
        break;
      case 'btl': {
        if (utilities.some((utility) => utility < 0)) {
          excluded++;
          continue;
        }
        const sum = utilities.reduce((total, utility) => total + utility, 0);
        shares = utilities.map((utility) => (sum > 0 ? utility / sum : 1 / count));
        break;
      }
      case 'randomized-first-choice':
        shares = randomizedFirstChoice(input, utilities, method, random as SeededRandom);
        break;
    }
    counted++;
    shares.forEach((share, j) => {
      totals[j] = (totals[j] as number) + share;
      utilityTotals[j] = (utilityTotals[j] as number) + (utilities[j] as number);
    });
  }
  return {
    names,
    shares: totals.map((total) => (counted === 0 ? Number.NaN : total / counted)),
    meanUtility: utilityTotals.map((total) => (counted === 0 ? Number.NaN : total / counted)),
    respondentsCounted: counted,
    respondentsExcluded: excluded,
  };
}

function firstChoice(utilities: readonly number[]): number[] {
  let best = 0;
  for (let j = 1; j < utilities.length; j++)
    if ((utilities[j] as number) > (utilities[best] as number)) best = j;
  return utilities.map((_, j) => (j === best ? 1 : 0));
}

/** exp(e u_j) / sum exp(e u_i), shifted by the largest utility so nothing overflows. */
export function logitShares(utilities: readonly number[], exponent = 1): number[] {
  const largest = Math.max(...utilities);
  const weights = utilities.map((utility) => Math.exp(exponent * (utility - largest)));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return weights.map((weight) => weight / sum);
}

/**
 * Randomized first choice for one respondent: each draw adds a Gumbel error to every level's part-worth (the
 * same error for every product showing that level, so similar products share it and IIA is corrected) and to
 * each product; a numeric attribute's error is interpolated between errors drawn at the ends of its range.
 */
function randomizedFirstChoice(
  input: SimulationInput,
  utilities: readonly number[],
  method: Extract<SimulationMethod, { kind: 'randomized-first-choice' }>,
  random: SeededRandom,
): number[] {
  const draws = method.draws ?? 1000;
  const attributeScale = method.attributeVariability ?? 1;
  const productScale = method.productVariability ?? 0;
  const attributes = input.layout.attributes;
  const counts = new Array<number>(utilities.length).fill(0);
  const levelError: number[][] = attributes.map(({ attribute }) =>
    new Array<number>(attribute.kind === 'numeric' ? 2 : attribute.levels.length).fill(0),
  );
  const drawn = new Array<number>(utilities.length).fill(0);
  for (let draw = 0; draw < draws; draw++) {
    for (const errors of levelError)
      for (let l = 0; l < errors.length; l++)
        errors[l] = attributeScale === 0 ? 0 : random.gumbel(attributeScale);
    input.products.forEach((product, j) => {
      let utility = utilities[j] as number;
      attributes.forEach(({ attribute }, a) => {
        const errors = levelError[a] as number[];
        const value = product.values[a] as number;
        if (attribute.kind === 'categorical') {
          utility += errors[value] as number;
          return;
        }
        const [low = 0, high = 0] = [attribute.values[0], attribute.values[attribute.values.length - 1]];
        const position = high > low ? (value - low) / (high - low) : 0;
        utility += (errors[0] as number) + ((errors[1] as number) - (errors[0] as number)) * position;
      });
      drawn[j] = utility + (productScale === 0 ? 0 : random.gumbel(productScale));
    });
    if (utilities.length > input.products.length)
      drawn[utilities.length - 1] =
        (utilities[utilities.length - 1] as number) + (productScale === 0 ? 0 : random.gumbel(productScale));
    const winner = firstChoice(drawn).indexOf(1);
    counts[winner] = (counts[winner] as number) + 1;
  }
  return counts.map((count) => count / draws);
}
