/**
 * Willingness to pay, two ways.
 *
 * 1. The coefficient ratio: WTP = -(w'b) / b_price, where w'b is a numeric attribute's coefficient (WTP per
 *    unit) or the difference of two levels' part-worths (WTP for the change). Its standard error by the delta
 *    method, sqrt(g'Vg) with g = -w / b_price + (w'b / b_price^2) e_price (Train 2009, section 2.6 / 3.6.1;
 *    Daly, Hess & de Jong 2012, Transportation Research B 46:333). Matches the Fishing reference.
 * 2. Simulation: the price increase at which a product improved by a level change keeps the share it had
 *    before the change, against a competitive scenario (Orme, "Getting Started with Conjoint Analysis",
 *    ch. 10; Sawtooth Software, "Estimating WTP with the market simulator"). It accounts for competition and
 *    for heterogeneity, which the ratio does not.
 */
import { normalTwoSidedP } from '../stats/distributions';
import { partWorthWeights, type ParameterLayout } from './coding';
import { simulateShares, type SimulationMethod, type SimulatorProduct } from './simulator';

export interface WtpEstimate {
  /** e.g. "catch (per unit)" or "agent: human vs bot". */
  readonly label: string;
  readonly attribute: string;
  /** For a level change: the level and the level it is compared with. */
  readonly level?: string;
  readonly versus?: string;
  readonly value: number;
  readonly stdError: number;
  readonly z: number;
  readonly p: number;
}

/** -(w'b)/b_price with its delta-method standard error. */
export function wtpRatio(
  estimates: ArrayLike<number>,
  covariance: ArrayLike<number>,
  weights: readonly number[],
  priceIndex: number,
): { value: number; stdError: number } {
  const k = estimates.length;
  const price = estimates[priceIndex] as number;
  let numerator = 0;
  for (let p = 0; p < k; p++) numerator += (weights[p] ?? 0) * (estimates[p] as number);
  const value = -numerator / price;
  const gradient = Array.from({ length: k }, (_, p) => -(weights[p] ?? 0) / price);
  gradient[priceIndex] = (gradient[priceIndex] as number) + numerator / (price * price);
  let variance = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++)
      variance += (gradient[a] as number) * (gradient[b] as number) * (covariance[a * k + b] as number);
  return { value, stdError: Math.sqrt(variance) };
}

/**
 * WTP for every other attribute of a model with a numeric price: per unit for numeric attributes, and for
 * each level against the first (reference) level of categorical ones.
 */
export function wtpForAttributes(
  layout: ParameterLayout,
  estimates: ArrayLike<number>,
  covariance: ArrayLike<number>,
  price: string,
): WtpEstimate[] {
  const priceAttribute = layout.attributes.findIndex(({ attribute }) => attribute.name === price);
  const priceEntry = layout.attributes[priceAttribute];
  if (priceEntry === undefined || priceEntry.attribute.kind !== 'numeric') return [];
  const priceIndex = priceEntry.columns[0] as number;
  const results: WtpEstimate[] = [];
  layout.attributes.forEach(({ attribute }, a) => {
    if (a === priceAttribute) return;
    const entries: { label: string; level?: string; versus?: string; weights: number[] }[] = [];
    if (attribute.kind === 'numeric') {
      entries.push({ label: `${attribute.name} (per unit)`, weights: partWorthWeights(layout, a, 0) });
    } else {
      const reference = partWorthWeights(layout, a, 0);
      attribute.levels.slice(1).forEach((level, offset) => {
        const weights = partWorthWeights(layout, a, offset + 1).map(
          (weight, p) => weight - (reference[p] as number),
        );
        entries.push({
          label: `${attribute.name}: ${level} vs ${attribute.levels[0] ?? ''}`,
          level,
          versus: attribute.levels[0] as string,
          weights,
        });
      });
    }
    for (const entry of entries) {
      const { value, stdError } = wtpRatio(estimates, covariance, entry.weights, priceIndex);
      const z = value / stdError;
      results.push({
        label: entry.label,
        attribute: attribute.name,
        ...(entry.level === undefined ? {} : { level: entry.level, versus: entry.versus as string }),
        value,
        stdError,
        z,
        p: normalTwoSidedP(z),
      });
    }
  });
  return results;
}

export interface SimulatedWtpInput {
  readonly layout: ParameterLayout;
  readonly respondents: readonly ArrayLike<number>[];
  /** The competitive scenario: the product of interest and its competitors. */
  readonly products: readonly SimulatorProduct[];
  /** Index of the product that gets the improvement. */
  readonly product: number;
  /** The improvement: attribute index and the level index (or numeric value) it moves to. */
  readonly attribute: number;
  readonly improvedValue: number;
  /** Index of the numeric price attribute in the layout. */
  readonly price: number;
  readonly method?: SimulationMethod;
  readonly includeNone?: boolean;
  /** The largest price increase searched (default: 10 x the price range of the study). */
  readonly maxIncrease?: number;
}

export interface SimulatedWtp {
  /** The price increase that restores the product's share, or null when even maxIncrease does not. */
  readonly value: number | null;
  readonly baseShare: number;
  readonly improvedShare: number;
  /** Whether the answer lies beyond the studied price range (extrapolated from the linear price effect). */
  readonly extrapolated: boolean;
}

/**
 * Bisection on the price increase until the improved product's share is back at its base share (shares fall
 * monotonically with price for a negative price coefficient). Share of preference by default, which is
 * smooth in price; first choice gives a step function and so a coarser answer.
 */
export function simulatedWtp(input: SimulatedWtpInput): SimulatedWtp {
  const method = input.method ?? { kind: 'share-of-preference' };
  const none = input.includeNone === true ? {} : undefined;
  const shareWith = (products: readonly SimulatorProduct[]) =>
    simulateShares({
      layout: input.layout,
      respondents: input.respondents,
      products,
      method,
      ...(none === undefined ? {} : { none }),
    }).shares[input.product] as number;
  const target = input.products[input.product];
  const priceEntry = input.layout.attributes[input.price];
  if (target === undefined || priceEntry === undefined || priceEntry.attribute.kind !== 'numeric')
    throw new Error('simulated WTP needs a product and a numeric price attribute');
  const priceValues = priceEntry.attribute.values;
  const priceLow = priceValues[0] ?? 0;
  const priceHigh = priceValues[priceValues.length - 1] ?? 0;
  const basePrice = target.values[input.price] as number;
  const baseShare = shareWith(input.products);
  const withChange = (increase: number) =>
    input.products.map((product, index) => {
      if (index !== input.product) return product;
      const values = Array.from(product.values);
      values[input.attribute] = input.improvedValue;
      values[input.price] = basePrice + increase;
      return { name: product.name, values };
    });
  const improvedShare = shareWith(withChange(0));
  if (improvedShare <= baseShare)
    return { value: improvedShare === baseShare ? 0 : null, baseShare, improvedShare, extrapolated: false };
  const maxIncrease = input.maxIncrease ?? 10 * Math.max(priceHigh - priceLow, Math.abs(basePrice), 1);
  if (shareWith(withChange(maxIncrease)) > baseShare)
    return { value: null, baseShare, improvedShare, extrapolated: true };
  let low = 0;
  let high = maxIncrease;
  for (let step = 0; step < 60 && high - low > 1e-9 * Math.max(1, high); step++) {
    const middle = (low + high) / 2;
    if (shareWith(withChange(middle)) > baseShare) low = middle;
    else high = middle;
  }
  const value = (low + high) / 2;
  return { value, baseShare, improvedShare, extrapolated: basePrice + value > priceHigh };
}
