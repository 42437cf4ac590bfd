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
});
