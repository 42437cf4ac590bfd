import { describe, expect, it } from 'vitest';
import { readXmile, type Variable } from '../../../../model/sd';
import {
  declaredRange,
  documentedRange,
  niceStep,
  roundToStep,
  sliderRange,
  spanAround,
} from '../../../../renderer/src/dynamics/whatif/parameter-range';

/** A one-variable model as XMILE text, read by the engine's own reader (so `extra` is what the reader keeps). */
function variableFrom(inner: string, doc?: string): Variable {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>range</name></header>
  <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
  <model><variables>
    <aux name="Training budget"><eqn>0.01</eqn>${doc === undefined ? '' : `<doc>${doc}</doc>`}${inner}</aux>
  </variables></model>
</xmile>`;
  const read = readXmile(text, 'range.xmile');
  if (!read.ok) throw new Error(read.errors[0]?.message);
  const variable = read.value.variables[0];
  if (variable === undefined) throw new Error('no variable');
  return variable;
}

describe('declared slider range', () => {
  it('reads <range min max> kept among the variable’s extra nodes', () => {
    expect(declaredRange(variableFrom('<range min="0" max="0.05"/>'))).toEqual({ min: 0, max: 0.05 });
  });

  it('ignores a range that is missing a bound, not numeric, or empty', () => {
    expect(declaredRange(variableFrom('<range min="0"/>'))).toBeUndefined();
    expect(declaredRange(variableFrom('<range min="low" max="1"/>'))).toBeUndefined();
    expect(declaredRange(variableFrom('<range min="2" max="1"/>'))).toBeUndefined();
    expect(declaredRange(variableFrom('<range min="" max="1"/>'))).toBeUndefined();
    expect(declaredRange(variableFrom(''))).toBeUndefined();
    expect(declaredRange(undefined)).toBeUndefined();
  });

  it('reads the sensitivity range a variable’s documentation gives', () => {
    const variable = variableFrom('', 'Source: assumption [A]. Sensitivity range: 6 to 24. Candidate.');
    expect(documentedRange(variable)).toEqual({ min: 6, max: 24 });
    expect(documentedRange(variableFrom('', 'Sensitivity range: 0.0004167 to 0.002'))).toEqual({
      min: 0.0004167,
      max: 0.002,
    });
    expect(documentedRange(variableFrom('', 'No range here.'))).toBeUndefined();
  });
});

describe('slider range', () => {
  it('prefers the model’s range, then the documented one, then 0..2x the value', () => {
    const declared = sliderRange(
      0.01,
      variableFrom('<range min="0" max="0.05"/>', 'Sensitivity range: 1 to 2'),
    );
    expect(declared).toMatchObject({ min: 0, max: 0.05, source: 'model' });
    const documented = sliderRange(0.01, variableFrom('', 'Sensitivity range: 0.005 to 0.03.'));
    expect(documented).toMatchObject({ min: 0.005, max: 0.03, source: 'documentation' });
    expect(sliderRange(0.01, variableFrom(''))).toMatchObject({ min: 0, max: 0.02, source: 'span' });
  });

  it('spans zero to twice a positive value, twice a negative value to zero, and -1..1 around zero', () => {
    expect(spanAround(70)).toEqual({ min: 0, max: 140 });
    expect(spanAround(-3)).toEqual({ min: -6, max: 0 });
    expect(spanAround(0)).toEqual({ min: -1, max: 1 });
  });

  it('widens a declared range to take in the model’s own value', () => {
    expect(sliderRange(2, variableFrom('<range min="0" max="1"/>'))).toMatchObject({ min: 0, max: 2 });
  });

  it('steps in round numbers giving at least 200 positions', () => {
    for (const span of [1, 0.05, 140, 2, 1.3, 0.0016, 12000, 7]) {
      const step = niceStep(span);
      expect(span / step).toBeGreaterThanOrEqual(200);
      expect(span / step).toBeLessThan(1001);
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
    }
    expect(niceStep(1)).toBe(0.005);
    expect(niceStep(140)).toBe(0.5);
  });

  it('rounds slider positions to the step’s precision', () => {
    expect(roundToStep(0.1 + 0.2, 0.005)).toBe(0.3);
    expect(roundToStep(12.500000000001, 0.5)).toBe(12.5);
    expect(roundToStep(1234567, 5000)).toBe(1234567);
  });
});
