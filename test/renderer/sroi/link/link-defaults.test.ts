import { describe, expect, it } from 'vitest';
import {
  aggregationFor,
  linkableVariables,
  proposeLink,
} from '../../../../renderer/src/sroi/link/link-defaults';

const variables = [
  { id: 'total_quits', name: 'Total quits', kind: 'aux' as const },
  { id: 'customers', name: 'Customers', kind: 'stock' as const },
  { id: 'new_customers', name: 'New customers', kind: 'flow' as const },
  { id: '·smth1', name: 'smooth', kind: 'stock' as const },
  { id: 'lookup', name: 'Lookup', kind: 'table' as const },
];

describe('link defaults', () => {
  it('offers stocks, flows and auxiliaries a person named, in name order', () => {
    expect(linkableVariables(variables).map((variable) => variable.name)).toEqual([
      'Customers',
      'New customers',
      'Total quits',
    ]);
  });

  it('sums rates over the year (flows, and auxiliaries in units per time) and averages levels', () => {
    expect(aggregationFor('flow')).toBe('annual-sum');
    expect(aggregationFor('aux', 'people/Month')).toBe('annual-sum');
    expect(aggregationFor('aux', 'customers per year')).toBe('annual-sum');
    expect(aggregationFor('stock', 'people')).toBe('annual-mean');
    expect(aggregationFor('aux', 'dollars/customer')).toBe('annual-mean');
  });

  it('proposes a scenario against the status quo, and a stock', () => {
    expect(proposeLink('Model', ['Empathy programme', 'Status quo', 'Cost cutting'], variables)).toEqual({
      model: 'Model',
      scenario: 'Empathy programme',
      baseline: 'Status quo',
      variable: 'Customers',
      aggregation: 'annual-mean',
      scale: 1,
    });
    expect(proposeLink('Model', [], variables)).toBeUndefined();
  });
});
