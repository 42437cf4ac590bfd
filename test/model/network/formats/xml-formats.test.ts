/**
 * GraphML and GEXF: hand-written files that follow the specs (fixtures/hand), files networkx 2.8.8 wrote
 * (fixtures/networkx, see generate.py), problems that name the line and attribute, and round trips through our
 * writers, checked against how networkx reads what we write (fixtures/ours/networkx-read.json).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult, NetworkGraph } from '../../../../model/network';
import {
  describeFileProblem,
  readGexf,
  readGraphml,
  writeGexf,
  writeGraphml,
} from '../../../../model/network/formats';
import { referenceGraph } from '../reference-fixtures';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const fixture = (path: string): string => readFileSync(resolve(FIXTURES, path), 'utf8');

function graphOf(result: ImportResult): NetworkGraph {
  if (!result.ok)
    throw new Error(result.problems.map((problem) => describeFileProblem(problem, 'line')).join('\n'));
  return result.graph;
}

function problemsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => describeFileProblem(problem, 'line'));
}

/** A graph as ids (order-free), to compare graphs read from different files. */
function byIds(graph: NetworkGraph) {
  const id = (index: number) => graph.nodes[index]?.id ?? '';
  return {
    directed: graph.directed,
    weighted: graph.weighted,
    nodes: Object.fromEntries(graph.nodes.map((node) => [node.id, node.attributes])),
    edges: graph.edges
      .map((edge) => [id(edge.source), id(edge.target), edge.weight, edge.type ?? ''] as const)
      .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)),
  };
}

const CARE_TEAM = {
  directed: true,
  weighted: true,
  nodes: {
    ana: { name: 'Ana Lima', team: 'Care', tenure: '4' },
    ben: { name: 'Ben & Co', team: 'Sales', tenure: '' },
    cai: { name: 'Cai', team: 'Care', tenure: '' },
    dee: { name: '', team: 'Care', tenure: '' },
  },
  edges: [
    ['ana', 'ben', 2.5, 'advice'],
    ['ana', 'cai', 0.5, ''],
    ['ben', 'ana', 3, ''],
    ['cai', 'ana', 1, ''],
  ],
};

describe('hand-written files after the specs', () => {
  it('GraphML: keys, defaults, data on nodes and edges; comments and CDATA are not edges', () => {
    expect(byIds(graphOf(readGraphml(fixture('hand/care-team.graphml'), 'care-team.graphml')))).toEqual(
      CARE_TEAM,
    );
  });

  it('GEXF 1.3: declared attributes with a default, labels as names, weights (1 when left out)', () => {
    expect(byIds(graphOf(readGexf(fixture('hand/care-team.gexf'), 'care-team.gexf')))).toEqual(CARE_TEAM);
  });
});

describe('files networkx 2.8.8 wrote', () => {
  it.each([
    ['empathy_toy_directed', true],
    ['karate', false],
  ] as const)('%s reads as the reference CSV does', (name, directed) => {
    const expected = byIds(referenceGraph(name, directed));
    const fromGraphml = byIds(graphOf(readGraphml(fixture(`networkx/${name}.graphml`), `${name}.graphml`)));
    const fromGexf = byIds(graphOf(readGexf(fixture(`networkx/${name}.gexf`), `${name}.gexf`)));
    expect(fromGraphml).toEqual(expected);
    // networkx writes each node's label as its id, which is then no name of its own.
    expect(fromGexf).toEqual(expected);
  });
});

