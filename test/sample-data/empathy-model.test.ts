/**
 * The empathy reference model as a file (issue 4, point 1): it reads and compiles without a diagnostic, every
 * variable carries units and a documented source tag, the levers have slider ranges, the diagram shows every
 * variable, the loops DESIGN.md names are documented, and the shipped scenarios only set constants of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileModel,
  readXmile,
  seriesOf,
  simulate,
  writeXmile,
  type CompiledModel,
  type ModelDocument,
  type Variable,
} from '../../model/sd';
import type { ScenarioFile } from '../../model/schema/scenario';
import { LEVERS, LOOP_IDS, compileSample, readModel, readModelText, readScenarios } from './empathy-model';

/** The XML nodes the reader keeps verbatim (`extra`, `views`), seen structurally. */
interface Element {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly unknown[];
}

const isElement = (node: unknown): node is Element =>
  typeof node === 'object' && node !== null && 'tag' in node && 'attributes' in node && 'children' in node;

function elements(node: unknown, tag: string): Element[] {
  if (!isElement(node)) return [];
  const own = node.tag === tag ? [node] : [];
  return [...own, ...node.children.flatMap((child) => elements(child, tag))];
}

const textOf = (element: Element): string =>
  element.children
    .map((child) =>
      typeof child === 'object' && child !== null && 'text' in child ? String(child.text) : '',
    )
    .join('');

function rangeOf(variable: Variable): { min: number; max: number } | undefined {
  const range = variable.extra.find((node) => isElement(node) && node.tag === 'range');
  if (!isElement(range)) return undefined;
  return { min: Number(range.attributes['min']), max: Number(range.attributes['max']) };
}

/** The source tags of the grounding file (V, S, M, A) and the model's own (D definition, C calibration, L lever). */
const TAG = /\[(V|S|M|A|D|C|L|V\/A)\]/;

let document: ModelDocument;
let model: CompiledModel;
let scenarios: Map<string, ScenarioFile>;

beforeAll(() => {
  document = readModel();
  model = compileSample(document);
  scenarios = readScenarios();
});

