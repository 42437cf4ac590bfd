/**
 * The import dialog's preview (renderer/src/network/import/preview.ts): what it counts, checked on small files
 * worked out by hand, and its problems, checked to be the ones the backend refuses the same files with
 * (electron/services/network-import.ts), read back from the backend's message into file, row and column.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWaveFiles } from '../../../../electron/services/network-import';
import type { NetworkDocument } from '../../../../electron/api/contract';
import {
  formatOfFileName,
  previewImport,
  refusalLines,
} from '../../../../renderer/src/network/import/preview';

const file = (fileName: string, lines: readonly string[]) => ({ fileName, text: `${lines.join('\n')}\n` });
const FORMATS = resolve(import.meta.dirname, '../../../model/network/formats/fixtures');
const fixture = (path: string) => ({ fileName: path, text: readFileSync(resolve(FORMATS, path), 'utf8') });

const nodes = file('people.csv', ['id,name,team', 'a,Ana,Care', 'b,Ben,Care', 'c,Cai,Sales']);

/** The backend's refusal of the same files, as the dialog lists it. */
function backendRefusal(edges: ReturnType<typeof file>, withNodes = nodes) {
  try {
    readWaveFiles({ format: 'csv', edges, nodes: withNodes, mergeRule: 'error' }, true, undefined, 'Wave 1');
  } catch (error) {
    return refusalLines((error as Error).message);
  }
  throw new Error('the backend accepted the files');
}