describe('problems name the file, the line and the attribute', () => {
  const graphml = (body: string, edgedefault = 'directed') =>
    [
      '<?xml version="1.0"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '  <key id="w" for="edge" attr.name="weight" attr.type="double"/>',
      `  <graph edgedefault="${edgedefault}">`,
      '    <node id="a"/><node id="b"/><node id="c"/>',
      body,
      '  </graph>',
      '</graphml>',
    ].join('\n');

  it('unknown ids, bad weights and self-loops, each with its line', () => {
    const text = graphml(
      [
        '    <edge source="a" target="b"><data key="w">-2</data></edge>',
        '    <edge source="a" target="zed"/>',
        '    <edge source="c" target="c"/>',
        '    <edge source="b" target="c"><data key="w">lots</data></edge>',
      ].join('\n'),
    );
    expect(problemsOf(readGraphml(text, 'org.graphml'))).toEqual([
      'org.graphml line 6, attribute weight: -2 is negative: a weight is the strength of a tie (> 0)',
      `org.graphml line 7, attribute target: "zed" is not in org.graphml's nodes`,
      'org.graphml line 8, attribute target: "c" -> "c" is a self-loop (a tie needs two people)',
      'org.graphml line 9, attribute weight: "lots" is not a number',
    ]);
  });

  it('duplicate edges: refused by default, merged by the chosen rule with the lines named', () => {
    const text = graphml(
      [
        '    <edge source="a" target="b"><data key="w">1</data></edge>',
        '    <edge source="a" target="b"><data key="w">4</data></edge>',
      ].join('\n'),
    );
    expect(problemsOf(readGraphml(text, 'org.graphml'))).toEqual([
      'org.graphml line 7: duplicate edge "a" -> "b" (first at row 2); choose a merge rule for duplicates: sum, max, mean or first',
    ]);
    const merged = readGraphml(text, 'org.graphml', { duplicates: 'max' });
    expect(merged.ok && merged.notes).toEqual(['1 duplicate edge row merged by max (line 7)']);
    expect(graphOf(merged).edges).toEqual([{ source: 0, target: 1, weight: 4 }]);
  });

  it('the same pair in either order is one tie when the graph is undirected', () => {
    const text = graphml(
      '    <edge source="a" target="b"/>\n    <edge source="b" target="a"/>',
      'undirected',
    );
    expect(problemsOf(readGraphml(text, 'u.graphml'))[0]).toMatch(
      /^u.graphml line 7: duplicate edge "b" -- "a"/,
    );
  });

  it('empty files, other XML, XML that is not well-formed, graphs without edges', () => {
    expect(problemsOf(readGraphml('', 'e.graphml'))).toEqual(['e.graphml: the file is empty']);
    expect(problemsOf(readGexf('  \n', 'e.gexf'))).toEqual(['e.gexf: the file is empty']);
    expect(problemsOf(readGraphml('<gexf/>', 'x.graphml'))).toEqual([
      'x.graphml: the file is not GraphML: <graphml> is not its root element',
    ]);
    expect(problemsOf(readGexf('<graphml/>', 'x.gexf'))).toEqual([
      'x.gexf: the file is not GEXF: <gexf> is not its root element',
    ]);
    expect(
      problemsOf(readGraphml('<graphml>\n<graph>\n<node id="a">\n</graph></graphml>', 'b.graphml'))[0],
    ).toMatch(/^b.graphml line 4: the file is not well-formed XML/);
    expect(problemsOf(readGraphml(graphml(''), 'n.graphml'))).toEqual([
      'n.graphml: the graph has no edges (no tie between people)',
    ]);
    expect(problemsOf(readGraphml('<graphml><key id="k"/></graphml>', 'g.graphml'))).toEqual([
      'g.graphml: the file holds no <graph> element',
    ]);
  });

  it('nested graphs and hyperedges are refused with their line', () => {
    const nested = graphml('    <node id="d">\n      <graph edgedefault="directed"/>\n    </node>');
    expect(problemsOf(readGraphml(nested, 'n.graphml'))).toEqual([
      'n.graphml line 6: a node holds a nested graph; a network of people has no nodes inside nodes',
    ]);
    const hyper = graphml('    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>');
    expect(problemsOf(readGraphml(hyper, 'h.graphml'))[0]).toMatch(
      /^h.graphml line 6: the graph has hyperedges/,
    );
  });

  it('GEXF: unknown ids and a bad edge type of the graph', () => {
    const gexf = (edges: string, type = 'directed') =>
      `<gexf version="1.2">\n<graph defaultedgetype="${type}">\n<nodes><node id="a"/><node id="b"/></nodes>\n<edges>\n${edges}\n</edges>\n</graph>\n</gexf>`;
    expect(problemsOf(readGexf(gexf('<edge id="0" source="a" target="q" weight="0"/>'), 'g.gexf'))).toEqual([
      'g.gexf line 5, attribute weight: the weight is 0: leave the row out when there is no tie',
      `g.gexf line 5, attribute target: "q" is not in g.gexf's nodes`,
    ]);
    expect(problemsOf(readGexf(gexf('', 'sideways'), 'g.gexf'))).toEqual([
      'g.gexf line 2: defaultedgetype is "sideways": it must be directed, undirected or mutual',
    ]);
    // Without defaultedgetype a GEXF graph is undirected (the schema's default).
    const plain =
      '<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge id="0" source="a" target="b"/></edges></graph></gexf>';
    expect(graphOf(readGexf(plain, 'p.gexf'))).toMatchObject({ directed: false, weighted: false });
  });
});

