/**
 * importNetwork: a graph from valid rows, and for bad ones a problem naming the file, the row (header = 1, as a
 * spreadsheet counts) and the column; nothing half-built is ever returned.
 */
import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  importNetwork,
  type CsvTable,
  type ImportOptions,
  type ImportProblem,
} from '../../../model/network';

const table = (fileName: string, text: string): CsvTable => ({
  fileName,
  records: text.split('\n').map((line) => line.split(',')),
});
const edges = (text: string) => table('edges.csv', text);
const nodes = (text: string) => table('nodes.csv', text);
const directed: ImportOptions = { directed: true };

function problems(edgeText: string, nodeText?: string, options: ImportOptions = directed): ImportProblem[] {
  const result = importNetwork(
    edges(edgeText),
    nodeText === undefined ? undefined : nodes(nodeText),
    options,
  );
  if (result.ok) throw new Error('expected problems');
  return [...result.problems];
}

function graphOf(edgeText: string, nodeText?: string, options: ImportOptions = directed) {
  const result = importNetwork(
    edges(edgeText),
    nodeText === undefined ? undefined : nodes(nodeText),
    options,
  );
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join('; '));
  return result;
}

describe('a valid edge list', () => {
  it('builds nodes in order of first appearance when there is no node table', () => {
    const { graph, notes } = graphOf('source,target,weight\nb,a,2\na,c,1.5\n');
    expect(graph.nodes.map((node) => node.id)).toEqual(['b', 'a', 'c']);
    expect(graph.edges).toEqual([
      { source: 0, target: 1, weight: 2 },
      { source: 1, target: 2, weight: 1.5 },
    ]);
    expect(graph).toMatchObject({ directed: true, weighted: true });
    expect(notes).toEqual([]);
  });

  it('keeps the node table order, its attributes, and people without ties', () => {
    const { graph } = graphOf('source,target\np2,p1', 'id,name,team\np1,Ann,Sales\np2,Bo,Eng\np3,Cy,Eng');
    expect(graph.nodes).toEqual([
      { id: 'p1', attributes: { name: 'Ann', team: 'Sales' } },
      { id: 'p2', attributes: { name: 'Bo', team: 'Eng' } },
      { id: 'p3', attributes: { name: 'Cy', team: 'Eng' } },
    ]);
    expect(graph.edges).toEqual([{ source: 1, target: 0, weight: 1 }]);
    expect(graph.weighted).toBe(false);
  });

  it('reads headers trimmed and in any case, after a byte-order mark, and skips blank rows', () => {
    const { graph } = graphOf('\uFEFF Source ,TARGET,Weight,Type\n\na,b,3,advice\n,,,\n');
    expect(graph.edges).toEqual([{ source: 0, target: 1, weight: 3, type: 'advice' }]);
  });
});

