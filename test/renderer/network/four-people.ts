import type { NetworkGraph } from '../../../model/network';

/**
 * The hand-made graph of the Graph tab's tests, small enough to work every figure out by hand: a -> b (3),
 * b -> a (1), b -> c (5), d alone; teams X (a, b), Y (c), none (d).
 */
export const fourPeople: NetworkGraph = {
  directed: true,
  weighted: true,
  nodes: [
    { id: 'a', attributes: { name: 'Ana', team: 'X' } },
    { id: 'b', attributes: { name: 'Bo', team: 'X' } },
    { id: 'c', attributes: { name: 'Cy', team: 'Y' } },
    { id: 'd', attributes: { name: 'Di' } },
  ],
  edges: [
    { source: 0, target: 1, weight: 3 },
    { source: 1, target: 0, weight: 1 },
    { source: 1, target: 2, weight: 5 },
  ],
};
