/**
 * Each feedback loop of the empathy reference model behaves as its polarity says (issue 4, point 2c): a push
 * on one of its variables moves the rest of the loop the way the loop's sign predicts. Runs differ from the
 * status quo (an equilibrium) by one lever or one initial value, so any difference comes from the structure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledModel, SimulationResult } from '../../model/sd';
import { compileSample, defaultValue, readScenarios, run, scenarioOverrides, valueAt } from './empathy-model';

let model: CompiledModel;
let statusQuo: SimulationResult;

beforeAll(() => {
  model = compileSample();
  statusQuo = run(model);
});

describe('R1 care and revenue (+) and R6 standards erosion (+)', () => {
  it('cutting the training budget lowers the empathy norm, perceived care and customers', () => {
    const cut = run(model, { 'Training budget': 0 });
    for (const name of ['Empathy Norm', 'Perceived Care', 'Customers', 'Revenue']) {
      expect(valueAt(cut, name), name).toBeLessThan(valueAt(statusQuo, name));
    }
    // Reinforcing: the fall in revenue cuts training spending further than the budget cut alone.
    expect(valueAt(cut, 'Empathy Norm')).toBeLessThan(valueAt(cut, 'Empathy Norm', 24));
  });

  it('raising the training budget raises the norm, perceived care and customers', () => {
    const raised = run(model, { 'Training budget': 0.03 });
    for (const name of ['Empathy Norm', 'Perceived Care', 'Customers']) {
      expect(valueAt(raised, name), name).toBeGreaterThan(valueAt(statusQuo, name));
    }
  });

  it('lean staffing erodes the norm, and staffing planned from the norm shrinks with it', () => {
    const lean = run(model, { 'Hiring policy': 0.85 });
    expect(valueAt(lean, 'Time per contact', 12)).toBeLessThan(valueAt(statusQuo, 'Time per contact', 12));
    expect(valueAt(lean, 'Empathy Norm')).toBeLessThan(valueAt(lean, 'Empathy Norm', 24));
    expect(valueAt(lean, 'Desired staff')).toBeLessThan(valueAt(lean, 'Desired staff', 24));
  });
});

describe('R2 word of mouth (+)', () => {
  it('customers who feel more cared for win more customers', () => {
    const cared = run(model, { 'Perceived Care': defaultValue(model, 'Perceived Care') * 1.2 });
    expect(valueAt(cared, 'Customer acquisition', 0)).toBeGreaterThan(
      valueAt(statusQuo, 'Customer acquisition', 0),
    );
    expect(valueAt(cared, 'Customers', 24)).toBeGreaterThan(valueAt(statusQuo, 'Customers', 24));
  });

  it('more customers win more customers through word of mouth', () => {
    const weaker = run(model, {
      'Word of mouth strength': defaultValue(model, 'Word of mouth strength') / 2,
    });
    expect(valueAt(weaker, 'Customers')).toBeLessThan(valueAt(statusQuo, 'Customers'));
  });
});

describe('B1 workload and burnout (-), R5 quit spiral (+), B4 overtime (-)', () => {
  let freeze: SimulationResult;
  let doubled: SimulationResult;
  const doubledCustomers = (overrides: Record<string, number>): SimulationResult =>
    run(model, {
      ...overrides,
      'New Customers': 2 * defaultValue(model, 'New Customers'),
      'Loyal Customers': 2 * defaultValue(model, 'Loyal Customers'),
      'Hiring policy': 0,
    });

  beforeAll(() => {
    freeze = run(model, { 'Hiring policy': 0 });
    doubled = doubledCustomers({});
  });

  it('doubling customers without hiring raises work pressure and, with a delay, fatigue', () => {
    for (const month of [3, 12]) {
      expect(valueAt(doubled, 'Work pressure', month)).toBeGreaterThan(
        valueAt(freeze, 'Work pressure', month),
      );
      expect(valueAt(doubled, 'Fatigue', month)).toBeGreaterThan(valueAt(freeze, 'Fatigue', month) + 0.2);
    }
  });

  it('cuts corners fast and tires people slowly (time per contact falls before fatigue builds)', () => {
    const share = (name: string, month: number): number =>
      (valueAt(doubled, name, month) - valueAt(freeze, name, month)) /
      (valueAt(doubled, name, 6) - valueAt(freeze, name, 6));
    expect(share('Time per contact', 0.5)).toBeGreaterThan(share('Fatigue', 0.5));
  });

  it('lowers perceived care, so churn rises and the customer base falls back (balancing)', () => {
    expect(valueAt(doubled, 'Perceived Care', 12)).toBeLessThan(valueAt(freeze, 'Perceived Care', 12));
    expect(valueAt(doubled, 'Care churn multiplier', 12)).toBeGreaterThan(
      valueAt(freeze, 'Care churn multiplier', 12),
    );
    expect(valueAt(doubled, 'Customers', 24)).toBeLessThan(valueAt(doubled, 'Customers', 0));
  });

  it('fatigue raises quits and quits raise the pressure on those who stay (R5)', () => {
    expect(valueAt(doubled, 'Fractional quit rate', 6)).toBeGreaterThan(
      valueAt(freeze, 'Fractional quit rate', 6),
    );
    expect(valueAt(doubled, 'Total staff', 12)).toBeLessThan(valueAt(freeze, 'Total staff', 12));
  });

  it('overtime clears the backlog but adds to fatigue (B4)', () => {
    const noOvertime = doubledCustomers({ 'Overtime policy': 0 });
    const fullOvertime = doubledCustomers({ 'Overtime policy': 1 });
    expect(valueAt(fullOvertime, 'Service Backlog', 3)).toBeLessThan(
      valueAt(noOvertime, 'Service Backlog', 3),
    );
    expect(valueAt(fullOvertime, 'Overtime factor', 3)).toBeGreaterThan(1);
    expect(valueAt(fullOvertime, 'Fatigue', 3)).toBeGreaterThan(valueAt(noOvertime, 'Fatigue', 3));
  });
});

describe('B2 hiring (-)', () => {
  it('a hiring wave is worse before better: mentoring rookies first costs capacity, then adds it', () => {
    const wave = run(model, { 'Hiring policy': 1.3 });
    expect(valueAt(wave, 'Rookie Staff', 0.5)).toBeGreaterThan(valueAt(statusQuo, 'Rookie Staff', 0.5));
    expect(valueAt(wave, 'Effective staff', 0.5)).toBeLessThan(valueAt(statusQuo, 'Effective staff', 0.5));
    expect(valueAt(wave, 'Work pressure', 1)).toBeGreaterThan(valueAt(statusQuo, 'Work pressure', 1));
    expect(valueAt(wave, 'Effective staff', 6)).toBeGreaterThan(valueAt(statusQuo, 'Effective staff', 6));
    expect(valueAt(wave, 'Work pressure', 6)).toBeLessThan(valueAt(statusQuo, 'Work pressure', 6));
  });

  it('closes a staffing gap by hiring: a shortfall of experienced staff is mostly made up within a year', () => {
    const gap = run(model, { 'Experienced Staff': defaultValue(model, 'Experienced Staff') * 0.7 });
    const start = valueAt(gap, 'Desired staff', 0) - valueAt(gap, 'Total staff', 0);
    const later = valueAt(gap, 'Desired staff', 12) - valueAt(gap, 'Total staff', 12);
    expect(start).toBeGreaterThan(3);
    expect(Math.abs(later)).toBeLessThan(start / 3);
  });
});

describe('B3 automation (-)', () => {
  let without: SimulationResult;
  let withHandoff: SimulationResult;

  beforeAll(() => {
    const scenarios = readScenarios();
    without = run(model, scenarioOverrides(scenarios, 'automation-without-handoff'));
    withHandoff = run(model, scenarioOverrides(scenarios, 'automation-with-handoff'));
  });

  it('relieves the workload of staff', () => {
    for (const result of [without, withHandoff]) {
      expect(valueAt(result, 'Human contact arrivals', 12)).toBeLessThan(
        valueAt(statusQuo, 'Human contact arrivals', 12),
      );
      expect(valueAt(result, 'Work pressure', 6)).toBeLessThan(valueAt(statusQuo, 'Work pressure', 6));
    }
  });

  it('lowers perceived care unless complex contacts go to a person', () => {
    expect(valueAt(without, 'Perceived Care')).toBeLessThan(valueAt(withHandoff, 'Perceived Care'));
    expect(valueAt(without, 'Perceived Care')).toBeLessThan(valueAt(statusQuo, 'Perceived Care'));
    expect(valueAt(without, 'Customers')).toBeLessThan(valueAt(withHandoff, 'Customers'));
  });

  it('pushes contacts to the bot when work pressure is high', () => {
    const pressed = run(model, {
      'New Customers': 1.5 * defaultValue(model, 'New Customers'),
      'Loyal Customers': 1.5 * defaultValue(model, 'Loyal Customers'),
    });
    expect(valueAt(pressed, 'Automation Share', 6)).toBeGreaterThan(0);
    expect(valueAt(statusQuo, 'Automation Share', 6)).toBe(0);
  });
});

describe('R3 retention and experience (+) and R4 safety and innovation (+)', () => {
  let committed: SimulationResult;

  beforeAll(() => {
    committed = run(model, { 'Leadership commitment': 0.9 });
  });

  it('an empathetic climate keeps staff, so fewer rookies and more skill', () => {
    expect(valueAt(committed, 'Fractional quit rate')).toBeLessThan(
      valueAt(statusQuo, 'Fractional quit rate'),
    );
    const rookieShare = (result: SimulationResult): number =>
      valueAt(result, 'Rookie Staff') / valueAt(result, 'Total staff');
    expect(rookieShare(committed)).toBeLessThan(rookieShare(statusQuo));
    expect(valueAt(committed, 'Employee retention')).toBeGreaterThan(
      valueAt(statusQuo, 'Employee retention'),
    );
  });

  it('builds psychological safety, ideas and innovations, and innovations raise revenue', () => {
    for (const name of [
      'Psychological Safety',
      'Idea generation',
      'Innovations',
      'Effect of innovations on revenue',
    ]) {
      expect(valueAt(committed, name), name).toBeGreaterThan(valueAt(statusQuo, name));
    }
  });
});
