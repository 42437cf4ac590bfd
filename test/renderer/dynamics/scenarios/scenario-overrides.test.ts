import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../../../model/sd';
import {
  canonicalOverrides,
  fitOverrides,
  freeName,
  sameOverrides,
} from '../../../../renderer/src/dynamics/scenarios/scenario-overrides';

const parameter = (name: string): ParameterInfo => ({
  id: name.toLowerCase().replace(/ /g, '_'),
  name,
  kind: 'constant',
  value: 1,
});

describe('scenario overrides', () => {
  it('compares overrides by XMILE name, ignoring case, spaces and underscores', () => {
    expect(sameOverrides({ 'Training budget': 0.02 }, { training_budget: 0.02 })).toBe(true);
    expect(sameOverrides({ 'Training budget': 0.02 }, { 'Training budget': 0.03 })).toBe(false);
    expect(sameOverrides({}, { 'Training budget': 0.01 })).toBe(false);
    expect(sameOverrides({}, {})).toBe(true);
    expect(canonicalOverrides({ 'Hiring  Policy': 1 })).toEqual(new Map([['hiring_policy', 1]]));
  });

  it('keeps the overrides that name a constant, under the model’s spelling, and lists the rest', () => {
    const fitted = fitOverrides({ training_budget: 0.02, 'Old lever': 3 }, [
      parameter('Training budget'),
      parameter('Hiring policy'),
    ]);
    expect(fitted).toEqual({ overrides: { 'Training budget': 0.02 }, ignored: ['Old lever'] });
  });

  it('finds a free name by numbering', () => {
    expect(freeName('New scenario', ['Status quo'])).toBe('New scenario');
    expect(freeName('New scenario', ['new scenario', 'New scenario (2)'])).toBe('New scenario (3)');
    expect(freeName('Plan (2)', ['Plan (2)'])).toBe('Plan (3)');
  });
});
