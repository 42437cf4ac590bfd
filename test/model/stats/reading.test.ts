/** The plain-words reading of a coefficient: size, direction, what is held fixed, p, the SE kind, the caveat. */
import { describe, expect, it } from 'vitest';
import {
  buildDesignMatrix,
  fitOls,
  formatEstimate,
  formatP,
  parseTerm,
  readCoefficient,
  type DataTable,
} from '../../../model/stats';

// NPS by empathy score, tenure and team: made-up numbers with a clear empathy effect.
const rows: string[][] = [];
for (let i = 0; i < 40; i++) {
  const empathy = (i * 7) % 10;
  const tenure = (i * 3) % 8;
  const team = ['north', 'south'][i % 2] as string;
  const nps = 20 + 0.8 * empathy + 0.1 * tenure + (team === 'south' ? -3 : 0) + (((i * 37) % 11) - 5) * 0.3;
  rows.push([String(nps), String(empathy), String(tenure), team]);
}
const table: DataTable = { columns: ['nps', 'empathy', 'tenure', 'team'], rows };

describe('reading a coefficient', () => {
  const terms = ['empathy', 'tenure', 'team'].map((text) => {
    const term = parseTerm(text);
    if (!term.ok) throw new Error(term.error);
    return term.value;
  });
  const design = buildDesignMatrix(table, 'nps', terms);
  if (!design.ok) throw new Error(design.error);
  const fit = fitOls(design.value);
  if (!fit.ok) throw new Error(fit.error);
  const labels = {
    outcome: 'NPS',
    outcomeUnits: 'NPS points',
    predictors: {
      empathy: { label: 'empathy score', unit: 'point' },
      tenure: { label: 'tenure' },
      team: { label: 'team' },
    },
  };

  it('says what one more unit goes with, holding the others fixed, with p, SE kind and the caveat', () => {
    expect(readCoefficient(fit.value, design.value.terms, 'nps', 'empathy', 'hc1', labels)).toBe(
      'Each point of empathy score goes with 0.83 more NPS points, holding tenure and team fixed (p < 0.001; robust HC1 standard errors). This is an association, not proof of cause.',
    );
  });

  it('reads a category against its reference, and says when the data cannot tell', () => {
    expect(readCoefficient(fit.value, design.value.terms, 'nps', 'teamsouth', 'classical', labels)).toMatch(
      /^team "south" rather than "north" goes with 3(\.\d)? fewer NPS points, holding empathy score and tenure fixed \(p < 0\.001; classical standard errors\)\./,
    );
    expect(readCoefficient(fit.value, design.value.terms, 'nps', 'tenure', 'hc3')).toMatch(
      /At the 5% level the data cannot tell it apart from no association\.$/,
    );
    expect(readCoefficient(fit.value, design.value.terms, 'nps', 'nothing', 'hc3')).toBeNull();
  });

  it('formats numbers for people', () => {
    expect(formatEstimate(0.81234)).toBe('0.81');
    expect(formatEstimate(1234.5)).toBe('1,235');
    expect(formatEstimate(0.00001234)).toBe('0.000012');
    expect(formatP(0.0031)).toBe('p = 0.003');
    expect(formatP(0.0456)).toBe('p = 0.046');
    expect(formatP(0.0004)).toBe('p < 0.001');
  });
});
