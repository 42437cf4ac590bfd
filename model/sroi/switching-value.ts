import type { AssumptionDomain, SensitivityAssumption } from './variation';

/**
 * Switching values: how far one estimate must move, everything else held, for the SROI ratio to fall (or
 * rise) to 1:1, i.e. for the present value to equal the inputs. A Guide to Social Return on Investment
 * (Cabinet Office / SROI Network 2012), stage 5, section 5.4, asks how much each estimate would need to change
 * to make the ratio 1:1; HM Treasury's Green Book (2022) calls this the switching value.
 */

/**
 * The present value is linear in these (projection.ts): in the quantity and the proxy directly, and in
 * deadweight, displacement and attribution through their factor (1 − x). A closed form then finds the
 * switching value exactly. Drop-off compounds ((1 − d)^(k−1)) and duration adds years, so those are bisected.
 */
export const LINEAR_ASSUMPTIONS: ReadonlySet<SensitivityAssumption> = new Set([
  'quantity',
  'proxyValue',
  'deadweight',
  'displacement',
  'attribution',
]);

const BISECTION_STEPS = 200;

/** Two points inside the domain for the closed form (any two distinct points of a line will do). */
function probePoints(domain: AssumptionDomain): readonly [number, number] {
  if (Number.isFinite(domain.low) && Number.isFinite(domain.high)) return [domain.low, domain.high];
  if (Number.isFinite(domain.low)) return [domain.low, domain.low + 1];
  return [domain.high - 1, domain.high];
}

const within = (value: number, domain: AssumptionDomain) => {
  // Rounding in the closed form may land a hair outside a bound the true value sits on.
  const slack = 1e-12 * Math.max(1, Math.abs(value));
  if (value < domain.low - slack || value > domain.high + slack) return undefined;
  return Math.min(domain.high, Math.max(domain.low, value));
};

/**
 * The value x in `domain` where presentValueAt(x) = target, or `null` if there is none.
 *
 * - linear: x = a + (target − PV(a)) × (b − a) / (PV(b) − PV(a)) for two points a, b of the domain; `null`
 *   when the present value does not depend on the assumption (its value is then 0 or the ratio never moves).
 * - otherwise: bisection over the whole domain, which needs PV − target to change sign between its ends
 *   (true for drop-off and duration when the outcome's values are positive, as they then move the present
 *   value one way only); `null` when it does not. A root where the function touches the target without
 *   crossing it is missed; with monotone present values there is none.
 */
export function findSwitchingValue(
  presentValueAt: (value: number) => number,
  target: number,
  domain: AssumptionDomain,
  linear: boolean,
): number | null {
  if (linear) {
    const [a, b] = probePoints(domain);
    const atA = presentValueAt(a);
    const slope = (presentValueAt(b) - atA) / (b - a);
    if (slope === 0 || !Number.isFinite(slope)) return null;
    return within(a + (target - atA) / slope, domain) ?? null;
  }
  let low = domain.low;
  let high = domain.high;
  let atLow = presentValueAt(low) - target;
  const atHigh = presentValueAt(high) - target;
  if (atLow === 0) return low;
  if (atHigh === 0) return high;
  if (Math.sign(atLow) === Math.sign(atHigh)) return null;
  for (let step = 0; step < BISECTION_STEPS && high - low > 1e-13 * Math.max(1, Math.abs(high)); step++) {
    const middle = (low + high) / 2;
    const atMiddle = presentValueAt(middle) - target;
    if (atMiddle === 0) return middle;
    if (Math.sign(atMiddle) === Math.sign(atLow)) {
      low = middle;
      atLow = atMiddle;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}
