/**
 * Conservation laws of the empathy reference model (issue 4, point 2d), on a run that is far from
 * equilibrium (cost cutting), step by step: with Euler integration (XMILE 1.0 section 3.1.1) a stock moves by
 * dt times its net flow, so each chain must balance to rounding at every saved step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seriesOf, type CompiledModel, type SimulationResult } from '../../model/sd';
import { compileSample, readScenarios, run, scenarioOverrides } from './empathy-model';

let model: CompiledModel;
let result: SimulationResult;

function series(name: string): Float64Array {
  const values = seriesOf(result, name);
  if (values === undefined) throw new Error(`"${name}" is not in the results`);
  return values;
}

/** Largest |change of the stock sum - dt * net flow| over all steps, relative to the stock sum. */
function imbalance(
  stocks: readonly string[],
  inflows: readonly string[],
  outflows: readonly string[],
): number {
  const dt = model.specs.dt;
  const total = (index: number): number =>
    stocks.reduce((sum, name) => sum + (series(name)[index] as number), 0);
  const net = (index: number): number =>
    inflows.reduce((sum, name) => sum + (series(name)[index] as number), 0) -
    outflows.reduce((sum, name) => sum + (series(name)[index] as number), 0);
  let worst = 0;
  for (let index = 0; index + 1 < result.time.length; index++) {
    const change = total(index + 1) - total(index);
    worst = Math.max(worst, Math.abs(change - dt * net(index)) / Math.max(1, Math.abs(total(index))));
  }
  return worst;
}

beforeAll(() => {
  model = compileSample();
  expect(model.specs.saveStep).toBe(model.specs.dt);
  result = run(model, scenarioOverrides(readScenarios(), 'cost-cutting'));
});

describe('mass balance of the empathy reference model', () => {
  it('staff: hired minus quits is the change in total staff (maturation moves people inside the chain)', () => {
    expect(
      imbalance(['Rookie Staff', 'Experienced Staff'], ['Hiring'], ['Rookie quits', 'Experienced quits']),
    ).toBeLessThan(1e-12);
    // ... and the staff really changed, so the balance is not trivially met.
    const staff = series('Total staff');
    expect(Math.abs((staff[staff.length - 1] as number) - (staff[0] as number))).toBeGreaterThan(5);
  });

  it('customers: the market is closed, so potential plus current customers stay the market size', () => {
    const potential = series('Potential Customers');
    const customers = series('Customers');
    const market = series('Market size');
    for (let index = 0; index < result.time.length; index++) {
      const sum = (potential[index] as number) + (customers[index] as number);
      expect(Math.abs(sum - (market[index] as number))).toBeLessThan(1e-8);
    }
    expect(
      imbalance(
        ['New Customers', 'Loyal Customers'],
        ['Customer acquisition'],
        ['New customer churn', 'Loyal customer churn'],
      ),
    ).toBeLessThan(1e-12);
  });

  it('cash: revenue minus costs is the change in cash, and cumulative profit is what cash gained', () => {
    expect(imbalance(['Cash'], ['Revenue'], ['Costs'])).toBeLessThan(1e-12);
    const cumulative = series('Cumulative profit');
    const profit = series('Profit');
    let sum = 0;
    for (let index = 0; index + 1 < result.time.length; index++)
      sum += model.specs.dt * (profit[index] as number);
    expect(Math.abs((cumulative[cumulative.length - 1] as number) - sum)).toBeLessThan(1e-6 * Math.abs(sum));
  });

  it('ideas: generated ideas are launched, dropped or still in the pipeline', () => {
    expect(
      imbalance(['Idea Pipeline'], ['Idea generation'], ['Innovation launches', 'Ideas dropped']),
    ).toBeLessThan(1e-12);
  });
});
