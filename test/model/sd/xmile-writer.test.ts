/**
 * Round trip: read, write, read again gives the same document, and the same results, for every XMILE file
 * of the conformance tiers; what the writer cannot interpret (diagram views, vendor extensions) survives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, readXmile, simulate, writeXmile, type ModelDocument } from '../../../model/sd';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/sd-test-models');
const files = ['core-xmile', 'simlin-fork-xmile'].flatMap((tier) =>
  readdirSync(join(FIXTURES, tier), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(FIXTURES, tier, folder.name))
        .filter((file) => file.endsWith('.xmile') || file.endsWith('.stmx'))
        .map((file) => `${tier}/${folder.name}/${file}`),
    ),
);

function read(text: string): ModelDocument {
  const outcome = readXmile(text);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  return outcome.value;
}

describe('read, write, read again', () => {
  it.each(files)('%s', (file) => {
    const first = read(readFileSync(join(FIXTURES, file), 'utf8'));
    const written = writeXmile(first);
    const second = read(written);
    expect(second).toEqual(first);
    expect(writeXmile(second)).toBe(written);
    const compiledFirst = compileModel(first);
    const compiledSecond = compileModel(second);
    expect(compiledSecond.ok).toBe(compiledFirst.ok);
    if (compiledFirst.ok && compiledSecond.ok) {
      const a = simulate(compiledFirst.value);
      const b = simulate(compiledSecond.value);
      expect(b.names).toEqual(a.names);
      expect(b.series).toEqual(a.series);
    }
  });

  it('keeps diagram coordinates and documentation', () => {
    const diagram = readFileSync(join(FIXTURES, 'core-xmile/sample_teacup/teacup_w_diagram.xmile'), 'utf8');
    const coordinates = diagram.match(/x="[\d.]+" y="[\d.]+"/g) ?? [];
    expect(coordinates.length).toBeGreaterThan(3);
    const written = writeXmile(read(diagram));
    for (const coordinate of coordinates) expect(written).toContain(coordinate);
    const documented = writeXmile(
      read(readFileSync(join(FIXTURES, 'core-xmile/sample_teacup/teacup.xmile'), 'utf8')),
    );
    expect(documented).toContain('<doc>The average temperature of the tea and the cup</doc>');
  });

  it('writes a model edited in the workbench so that it reads back the same', () => {
    const document = read(readFileSync(join(FIXTURES, 'core-xmile/sample_teacup/teacup.xmile'), 'utf8'));
    const edited: ModelDocument = {
      ...document,
      simSpecs: { ...document.simSpecs, saveStep: 0.5, method: 'rk4' },
      behavior: { nonNegativeStocks: true, nonNegativeFlows: false },
      variables: document.variables.map((variable) =>
        variable.name === 'Room Temperature'
          ? { ...variable, eqn: '20 + STEP(5, 10)', doc: 'a & b < c' }
          : variable,
      ),
    };
    // The save step is Stella's isee:save_interval, so the writer declares the isee namespace.
    const rootAttributes = {
      ...edited.preserved.rootAttributes,
      'xmlns:isee': 'http://iseesystems.com/XMILE',
    };
    expect(read(writeXmile(edited))).toEqual({
      ...edited,
      preserved: { ...edited.preserved, rootAttributes },
    });
  });

  it('keeps what <model> holds besides variables and views, on the same side of <variables>', () => {
    const text = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
  <header><vendor>test</vendor><product version="1.0">unit test</product></header>
  <sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
  <model>
    <doc>What the model is for, at model level</doc>
    <isee:model_notes lang="en">kept &amp; escaped</isee:model_notes>
    <variables><aux name="x"><eqn>1</eqn></aux></variables>
    <views><view><aux name="x" x="10" y="20"/></view></views>
    <isee:after_views flag="true"/>
  </model>
</xmile>`;
    const first = read(text);
    const tags = (nodes: readonly unknown[]): string[] =>
      nodes.map((node) =>
        typeof node === 'object' && node !== null && 'tag' in node ? String(node.tag) : '',
      );
    expect(tags(first.preserved.modelExtra?.beforeVariables ?? [])).toEqual(['doc', 'isee:model_notes']);
    expect(tags(first.preserved.modelExtra?.afterVariables ?? [])).toEqual(['isee:after_views']);
    const written = writeXmile(first);
    expect(written).toMatch(
      /<model>\s*<doc>What the model is for, at model level<\/doc>\s*<isee:model_notes lang="en">kept &amp; escaped<\/isee:model_notes>\s*<variables>/,
    );
    expect(written).toMatch(/<\/views>\s*<isee:after_views flag="true"\s*\/>\s*<\/model>/);
    const second = read(written);
    expect(second).toEqual(first);
    expect(writeXmile(second)).toBe(written);
  });

  it('keeps the non-variable children of <model> in the pre-1.0 layout', () => {
    const first = read(`<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
  <model><doc>legacy</doc><aux name="y"><eqn>2</eqn></aux></model>
</xmile>`);
    expect(first.variables.map((variable) => variable.name)).toEqual(['y']);
    const second = read(writeXmile(first));
    expect(second.preserved.modelExtra).toEqual(first.preserved.modelExtra);
    expect(writeXmile(second)).toContain('<doc>legacy</doc>');
  });
});
