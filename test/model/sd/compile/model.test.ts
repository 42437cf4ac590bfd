/** The compiled model as later analysis uses it: parameter vectors, reused runners, overrides, the graph. */
import { describe, expect, it } from 'vitest';
import { copyResult, overrideEquations, readXmile, simulate, compileModel } from '../../../../model/sd';
import { dynamicDependencies } from '../../../../model/sd/graph/nodes';
import { aux, compile, flow, series, stock, xmile } from '../helpers';

const teacup = xmile({
  stop: 30,
  dt: 0.125,
  variables:
    stock('Teacup Temperature', '180', [], ['Heat Loss to Room']) +
    flow('Heat Loss to Room', '(Teacup_Temperature - Room_Temperature) / Characteristic_Time') +
    aux('Room Temperature', '70') +
    aux('Characteristic Time', '10') +
    aux('Half Time', 'Characteristic_Time * LN(2)'),
});

describe('the compiled model', () => {
  it('lists constants and numeric initial values as the parameter vector', () => {
    const model = compile(teacup);
    expect(model.parameters.map((parameter) => [parameter.name, parameter.kind, parameter.value])).toEqual([
      ['Teacup Temperature', 'initial value', 180],
      ['Room Temperature', 'constant', 70],
      ['Characteristic Time', 'constant', 10],
    ]);
    expect(model.parameterIndex('room_temperature')).toBe(1);
    expect(model.parameterIndex('ROOM   temperature')).toBe(1);
    expect(model.parameterIndex('Half Time')).toBe(-1);
  });

  it('runs with overridden constants without recompiling, and reuses a runner without leaking state', () => {
    const model = compile(teacup);
    const runner = model.createRunner();
    const base = copyResult(runner.run());
    const vector = model.parameterVector({ 'Room Temperature': 20, 'Characteristic Time': 5 });
    if (!vector.ok) throw new Error('not ok');
    const changed = copyResult(runner.run({ parameters: vector.value }));
    expect(series(changed, 'Heat Loss to Room')[0]).toBe(32);
    expect(series(changed, 'Half Time')[0]).toBeCloseTo(5 * Math.LN2, 14);
    expect(copyResult(runner.run())).toEqual(base);
    // The same as recompiling a model whose equations say so.
    const read = readXmile(teacup);
    if (!read.ok) throw new Error('not ok');
    const rewritten = overrideEquations(read.value, { 'Room Temperature': 20, 'Characteristic Time': 5 });
    if (!rewritten.ok) throw new Error('not ok');
    const recompiled = compileModel(rewritten.value);
    if (!recompiled.ok) throw new Error('not ok');
    expect(simulate(recompiled.value).series).toEqual(changed.series);
  });

  it('names what a parameter vector cannot override', () => {
    const vector = compile(teacup).parameterVector({ 'Half Time': 1, Nothing: 2 });
    expect(vector.ok).toBe(false);
    if (vector.ok) return;
    expect(vector.errors.map((error) => error.message)).toEqual([
      '"Half Time" is computed from an equation, not a constant a run can override',
      '"Nothing" is not a variable of the model',
    ]);
  });

  it('overrides any variable by rewriting its equation, and names unknown ones', () => {
    const read = readXmile(teacup);
    if (!read.ok) throw new Error('not ok');
    const rewritten = overrideEquations(read.value, { 'heat loss to room': 1 });
    if (!rewritten.ok) throw new Error('not ok');
    const compiled = compileModel(rewritten.value);
    if (!compiled.ok) throw new Error('not ok');
    expect(series(simulate(compiled.value), 'Teacup Temperature').at(-1)).toBe(150);
    const unknown = overrideEquations(read.value, { nothing: 1 });
    expect(unknown.ok ? [] : unknown.errors.map((error) => error.message)).toEqual([
      '"nothing" is not a variable of the model',
    ]);
  });

  it('reports chosen variables, with an integration method other than the one in the file', () => {
    const model = compile(teacup);
    const result = model.createRunner({ variables: ['teacup temperature'], method: 'rk4' }).run();
    expect(result.names).toEqual(['Teacup Temperature']);
    expect(result.series[0]?.at(-1)).toBeCloseTo(70 + 110 * Math.exp(-3), 5);
    expect(() => model.createRunner({ variables: ['nothing'] })).toThrow(
      '"nothing" is not a variable of the model',
    );
  });

  it('keeps results in one transferable buffer, column by column', () => {
    const result = compile(teacup).createRunner().run();
    const buffer = result.time.buffer;
    expect(result.series.every((column) => column.buffer === buffer)).toBe(true);
    expect(result.series[0]?.length).toBe(241);
  });

  it('exposes the dependency graph with resolved equations', () => {
    const model = compile(teacup);
    const heatLoss = model.graph.nodes.get('heat_loss_to_room');
    expect(heatLoss?.kind).toBe('flow');
    expect(
      [
        ...dynamicDependencies(
          heatLoss ?? {
            id: '',
            name: '',
            kind: 'aux',
            hidden: false,
            owner: '',
            text: '',
            nonNegative: false,
          },
        ),
      ].sort(),
    ).toEqual(['characteristic_time', 'room_temperature', 'teacup_temperature']);
    expect(model.graph.nodes.get('teacup_temperature')?.outflows).toEqual(['heat_loss_to_room']);
  });
});
