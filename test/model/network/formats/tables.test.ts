/**
 * The survey adjacency matrix (rows give to columns; blank or 0 is no tie) and the CSV files a network exports
 * to, read back by the same importer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  importNetwork,
  type CsvTable,
  type ImportResult,
  type NetworkGraph,
} from '../../../../model/network';
import {
  describeFileProblem,
  edgeListCsv,
  importAdjacencyMatrix,
  nodeTableCsv,
  readGraphml,
} from '../../../../model/network/formats';
import { referenceGraph } from '../reference-fixtures';

const parse = (fileName: string, text: string): CsvTable => ({
  fileName,
  records: Papa.parse<string[]>(text, { header: false }).data,
});
const fixture = (file: string): CsvTable =>
  parse(file, readFileSync(resolve(import.meta.dirname, 'fixtures/hand', file), 'utf8'));
const matrix = (text: string) => parse('survey.csv', text);

function graphOf(result: ImportResult): NetworkGraph {
  if (!result.ok) throw new Error(result.problems.map((problem) => describeFileProblem(problem)).join('\n'));
  return result.graph;
}
const problemsOf = (result: ImportResult): string[] => {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => describeFileProblem(problem));
};
const ties = (graph: NetworkGraph) =>
  graph.edges.map((edge) => [graph.nodes[edge.source]?.id, graph.nodes[edge.target]?.id, edge.weight]);

describe('survey adjacency matrix', () => {
  it('rows give to columns; blank and 0 are no tie; everyone listed is kept, tie or not', () => {
    const graph = graphOf(importAdjacencyMatrix(fixture('survey-matrix.csv'), undefined, { directed: true }));
    expect(graph.nodes.map((node) => node.id)).toEqual(['ana', 'ben', 'cai', 'dee']);
    expect(ties(graph).sort()).toEqual([
      ['ana', 'ben', 2],
      ['ana', 'cai', 0.5],
      ['ben', 'ana', 3],
      ['cai', 'ana', 1],
    ]);
    expect(graph.weighted).toBe(true);
  });

  it('takes the people and their attributes from a node table', () => {
    const graph = graphOf(
      importAdjacencyMatrix(fixture('survey-matrix.csv'), fixture('survey-people.csv'), { directed: true }),
    );
    expect(graph.nodes[0]).toEqual({ id: 'ana', attributes: { name: 'Ana Lima', team: 'Care' } });
  });

  it('names the row and the person heading the column of a bad cell', () => {
    const text = 'id,a,b,c\na,,-1,x\nb,2,,\nc,,,7';
    expect(problemsOf(importAdjacencyMatrix(matrix(text), undefined, { directed: true }))).toEqual([
      'survey.csv row 2, column b: -1 is negative: a cell is the strength of a tie (> 0), blank or 0 for none',
      'survey.csv row 2, column c: "x" is not a number',
      'survey.csv row 4, column c: 7 on the diagonal is a self-loop (a tie needs two people); leave it blank',
    ]);
  });

  it('refuses a matrix whose rows and columns do not list the same people', () => {
    expect(
      problemsOf(importAdjacencyMatrix(matrix('id,a,b\na,,1\nc,1,'), undefined, { directed: true })),
    ).toEqual([
      'survey.csv row 1, column b: "b" heads a column but no row: a matrix lists the same people down and across',
      'survey.csv row 3, column id: "c" heads a row but no column: a matrix lists the same people down and across',
    ]);
    expect(
      problemsOf(importAdjacencyMatrix(matrix('id,a,a\na,,1\na,1,'), undefined, { directed: true })),
    ).toEqual([
      'survey.csv row 1, column a: "a" heads two columns',
      'survey.csv row 3, column id: "a" heads two rows (first at row 2)',
    ]);
  });

  it('an undirected matrix must be symmetric (or one side blank)', () => {
    const symmetric = graphOf(
      importAdjacencyMatrix(matrix('id,a,b,c\na,,2,\nb,2,,1\nc,,,'), undefined, { directed: false }),
    );
    expect(ties(symmetric)).toEqual([
      ['a', 'b', 2],
      ['b', 'c', 1],
    ]);
    expect(
      problemsOf(importAdjacencyMatrix(matrix('id,a,b\na,,2\nb,3,'), undefined, { directed: false })),
    ).toEqual([
      'survey.csv row 2, column b: the matrix is not symmetric: a -> b is 2 but b -> a (row 3) is 3; import it as directed, or make the two cells equal',
    ]);
  });

  it('an empty file, a matrix of no ties, and a person unknown to the node table', () => {
    expect(problemsOf(importAdjacencyMatrix(matrix(''), undefined, { directed: true }))).toEqual([
      'survey.csv: the file is empty (a matrix needs a header row of ids)',
    ]);
    expect(
      problemsOf(importAdjacencyMatrix(matrix('id,a,b\na,,0\nb,,'), undefined, { directed: true })),
    ).toEqual(['survey.csv: every cell is blank or 0: the matrix records no tie']);
    const people = parse('people.csv', 'id\na');
    expect(
      problemsOf(importAdjacencyMatrix(matrix('id,a,b\na,,1\nb,,'), people, { directed: true })),
    ).toEqual(['survey.csv row 2, column b: "b" is not in people.csv']);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting, and the importer reads the files back as the same network', () => {
    const graph: NetworkGraph = {
      directed: true,
      weighted: true,
      nodes: [
        { id: 'a,1', attributes: { name: 'Zoë "Z"', team: 'Care\nNights' } },
        { id: 'b', attributes: { name: 'Bo', team: '' } },
      ],
      edges: [{ source: 0, target: 1, weight: 0.1 + 0.2, type: 'advice' }],
    };
    const edgesText = edgeListCsv([{ wave: 'before', graph }]);
    expect(edgesText).toBe('source,target,weight,type\r\n"a,1",b,0.30000000000000004,advice\r\n');
    const nodesText = nodeTableCsv(graph);
    expect(nodesText).toBe('id,name,team\r\n"a,1","Zoë ""Z""","Care\nNights"\r\nb,Bo,\r\n');
    const back = importNetwork(parse('edges.csv', edgesText), parse('nodes.csv', nodesText), {
      directed: true,
    });
    expect(back.ok && back.graph).toEqual(graph);
  });

  it('several waves go in one file with a wave column, which the importer splits again', () => {
    const toy = referenceGraph('empathy_toy_directed', true);
    const fewer: NetworkGraph = { ...toy, edges: toy.edges.slice(0, 10) };
    const text = edgeListCsv([
      { wave: 'before', graph: toy },
      { wave: 'after', graph: fewer },
    ]);
    expect(text.split('\r\n')[0]).toBe('source,target,weight,wave');
    const people = parse('nodes.csv', nodeTableCsv(toy));
    const after = importNetwork(parse('edges.csv', text), people, { directed: true, wave: 'after' });
    expect(after.ok && after.graph.edges).toEqual(fewer.edges);
  });

  it('an unweighted network exports without a weight column', () => {
    const graph = graphOf(
      readGraphml(
        '<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>',
        'u.graphml',
      ),
    );
    expect(edgeListCsv([{ wave: 'w', graph }])).toBe('source,target\r\na,b\r\n');
  });
});
