/**
 * The fcose layout (Balci and Dogrusoz, "fCoSE: a fast compound graph layout algorithm with constraint
 * support", IEEE TVCG 2022) of one wave, run on a headless cytoscape so it can run in a worker: on 2,000
 * people it takes seconds, which the page must not wait through.
 *
 * The picture is the same every time a wave is opened: fcose draws its random start from Math.random, which
 * is replaced by a seeded generator for the length of the (synchronous, unanimated) run. Above 500 people
 * the 'draft' quality skips the slower polishing passes; the layout still separates teams and communities.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

cytoscape.use(fcose);

export interface LayoutInput {
  readonly order: number;
  /** source, target pairs, by person index. */
  readonly edges: Int32Array;
  /** Node diameters, so fcose keeps big nodes apart. */
  readonly diameters: Float64Array;
  readonly seed: number;
}

export const DRAFT_ABOVE = 500;

/** Math.random's stand-in: pure-rand's xoroshiro128+ (as the sample's generator and the Monte Carlo use). */
export function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/** x, y of each person in turn. */
export function runLayout(input: LayoutInput): Float64Array {
  const elements: cytoscape.ElementDefinition[] = [];
  for (let node = 0; node < input.order; node++)
    elements.push({ data: { id: `n${node}`, size: input.diameters[node] ?? 18 } });
  for (let edge = 0; edge * 2 < input.edges.length; edge++)
    elements.push({
      data: { id: `e${edge}`, source: `n${input.edges[edge * 2]}`, target: `n${input.edges[edge * 2 + 1]}` },
    });
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements,
  });
  const random = Math.random;
  Math.random = seededRandom(input.seed);
  try {
    cy.layout({
      name: 'fcose',
      quality: input.order > DRAFT_ABOVE ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      packComponents: true,
      nodeRepulsion: 6000,
      idealEdgeLength: 60,
    } as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const positions = new Float64Array(input.order * 2);
  cy.nodes().forEach((node) => {
    const index = Number(node.id().slice(1));
    const { x, y } = node.position();
    positions[index * 2] = x;
    positions[index * 2 + 1] = y;
  });
  cy.destroy();
  return spread(positions, input.order);
}

/** Room per person at zoom 1, in pixels (a side of the square each person gets on average). */
export const ROOM_PER_PERSON = 48;

/**
 * Scales the layout up (about its centre) when it packs people closer than ROOM_PER_PERSON: fcose's draft
 * quality leaves 2,000 people in a tight ball where circles cover each other. The shape stays the same.
 */
export function spread(positions: Float64Array, order: number): Float64Array {
  if (order < 2) return positions;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let node = 0; node < order; node++) {
    const x = positions[node * 2] as number;
    const y = positions[node * 2 + 1] as number;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const area = Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1);
  const factor = Math.sqrt((order * ROOM_PER_PERSON * ROOM_PER_PERSON) / area);
  if (!(factor > 1)) return positions;
  const centerX = (minX + maxX) / 2;
  const centerY = (minY + maxY) / 2;
  for (let node = 0; node < order; node++) {
    positions[node * 2] = centerX + ((positions[node * 2] as number) - centerX) * factor;
    positions[node * 2 + 1] = centerY + ((positions[node * 2 + 1] as number) - centerY) * factor;
  }
  return positions;
}