describe('the empathy reference model file', () => {
  it('reads and compiles without errors or warnings, as XMILE 1.0 in months', () => {
    const read = readXmile(readModelText(), 'empathy-smb.xmile');
    expect(read.ok).toBe(true);
    expect(read.warnings).toEqual([]);
    expect(document.preserved.rootAttributes).toMatchObject({
      version: '1.0',
      xmlns: 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0',
    });
    expect(document.simSpecs).toMatchObject({
      start: 0,
      stop: 120,
      dt: 0.25,
      method: 'euler',
      timeUnits: 'Months',
    });
    expect(model.variables.length).toBeGreaterThan(100);
  });

  it('declares units and documents meaning and source on every variable', () => {
    for (const variable of document.variables) {
      expect(variable.units?.trim(), `${variable.name} has units`).toBeTruthy();
      expect(variable.doc ?? '', `${variable.name} has a source tag`).toMatch(TAG);
      expect(variable.doc ?? '', `${variable.name} cites a source`).toContain('Source: ');
    }
  });

  it('flags every recalled (M) or assumed (A) parameter as a sensitivity-analysis candidate', () => {
    const flagged = document.variables.filter((variable) => /\[(M|A)\]/.test(variable.doc ?? ''));
    expect(flagged.length).toBeGreaterThan(30);
    for (const variable of flagged)
      expect(variable.doc, variable.name).toContain('Sensitivity-analysis candidate.');
  });

  it('gives each policy lever a constant value inside its slider range', () => {
    for (const lever of LEVERS) {
      const variable = document.variables.find((candidate) => candidate.name === lever);
      expect(variable, lever).toBeDefined();
      if (variable === undefined) continue;
      const range = rangeOf(variable);
      expect(range, `${lever} has <range>`).toBeDefined();
      const value = Number(variable.eqn);
      expect(model.parameterIndex(lever), `${lever} is a constant`).toBeGreaterThanOrEqual(0);
      expect(value).toBeGreaterThanOrEqual(range?.min ?? Number.NaN);
      expect(value).toBeLessThanOrEqual(range?.max ?? Number.NaN);
      expect(variable.doc).toContain('[L]');
    }
    // Only the levers are sliders: other constants stay parameters with documented sensitivity ranges.
    const withRange = document.variables
      .filter((variable) => rangeOf(variable) !== undefined)
      .map((v) => v.name);
    expect(withRange.sort()).toEqual([...LEVERS].sort());
  });

  it('names every loop of DESIGN.md in the documentation of at least three of its variables', () => {
    for (const loop of LOOP_IDS) {
      const members = document.variables.filter((variable) =>
        new RegExp(`Loops: [^.]*\\b${loop}\\b`).test(variable.doc ?? ''),
      );
      expect(members.length, loop).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws every variable once in the stock-and-flow view, with connectors and aliases that resolve', () => {
    const views = document.views;
    const view = elements(views, 'view').find((candidate) => candidate.attributes['type'] === 'stock_flow');
    expect(view).toBeDefined();
    const key = (name: string): string => name.toLowerCase().replace(/[\s_]+/g, '_');
    const drawn = new Map<string, string>();
    for (const kind of ['stock', 'flow', 'aux']) {
      for (const element of elements(view, kind)) {
        const name = element.attributes['name'] ?? '';
        expect(drawn.has(key(name)), `${name} drawn once`).toBe(false);
        drawn.set(key(name), kind);
        expect(
          Number.isFinite(Number(element.attributes['x'])) &&
            Number.isFinite(Number(element.attributes['y'])),
        ).toBe(true);
      }
    }
    for (const variable of document.variables)
      expect(drawn.get(key(variable.name)), variable.name).toBe(variable.kind);
    for (const flow of elements(view, 'flow'))
      expect(elements(flow, 'pt').length, flow.attributes['name']).toBeGreaterThanOrEqual(2);

    // Aliases drawn in the view (a connector's <from><alias uid/></from> only points at one).
    const drawnAliases = (view?.children ?? []).filter(
      (child): child is Element => isElement(child) && child.tag === 'alias',
    );
    const aliases = new Map(drawnAliases.map((alias) => [alias.attributes['uid'], alias]));
    for (const alias of aliases.values()) {
      const of = elements(alias, 'of')[0];
      expect(drawn.has(key(of === undefined ? '' : textOf(of))), 'alias of a drawn variable').toBe(true);
    }
    const connectors = elements(view, 'connector');
    expect(connectors.length).toBeGreaterThan(200);
    for (const connector of connectors) {
      const from = elements(connector, 'from')[0];
      const to = elements(connector, 'to')[0];
      const fromAlias = from === undefined ? undefined : elements(from, 'alias')[0];
      if (fromAlias !== undefined) expect(aliases.has(fromAlias.attributes['uid'])).toBe(true);
      else expect(drawn.has(key(from === undefined ? '' : textOf(from)))).toBe(true);
      expect(drawn.has(key(to === undefined ? '' : textOf(to)))).toBe(true);
    }
  });

  it('survives a round trip through the workbench writer: same variables, diagram and results', () => {
    const written = writeXmile(document);
    const reread = readXmile(written, 'round-trip.xmile');
    expect(reread.ok).toBe(true);
    if (!reread.ok) return;
    expect(reread.value.variables).toEqual(document.variables);
    expect(reread.value.views).toEqual(document.views);
    const again = compileModel(reread.value);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const before = seriesOf(simulate(model), 'Cash');
    const after = seriesOf(simulate(again.value), 'Cash');
    expect(after).toEqual(before);
  });
});

describe('the shipped scenarios', () => {
  const expected = [
    'automation-with-handoff',
    'automation-without-handoff',
    'cost-cutting',
    'empathy-programme',
    'high-empathy',
    'low-empathy',
    'status-quo',
  ];

  it('are the seven of the issue, each with a name and a description', () => {
    expect([...scenarios.keys()]).toEqual(expected);
    for (const scenario of scenarios.values()) expect(scenario.description?.length ?? 0).toBeGreaterThan(20);
  });

  it('set only constants of the model, by the names written in it, inside their slider ranges', () => {
    for (const [file, scenario] of scenarios) {
      for (const [name, value] of Object.entries(scenario.overrides)) {
        const variable = document.variables.find((candidate) => candidate.name === name);
        expect(variable, `${file}: "${name}" is written so in the model`).toBeDefined();
        const index = model.parameterIndex(name);
        expect(index, `${file}: "${name}" is a constant`).toBeGreaterThanOrEqual(0);
        expect(model.parameters[index]?.kind, `${file}: "${name}"`).toBe('constant');
        const range = variable === undefined ? undefined : rangeOf(variable);
        if (range !== undefined) {
          expect(value).toBeGreaterThanOrEqual(range.min);
          expect(value).toBeLessThanOrEqual(range.max);
        }
      }
      expect(model.parameterVector(scenario.overrides).ok, file).toBe(true);
    }
  });
});
