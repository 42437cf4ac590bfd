/**
 * Units of the empathy reference model are consistent (issue 4, point 1): every equation's unit, worked out
 * from the units declared on the variables it reads, is the unit declared on its own variable; each flow
 * times the time unit is its stock's unit; graphical functions read dimensionless inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalName, parseEquation, type ModelDocument, type Variable } from '../../model/sd';
import { readModel } from './empathy-model';
import {
  formatUnit,
  parseUnit,
  sameUnit,
  unitOfExpression,
  UnitError,
  type Unit,
  type UnitContext,
} from './units';

let document: ModelDocument;
let context: UnitContext;
let byId: Map<string, Variable>;

beforeAll(() => {
  document = readModel();
  byId = new Map(document.variables.map((variable) => [canonicalName(variable.name), variable]));
  context = {
    timeUnit: parseUnit(document.simSpecs.timeUnits ?? ''),
    unitOf: (id) => {
      const variable = byId.get(id);
      if (variable?.units === undefined) throw new UnitError(`"${id}" has no declared unit`);
      return parseUnit(variable.units);
    },
  };
});

/** The problem with one variable's units, or undefined when they agree. */
function unitProblem(variable: Variable): string | undefined {
  const declared = parseUnit(variable.units ?? '');
  try {
    const computed = unitOfExpression(parseEquation(variable.eqn), context);
    if (variable.gf !== undefined) {
      // A graphical function maps a dimensionless input to its declared output unit.
      return computed === undefined || computed.size === 0
        ? undefined
        : `graphical function input is ${formatUnit(computed)}, not dimensionless`;
    }
    if (computed !== undefined && !sameUnit(computed, declared))
      return `equation gives ${formatUnit(computed)}, declared ${formatUnit(declared)}`;
    if (variable.kind === 'stock') {
      for (const flow of [...variable.inflows, ...variable.outflows]) {
        const flowUnit: Unit = context.unitOf(canonicalName(flow));
        const accumulated = new Map(flowUnit);
        for (const [name, power] of context.timeUnit) {
          const next = (accumulated.get(name) ?? 0) + power;
          if (next === 0) accumulated.delete(name);
          else accumulated.set(name, next);
        }
        if (!sameUnit(accumulated, declared))
          return `flow ${flow} (${formatUnit(flowUnit)}) times ${formatUnit(context.timeUnit)} is not ${formatUnit(declared)}`;
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof UnitError) return error.message;
    throw error;
  }
}

describe('units of the empathy reference model', () => {
  it('parses every declared unit, and the time unit is months', () => {
    expect(formatUnit(context.timeUnit)).toBe('Months');
    for (const variable of document.variables) expect(() => parseUnit(variable.units ?? '')).not.toThrow();
  });

  it('are consistent in every equation and every stock-flow pair', () => {
    const problems = document.variables.flatMap((variable) => {
      const problem = unitProblem(variable);
      return problem === undefined ? [] : [`${variable.name}: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('catches a wrong unit (the check is not vacuous)', () => {
    const revenue = byId.get('revenue');
    expect(revenue).toBeDefined();
    if (revenue === undefined) return;
    expect(unitProblem({ ...revenue, units: 'dollars' })).toMatch(/declared dollars/);
    const wages = byId.get('wages');
    if (wages === undefined) return;
    expect(unitProblem({ ...wages, eqn: 'Total_staff * Monthly_salary + Revenue_per_new_customer' })).toMatch(
      /"\+"/,
    );
  });
});
