import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXmile } from '../../../model/sd';
import { xmile } from './helpers';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/sd-test-models');
const fixture = (path: string): string => readFileSync(resolve(FIXTURES, path), 'utf8');
const TEACUP = 'core-xmile/sample_teacup/teacup.xmile';

function read(text: string) {
  const outcome = readXmile(text, 'model.xmile');
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  return outcome;
}

function errorsOf(text: string): string[] {
  const outcome = readXmile(text, 'model.xmile');
  expect(outcome.ok).toBe(false);
  return outcome.ok ? [] : outcome.errors.map((error) => error.message);
}

describe('reading XMILE', () => {
  it('reads teacup: sim specs, variables, flows and documentation', () => {
    const { value } = read(fixture(TEACUP));
    expect(value.simSpecs).toMatchObject({ start: 0, stop: 30, dt: 0.125, method: 'euler' });
    expect(value.variables.map((variable) => [variable.kind, variable.name])).toEqual([
      ['flow', 'Heat Loss to Room'],
      ['aux', 'Room Temperature'],
      ['stock', 'Teacup Temperature'],
      ['aux', 'Characteristic Time'],
    ]);
    expect(value.variables[2]).toMatchObject({
      outflows: ['"Heat Loss to Room"'],
      doc: 'The average temperature of the tea and the cup',
    });
  });

  it('reads the same model with a byte-order mark, CRLF or CR-only line endings', () => {
    const text = fixture(TEACUP);
    const plain = read(text).value;
    expect(read(`\uFEFF${text.replace(/\n/g, '\r\n')}`).value).toEqual(plain);
    expect(read(text.replace(/\n/g, '\r')).value).toEqual(plain);
  });

  it('keeps vendor extensions for the writer', () => {
    const { value } = read(fixture('core-xmile/sample_teacup/teacup.stmx'));
    expect(value.simSpecs.attributes).toMatchObject({ 'isee:simulation_delay': '0.1' });
    expect(value.preserved.variablesExtra.map((node) => ('tag' in node ? node.tag : ''))).toEqual([
      'isee:dependencies',
    ]);
    expect(value.preserved.topLevel.map((node) => ('tag' in node ? node.tag : ''))).toContain('isee:prefs');
    expect(value.variables[0]).toMatchObject({ kind: 'stock', nonNegative: true, units: 'degrees' });
  });

  it('recovers a variable whose closing tag is missing, with a warning naming it', () => {
    const outcome = read(fixture('core-xmile/non_negative_flows/test_non_negative_flows.xmile'));
    expect(outcome.value.variables.map((variable) => variable.name)).toEqual([
      'OutFlow0',
      'OutFlow1',
      'TestStock0',
      'TestStock1',
      'if_else2',
      'if_else3',
      'TestStock2',
      'TestStock3',
    ]);
    const messages = outcome.warnings.map((warning) => warning.message).join('\n');
    expect(messages).toContain('line 45');
    expect(messages).toContain('<flow name="if_else3"> is not closed');
  });

  it('reads <dt reciprocal="true">, save steps and methods', () => {
    expect(read(fixture('simlin-fork-xmile/builtin_int/builtin_int.xmile')).value.simSpecs).toMatchObject({
      dt: 0.125,
      dtReciprocal: true,
    });
    expect(read(xmile({ variables: '', saveStep: 2, method: 'RK4' })).value.simSpecs).toMatchObject({
      saveStep: 2,
      method: 'rk4',
    });
  });

  it('reads graphical functions given by x points, an x scale or another separator', () => {
    const gfOf = (file: string) =>
      read(fixture(`core-xmile/lookups/${file}`)).value.variables.find((variable) => variable.kind === 'gf')
        ?.gf;
    const byPoints = gfOf('test_lookups.xmile');
    expect(byPoints).toMatchObject({ type: 'continuous', xpts: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45] });
    expect(gfOf('test_lookups_xpts_sep.xmile')).toEqual(byPoints);
    expect(gfOf('test_lookups_xscale.xmile')).toMatchObject({
      xscale: { min: 0, max: 45 },
      ypts: byPoints?.ypts,
    });
  });

  it('reads variables placed straight in <model> (the pre-1.0 layout)', () => {
    expect(read(fixture('core-xmile/sample_teacup/teacup_legacy.stmx')).value.variables).toHaveLength(4);
  });

  it('reads macros', () => {
    const { value } = read(fixture('simlin-fork-xmile/macro_multi_macros/test_macro_multi_macros.xmile'));
    expect(value.macros.map((macro) => [macro.name, macro.parms])).toEqual([
      ['EXPRESSION MACRO', ['input', 'parameter']],
      ['SECOND MACRO', ['input', 'parameter']],
    ]);
  });
});

describe('reading errors name what is wrong', () => {
  it('says when a file is not XML or not XMILE', () => {
    expect(errorsOf('just some text')[0]).toMatch(/not XMILE|not well-formed/);
    expect(errorsOf('<model><x></model>')[0]).toContain('not well-formed XML');
    expect(errorsOf('<?xml version="1.0"?><svg></svg>')[0]).toContain(
      'expected <xmile> as the root, found <svg>',
    );
  });

  it('names missing or impossible simulation specs', () => {
    expect(errorsOf('<xmile><model/></xmile>')[0]).toContain('no <sim_specs>');
    const bad = xmile({ variables: '' }).replace('<stop>10</stop>', '<stop>ten</stop>');
    expect(errorsOf(bad)[0]).toContain('<stop> "ten" is not a number');
    expect(errorsOf(xmile({ variables: '', start: 5, stop: 1 }))[0]).toContain(
      'stop must not be before start',
    );
    expect(errorsOf(xmile({ variables: '', method: 'Gear' }))[0]).toContain(
      'integration method "Gear" is not supported',
    );
    expect(errorsOf(xmile({ variables: '', dt: 0 }))[0]).toContain('dt must be greater than 0');
  });

  it('names the variable of a bad graphical function, an unnamed variable or a module', () => {
    const gf = '<aux name="table"><eqn>TIME</eqn><gf><xpts>0,1</xpts><ypts>0,x</ypts></gf></aux>';
    expect(errorsOf(xmile({ variables: gf }))[0]).toContain(
      '"table": the graphical function\'s y point "x" is not a number',
    );
    const mismatch = '<aux name="table"><eqn>TIME</eqn><gf><xpts>0,1,2</xpts><ypts>0,1</ypts></gf></aux>';
    expect(errorsOf(xmile({ variables: mismatch }))[0]).toContain(
      'variable "table" (gf): needs as many x points as y points',
    );
    expect(errorsOf(xmile({ variables: '<aux><eqn>1</eqn></aux>' }))[0]).toContain(
      '<aux> has no name attribute',
    );
    expect(errorsOf(xmile({ variables: '<module name="hares"/>' }))[0]).toContain(
      '"hares": modules (<module>) are not supported yet',
    );
  });
});
