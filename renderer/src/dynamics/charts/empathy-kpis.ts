/**
 * The headline figures of the empathy reference model (sample-data/empathy-smb.xmile), as issue 4 names them:
 * employee retention, customers, innovations, revenue, cumulative profit, and the return on the empathy spend
 * against the status quo. The variable names are the model's; its companion document (sample-data/empathy-smb.md)
 * is where they are described. This file is the one place that ties the cards to that model.
 */
import type { KpiDefinition } from './kpis';

export const EMPATHY_KPIS: readonly KpiDefinition[] = [
  {
    kind: 'final',
    id: 'employee-retention',
    label: 'Employee retention',
    variable: 'Employee retention',
    format: 'share',
    better: 'higher',
  },
  {
    kind: 'final',
    id: 'customers',
    label: 'Customers',
    variable: 'Customers',
    format: 'number',
    better: 'higher',
  },
  {
    kind: 'final',
    id: 'innovations',
    label: 'Innovations',
    variable: 'Innovations',
    format: 'number',
    better: 'higher',
  },
  { kind: 'final', id: 'revenue', label: 'Revenue', variable: 'Revenue', format: 'number', better: 'higher' },
  {
    kind: 'final',
    id: 'cumulative-profit',
    label: 'Cumulative profit',
    variable: 'Cumulative profit',
    format: 'number',
    better: 'higher',
  },
  {
    // Costs in the model include both spends, so the change in cumulative profit is already net of them: the
    // return is the extra profit per extra dollar spent on empathy (SROI-style: net value over investment).
    kind: 'return-on-spend',
    id: 'empathy-roi',
    label: 'Return on empathy spend',
    gain: 'Cumulative profit',
    spendRates: ['Training spending', 'Care programme costs'],
    better: 'higher',
  },
];