describe('round trips', () => {
  const care = graphOf(readGraphml(fixture('hand/care-team.graphml'), 'care-team.graphml'));
  const awkward: NetworkGraph = {
    directed: false,
    weighted: true,
    nodes: [
      { id: 'a&b', attributes: { name: 'Zoë "Z" <Admin>', note: 'line one\nline two\ttab' } },
      { id: "o'neil", attributes: { name: '', note: 'spaced  inside' } },
      { id: '3', attributes: { name: 'Three', note: '' } },
    ],
    edges: [
      { source: 0, target: 1, weight: 0.1 + 0.2 },
      { source: 1, target: 2, weight: 1e-7, type: 'advice, support' },
    ],
  };

  it.each([
    ['GraphML', writeGraphml, readGraphml],
    ['GEXF', writeGexf, readGexf],
  ] as const)('%s: what we write reads back as the same network', (_name, write, read) => {
    for (const graph of [care, awkward])
      expect(byIds(graphOf(read(write(graph), 'round-trip')))).toEqual(byIds(graph));
  });

  it('networkx reads what we write as the same network (fixtures/ours, read by generate.py)', () => {
    const toy = referenceGraph('empathy_toy_directed', true);
    const karate = referenceGraph('karate', false);
    const written: Record<string, string> = {
      'care-team.graphml': writeGraphml(care),
      'care-team.gexf': writeGexf(care),
      'toy.graphml': writeGraphml(toy),
      'toy.gexf': writeGexf(toy),
      'karate.gexf': writeGexf(karate),
    };
    const folder = resolve(FIXTURES, 'ours');
    if (!existsSync(resolve(folder, 'networkx-read.json'))) {
      // First run: leave the files for generate.py to read with networkx, and fail until it has.
      mkdirSync(folder, { recursive: true });
      for (const [file, text] of Object.entries(written)) writeFileSync(resolve(folder, file), text);
      throw new Error('wrote fixtures/ours; run /usr/bin/python3 generate.py there and commit the result');
    }
    // Our writers still write the bytes networkx was given.
    for (const [file, text] of Object.entries(written)) expect(text, file).toBe(fixture(`ours/${file}`));
    const read = JSON.parse(fixture('ours/networkx-read.json')) as Record<
      string,
      {
        directed: boolean;
        nodes: Record<string, Record<string, string>>;
        labels: Record<string, string | null>;
        edges: [string, string, number][];
      }
    >;
    const expected = { 'care-team': care, toy, karate };
    for (const [file, seen] of Object.entries(read)) {
      const graph = expected[file.replace(/\.(graphml|gexf)$/, '') as keyof typeof expected];
      const mine = byIds(graph);
      expect(seen.directed, file).toBe(graph.directed);
      const attributes = (values: Readonly<Record<string, string>>) =>
        Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
      expect(seen.nodes, file).toEqual(
        Object.fromEntries(Object.entries(mine.nodes).map(([id, values]) => [id, attributes(values)])),
      );
      // networkx lists an undirected edge in its own order; compare pairs as sets.
      const pair = ([u, v, w]: readonly [string, string, number, ...unknown[]]) =>
        `${graph.directed || u < v ? `${u} ${v}` : `${v} ${u}`} ${w}`;
      expect(seen.edges.map(pair).sort(), file).toEqual(mine.edges.map(pair).sort());
      if (file.endsWith('.gexf'))
        for (const node of graph.nodes)
          expect(seen.labels[node.id], file).toBe(node.attributes['name'] || node.id);
    }
  });
});