describe('problems name the file, row and column', () => {
  it('an empty file, and a header with no rows', () => {
    expect(problems('').map(describeProblem)).toEqual(['edges.csv: the file is empty']);
    expect(problems('source,target\n').map(describeProblem)).toEqual([
      'edges.csv: the file has a header but no edges',
    ]);
    expect(problems('source,target\na,b', 'id\n').map(describeProblem)).toEqual([
      'nodes.csv: the file has a header but no people',
    ]);
  });

  it('missing columns', () => {
    expect(problems('from,to\na,b').map(describeProblem)).toEqual([
      'edges.csv row 1: no source or target column (an edge list needs source,target and may have weight, wave or date, type)',
    ]);
    expect(problems('source,target\na,b', 'name\nAnn')[0]?.message).toMatch(/no "id" column/);
  });

  it('non-numeric, negative, zero and empty weights', () => {
    const found = problems('source,target,weight\na,b,abc\na,c,-2\na,d,0\na,e,\na,f,0x10');
    expect(found.map(describeProblem)).toEqual([
      'edges.csv row 2, column weight: "abc" is not a number',
      'edges.csv row 3, column weight: -2 is negative: a weight is the strength of a tie (> 0)',
      'edges.csv row 4, column weight: the weight is 0: leave the row out when there is no tie',
      'edges.csv row 5, column weight: the weight is empty',
      'edges.csv row 6, column weight: "0x10" is not a number',
    ]);
  });

  it('unknown ids when a node table is given', () => {
    expect(problems('source,target\np1,p9\np7,p1', 'id\np1\np2').map(describeProblem)).toEqual([
      'edges.csv row 2, column target: "p9" is not in nodes.csv',
      'edges.csv row 3, column source: "p7" is not in nodes.csv',
    ]);
  });

  it('self-loops and empty ids', () => {
    expect(problems('source,target\na,a\n,b').map(describeProblem)).toEqual([
      'edges.csv row 2, column target: "a" -> "a" is a self-loop (a tie needs two people)',
      'edges.csv row 3, column source: the source is empty',
    ]);
  });

  it('duplicate and empty ids in the node table', () => {
    expect(problems('source,target\na,b', 'id,team\na,S\nb,S\na,S\n,S').map(describeProblem)).toEqual([
      'nodes.csv row 4, column id: "a" is listed twice (first at row 2)',
      'nodes.csv row 5, column id: the id is empty',
    ]);
  });

  it('a duplicate edge, by default, naming the first row and the merge rules', () => {
    expect(problems('source,target,weight\na,b,1\nc,d,1\na,b,2').map(describeProblem)).toEqual([
      'edges.csv row 4: duplicate edge "a" -> "b" (first at row 2); choose a merge rule for duplicates: sum, max, mean or first',
    ]);
  });

  it('the same pair in either order when undirected', () => {
    expect(problems('source,target\na,b\nb,a', undefined, { directed: false })[0]?.message).toMatch(
      /duplicate edge "b" -- "a" \(first at row 2\)/,
    );
    expect(graphOf('source,target\na,b\nb,a').graph.edges).toHaveLength(2);
  });

  it('reports every problem of a file, not only the first', () => {
    expect(problems('source,target,weight\na,a,1\nb,c,x\nd,e,-1')).toHaveLength(3);
  });
});

describe('duplicate rules', () => {
  const text = 'source,target,weight\na,b,1\nb,c,5\na,b,4\na,b,2';
  it.each([
    ['sum', 7],
    ['max', 4],
    ['mean', 7 / 3],
    ['first', 1],
  ] as const)('%s merges to %d and says so', (rule, weight) => {
    const { graph, notes } = graphOf(text, undefined, { directed: true, duplicates: rule });
    expect(graph.edges[0]).toEqual({ source: 0, target: 1, weight });
    expect(graph.edges).toHaveLength(2);
    expect(notes).toEqual([`2 duplicate edge rows merged by ${rule} (rows 4, 5)`]);
  });
});

describe('waves', () => {
  const text = 'source,target,wave\na,b,1\nb,c,1\na,b,2';
  it('refuses a file of several waves unless one is chosen', () => {
    expect(problems(text).map(describeProblem)).toEqual([
      'edges.csv: the file holds 2 waves ("1", "2"): choose one',
    ]);
  });

  it('keeps the rows of the chosen wave (a date column works the same)', () => {
    const { graph, notes } = graphOf(text, undefined, { directed: true, wave: '2' });
    expect(graph.edges).toEqual([{ source: 0, target: 1, weight: 1 }]);
    expect(notes).toEqual(['wave "2" only']);
    expect(
      graphOf('source,target,date\na,b,2024-01\n', undefined, { directed: true, wave: '2024-01' }).graph
        .edges,
    ).toHaveLength(1);
  });

  it('names the waves when the chosen one is absent, and refuses a wave without the column', () => {
    expect(problems(text, undefined, { directed: true, wave: '3' })[0]?.message).toBe(
      'no row has wave "3"; the waves are "1", "2"',
    );
    expect(problems('source,target\na,b', undefined, { directed: true, wave: '1' })[0]?.message).toMatch(
      /no wave or date column/,
    );
  });
});
