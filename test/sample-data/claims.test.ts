/**
 * The seed article's figures, as claims (issue 4, point 2b): the high/low-empathy scenario pair, set by
 * levers only, reproduces the claimed magnitudes at the horizon (month 120) within 15%.
 * - seed line 109: "organizations with high levels of empathy demonstrate a 50% increase in employee retention
 *   and a 60% improvement in innovation" -> Employee retention (1 - annual staff turnover) x1.5, Innovations
 *   (innovations in use) x1.6;
 * - seed line 47: "companies scoring in the top 10% for empathy demonstrate twice the earnings compared to
 *   those in the bottom 10%" -> Annual profit (profit over the last 12 months) x2.
 * These are the article's claims, not established facts (sample-data/empathy-smb.md, "Calibration targets").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledModel, SimulationResult } from '../../model/sd';
import { compileSample, readScenarios, run, scenarioOverrides, valueAt } from './empathy-model';

const TOLERANCE = 0.15;

let model: CompiledModel;
let high: SimulationResult;
let low: SimulationResult;
let statusQuo: SimulationResult;

beforeAll(() => {
  model = compileSample();
  const scenarios = readScenarios();
  high = run(model, scenarioOverrides(scenarios, 'high-empathy'));
  low = run(model, scenarioOverrides(scenarios, 'low-empathy'));
  statusQuo = run(model, scenarioOverrides(scenarios, 'status-quo'));
});

const ratio = (name: string): number => valueAt(high, name) / valueAt(low, name);

describe('the high/low-empathy pair reproduces the article claims at the horizon', () => {
  it('runs to month 120', () => {
    expect(high.time[high.time.length - 1]).toBe(120);
  });

  it('employee retention is about 50% better (seed line 109)', () => {
    expect(ratio('Employee retention')).toBeGreaterThan(1.5 * (1 - TOLERANCE));
    expect(ratio('Employee retention')).toBeLessThan(1.5 * (1 + TOLERANCE));
  });

  it('innovation is about 60% higher (seed line 109)', () => {
    expect(ratio('Innovations')).toBeGreaterThan(1.6 * (1 - TOLERANCE));
    expect(ratio('Innovations')).toBeLessThan(1.6 * (1 + TOLERANCE));
  });

  it('earnings are about twice as high (seed line 47)', () => {
    expect(valueAt(low, 'Annual profit')).toBeGreaterThan(0);
    expect(ratio('Annual profit')).toBeGreaterThan(2 * (1 - TOLERANCE));
    expect(ratio('Annual profit')).toBeLessThan(2 * (1 + TOLERANCE));
  });

  it('brackets the status quo: the pair differs by levers around a business in equilibrium', () => {
    for (const name of ['Employee retention', 'Innovations', 'Annual profit', 'Customers']) {
      expect(valueAt(high, name), name).toBeGreaterThan(valueAt(statusQuo, name));
      expect(valueAt(low, name), name).toBeLessThan(valueAt(statusQuo, name));
    }
    for (const name of [
      'Customers',
      'Total staff',
      'Empathy Norm',
      'Perceived Care',
      'Innovations',
      'Cash',
    ]) {
      const start = valueAt(statusQuo, name, 0);
      const drift = name === 'Cash' ? 0 : Math.abs(valueAt(statusQuo, name) / start - 1);
      expect(drift, `${name} stays put in the status quo`).toBeLessThan(0.01);
    }
  });

  it('raises the care-related share of churn in the low-empathy firm, but not to the unverified 68-70%', () => {
    // Seed line 3 claims "nearly 70%" leave because they feel uncared for; the grounding file found no primary
    // study (the "68% perceived indifference" figure), so the model treats it as an upper bound only.
    const lowShare = valueAt(low, 'Care related share of churn');
    expect(lowShare).toBeGreaterThan(valueAt(statusQuo, 'Care related share of churn'));
    expect(lowShare).toBeLessThan(0.68);
  });
});
