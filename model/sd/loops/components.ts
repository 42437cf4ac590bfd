/**
 * Strongly connected components (Tarjan 1972, "Depth-first search and linear graph algorithms", SIAM J.
 * Comput. 1(2)), iterative so a long chain of variables cannot overflow the call stack. Every feedback loop
 * lies inside one component, so components bound the cycle search (Johnson 1975) and group loops whose
 * scores are compared with each other (Schoenberg, Davidsen & Eberlein 2020 define dominance within a part
 * of the model whose stocks are connected by loops).
 */

/** The component of each node (numbered in the order Tarjan's algorithm closes them), for nodes `0..count-1`. */
export function stronglyConnectedComponents(
  count: number,
  successors: (node: number) => readonly number[],
  include: (node: number) => boolean = () => true,
): Int32Array {
  const component = new Int32Array(count).fill(-1);
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let nextIndex = 0;
  let nextComponent = 0;

  for (let root = 0; root < count; root++) {
    if (!include(root) || index[root] !== -1) continue;
    // Each frame: the node and how many of its successors were already looked at.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = nextIndex++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, position] = frame;
      const next = successors(node);
      if (position < next.length) {
        frame[1] = position + 1;
        const successor = next[position] as number;
        if (!include(successor)) continue;
        if (index[successor] === -1) {
          index[successor] = low[successor] = nextIndex++;
          stack.push(successor);
          onStack[successor] = 1;
          frames.push([successor, 0]);
        } else if (onStack[successor] === 1) {
          low[node] = Math.min(low[node] as number, index[successor] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]] as number, low[node] as number);
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component[member] = nextComponent;
        } while (member !== node);
        nextComponent++;
      }
    }
  }
  return component;
}