describe('the import preview', () => {
  it('counts people, ties and team sizes of an edge list with a node table', () => {
    const edges = file('edges.csv', ['source,target,weight', 'a,b,2', 'b,a,1', 'b,c,3']);
    const preview = previewImport({ format: 'csv', edges, nodes, directed: true, mergeRule: 'error' });
    expect(preview).toEqual({
      ok: true,
      directed: true,
      waves: [
        {
          label: undefined,
          people: 3,
          ties: 3,
          teams: [
            { team: 'Care', people: 2 },
            { team: 'Sales', people: 1 },
          ],
          notes: [],
        },
      ],
    });
  });

  it('finds every wave of a file with a wave column, in the order they first appear', () => {
    const edges = file('waves.csv', ['source,target,wave', 'a,b,T1', 'a,b,T2', 'b,a,T2', 'c,a,T2']);
    const preview = previewImport({ format: 'csv', edges, nodes, directed: true, mergeRule: 'error' });
    expect(preview.ok && preview.waves.map((wave) => [wave.label, wave.people, wave.ties])).toEqual([
      ['T1', 3, 1],
      ['T2', 3, 3],
    ]);
  });

  it('merges duplicate rows by the chosen rule, and refuses them by default naming both rows', () => {
    const edges = file('dup.csv', ['source,target,weight', 'a,b,2', 'b,c,1', 'a,b,4']);
    const refused = previewImport({ format: 'csv', edges, nodes, directed: true, mergeRule: 'error' });
    expect(refused.ok ? [] : refused.problems).toEqual([
      {
        fileName: 'dup.csv',
        row: 4,
        column: null,
        message:
          'duplicate edge "a" -> "b" (first at row 2); choose a merge rule for duplicates: sum, max, mean or first',
      },
    ]);
    const summed = previewImport({ format: 'csv', edges, nodes, directed: true, mergeRule: 'sum' });
    expect(summed.ok && summed.waves[0]).toMatchObject({
      ties: 2,
      notes: ['1 duplicate edge row merged by sum (row 4)'],
    });
  });

  it('names the row and column of a negative weight and of an unknown id, as the backend does', () => {
    const edges = file('bad.csv', ['source,target,weight', 'a,b,1', 'b,c,-2', 'c,z,1']);
    const preview = previewImport({ format: 'csv', edges, nodes, directed: true, mergeRule: 'error' });
    expect(preview.ok).toBe(false);
    const problems = preview.ok ? [] : preview.problems;
    expect(problems.map((problem) => [problem.row, problem.column])).toEqual([
      [3, 'weight'],
      [4, 'target'],
    ]);
    expect(problems[0]?.message).toContain('-2 is negative');
    expect(problems[1]?.message).toBe('"z" is not in people.csv');
    // The backend's refusal, read back line by line, says the same.
    const refusal = backendRefusal(edges);
    expect(refusal.summary).toBe('Nothing was imported: the files have 2 problems.');
    expect(refusal.lines).toEqual(problems);
  });

  it('reads an empty file and a self-loop as problems naming the file and row', () => {
    const empty = previewImport({
      format: 'csv',
      edges: file('empty.csv', []),
      directed: true,
      mergeRule: 'error',
    });
    expect(empty.ok ? [] : empty.problems).toEqual([
      { fileName: 'empty.csv', row: null, column: null, message: 'the file is empty' },
    ]);
    const loop = previewImport({
      format: 'csv',
      edges: file('loop.csv', ['source,target', 'a,a']),
      directed: true,
      mergeRule: 'error',
    });
    expect(loop.ok ? [] : loop.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, 'target'],
    ]);
  });

  it('gives a wave added without a node table the people of the last wave, so an unknown id is refused', () => {
    const existing = {
      directed: true,
      waves: [
        {
          wave: 'before',
          people: [
            { id: 'a', attributes: { team: 'Care' } },
            { id: 'b', attributes: { team: 'Care' } },
          ],
        },
      ],
    } as unknown as NetworkDocument;
    const good = previewImport(
      {
        format: 'csv',
        edges: file('after.csv', ['source,target', 'a,b', 'b,a']),
        directed: false,
        mergeRule: 'error',
      },
      existing,
    );
    expect(good).toMatchObject({ ok: true, directed: true, waves: [{ people: 2, ties: 2 }] });
    const bad = previewImport(
      {
        format: 'csv',
        edges: file('after.csv', ['source,target', 'a,q']),
        directed: true,
        mergeRule: 'error',
      },
      existing,
    );
    expect(bad.ok ? [] : bad.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, 'target'],
    ]);
  });

  it('reads a wave for a pseudonymized network without a node table alone, as the backend does', () => {
    // Its last wave holds pseudonyms, the new file real ids: checked against them, every id would be refused.
    const existing = {
      directed: true,
      privacy: { pseudonymized: true, keyKept: false, individualConsent: false, minGroupSize: 5, note: '' },
      waves: [{ wave: 'before', people: [{ id: 'P-1C982B2D40', attributes: { team: 'Care' } }] }],
    } as unknown as NetworkDocument;
    const preview = previewImport(
      {
        format: 'csv',
        edges: file('after.csv', ['source,target', 'a,b', 'b,a']),
        directed: true,
        mergeRule: 'error',
      },
      existing,
    );
    expect(preview).toMatchObject({
      ok: true,
      waves: [
        {
          people: 2,
          ties: 2,
          notes: ['the people of wave “before” stand in, matched by pseudonym on import'],
        },
      ],
    });
  });

  it('reads a survey matrix and a GraphML file with the backend fixtures’ hand-worked ties', () => {
    const matrix = previewImport({
      format: 'matrix',
      edges: fixture('hand/survey-matrix.csv'),
      nodes: fixture('hand/survey-people.csv'),
      directed: true,
      mergeRule: 'error',
    });
    // ana>ben, ana>cai, ben>ana, cai>ana (network-handlers.test.ts)
    expect(matrix).toMatchObject({ ok: true, waves: [{ ties: 4 }] });
    const graphml = previewImport({
      format: 'graphml',
      edges: fixture('hand/care-team.graphml'),
      directed: false,
      mergeRule: 'sum',
    });
    // The file says it is directed, whatever the dialog's choice.
    expect(graphml).toMatchObject({ ok: true, directed: true, waves: [{ ties: 4 }] });
  });

  it('guesses the file kind from its name', () => {
    expect(['org.graphml', 'org.GEXF', 'edges.csv', 'matrix.tsv'].map(formatOfFileName)).toEqual([
      'graphml',
      'gexf',
      'csv',
      'csv',
    ]);
  });
});

describe('the backend refusal read back', () => {
  it('keeps a line it cannot place whole', () => {
    expect(
      refusalLines(
        'Nothing was imported: the files have 9 problems.\nx.csv row 2, column id: empty\n... and 1 more problem.',
      ),
    ).toEqual({
      summary: 'Nothing was imported: the files have 9 problems.',
      lines: [
        { fileName: 'x.csv', row: 2, column: 'id', message: 'empty' },
        { fileName: null, row: null, column: null, message: '... and 1 more problem.' },
      ],
    });
  });
});
