/**
 * A loop as people read it: in the model's own variables. The auxiliaries expose.ts added for stateful calls
 * are folded back into their owners, `x → Training intensity SMTH1 → Training intensity` reading as
 * `x → Training intensity`; the folded link's polarity at each time is the product of the links it stands
 * for.
 */
import { linkPolarity, type LinkPolarity } from './polarity';
import type { VariableGraph } from './variable-graph';

export interface FoldedLoop {
  readonly variables: readonly string[];
  readonly ids: readonly string[];
  readonly links: readonly { readonly from: string; readonly to: string; readonly polarity: LinkPolarity }[];
}

export function foldLoop(
  graph: VariableGraph,
  cycle: readonly number[],
  links: readonly number[],
  signs: ReadonlyMap<number, Int8Array>,
  exposed: ReadonlySet<string>,
): FoldedLoop {
  const shown = (node: number): boolean => !exposed.has(graph.ids[node] as string);
  const first = cycle.findIndex(shown);
  if (first < 0) throw new Error('a loop made only of added auxiliaries');
  const count = cycle.length;
  const variables: number[] = [];
  const folded: { from: number; to: number; polarity: LinkPolarity }[] = [];
  for (let step = 0; step < count;) {
    const position = (first + step) % count;
    const from = cycle[position] as number;
    variables.push(from);
    let sign: Int8Array | undefined;
    let reach = step;
    do {
      const link = signs.get(links[(first + reach) % count] as number);
      sign =
        sign === undefined
          ? (link ?? new Int8Array()).slice()
          : sign.map((value, k) => value * (link?.[k] ?? 0));
      reach++;
    } while (reach < count && !shown(cycle[(first + reach) % count] as number));
    folded.push({ from, to: cycle[(first + reach) % count] as number, polarity: linkPolarity(sign) });
    step = reach;
  }
  return {
    variables: variables.map((node) => graph.names[node] as string),
    ids: variables.map((node) => graph.ids[node] as string),
    links: folded.map((link) => ({
      from: graph.names[link.from] as string,
      to: graph.names[link.to] as string,
      polarity: link.polarity,
    })),
  };
}
