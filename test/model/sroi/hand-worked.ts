/**
 * One outcome worked by hand (test/model/sroi/evaluate.test.ts works it step by step): impact 10 × 1000 × 0.8 ×
 * 0.75 = 6000 in year 1, then 5400 and 4860 after a 10% drop-off; discounted at 3.5% a year, PV 15221.500781,
 * NPV 5221.500781, ratio 1.522150, payback 20 months, discounted payback 22.005 months. Shared by the tests that
 * write it to a file: the CLI's, and the app's export read by the CLI.
 */
export const HAND_WORKED = {
  name: 'Hand-worked example',
  discountRate: 0.035,
  inputs: [{ stakeholder: 'The business', description: 'Trainer fees', value: 10_000 }],
  outcomes: [
    {
      id: 'staff-retention',
      stakeholder: 'The business',
      outcome: 'Staff stay',
      indicator: 'leavers avoided',
      quantity: 10,
      durationYears: 3,
      startYear: 1,
      proxyValue: 1000,
      proxySource: 'test',
      deadweight: 0.2,
      displacement: 0,
      attribution: 0.25,
      dropOff: 0.1,
    },
  ],
};
