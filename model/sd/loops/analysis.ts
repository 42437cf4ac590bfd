/**
 * Feedback loops and their dominance over one run: find the loops (find-loops.ts), score them with Loops That
 * Matter (Schoenberg, Davidsen & Eberlein 2020, with the 2023 flow-to-stock link score), give each its
 * polarity and a name. Pure: the same call serves the CLI, the app's worker and the tests.
 *
 * When the strongest-path search found the loops, those that never account for at least 0.1% of the change
 * are dropped and at most 200 kept, and relative scores are taken among the loops kept (Eberlein &
 * Schoenberg 2020).
 */
import type { CompiledModel, Outcome } from '../index';
import { dialectOf } from '../functions';
import { stronglyConnectedComponents } from './components';
import { documentedLoops } from './documented';
import { findCycles, type LoopMethod } from './find-loops';
import { foldLoop } from './fold';
import { linkScores, scoringTargets, type LinkScores, type ScoringContext } from './link-scores';
import { cycleLinks, loopScore, relativeLoopScores } from './loop-scores';
import { nameLoops } from './naming';
import { linkSigns, loopPolarity, loopSigns, type LinkPolarity, type LoopPolarity } from './polarity';
import { prepareModel } from './prepare';
import { runTrajectory } from './trajectory';
import { variableGraph, type VariableGraph } from './variable-graph';

export type { LoopMethod } from './find-loops';

export interface LoopAnalysisOptions {
  /** The parameter vector of the model as compiled (CompiledModel.parameterVector). */
  readonly parameters?: Float64Array | undefined;
  readonly seed?: number | undefined;
  /** `auto` (default): every cycle when there are at most `maxEnumerated`, else strongest-path discovery. */
  readonly method?: LoopMethod | 'auto';
  readonly maxEnumerated?: number;
}

export interface LoopLink {
  readonly from: string;
  readonly to: string;
  readonly polarity: LinkPolarity;
}

export interface AnalyzedLoop {
  /** `R1`, `B2`, or the documented mark. */
  readonly name: string;
  /** The documented title ("Care and revenue"), when the model documents the loop. */
  readonly title: string | undefined;
  readonly documented: boolean;
  /** Variables as written in the model, in the order of the links, starting at a stock. */
  readonly variables: readonly string[];
  /** Canonical ids, same order. */
  readonly ids: readonly string[];
  /** Links in order: variables[i] → variables[i + 1], the last back to the first. */
  readonly links: readonly LoopLink[];
  readonly polarity: LoopPolarity;
  /** Loop score at each saved time. */
  readonly score: Float64Array;
  /** Relative loop score (a fraction in [−1, 1]) at each saved time. */
  readonly relativeScore: Float64Array;
  /** Mean absolute relative score over the run: how much the loop matters overall. */
  readonly importance: number;
  /** Loops are compared with the loops of the same partition (a strongly connected part of the model). */
  readonly partition: number;
}

export interface LoopAnalysis {
  readonly method: LoopMethod;
  /** One sentence saying how the loops were found. */
  readonly methodNote: string;
  /** One sentence saying how polarity was determined. */
  readonly polarityNote: string;
  /** The saved times; a score is labelled with the end of the dt it describes. */
  readonly time: Float64Array;
  /** Most important first. */
  readonly loops: readonly AnalyzedLoop[];
  /** Approximations the analysis had to make, one sentence each. */
  readonly notes: readonly string[];
}

/** Johnson's enumeration is used while the model has at most this many cycles. */
export const DEFAULT_MAX_ENUMERATED = 1000;
/** Eberlein & Schoenberg (2020): keep discovered loops that reach 0.1% of the change, at most 200. */
const MIN_CONTRIBUTION = 0.001;
const MAX_DISCOVERED = 200;

export const POLARITY_NOTE =
  'Polarity is the sign of each link’s partial derivative, estimated numerically at every saved time of the run (a flow into a stock +, out of it −).';

interface ScoredCycle {
  readonly cycle: readonly number[];
  readonly links: readonly number[];
  readonly score: Float64Array;
  readonly partition: number;
}

export function analyzeLoops(model: CompiledModel, options: LoopAnalysisOptions = {}): Outcome<LoopAnalysis> {
  const prepared = prepareModel(model);
  if (!prepared.ok) return prepared;
  const working = prepared.value.model;
  const graph = variableGraph(working);
  const trajectory = runTrajectory(working, graph, {
    parameters: prepared.value.parameters(options.parameters),
    seed: options.seed,
  });
  const rows: number[] = [];
  for (let row = 0; row < trajectory.time.length; row += model.specs.saveEvery) rows.push(row);
  const context: ScoringContext = {
    graph,
    model: working.graph,
    document: working.document,
    dialect: dialectOf(working.document.header),
    trajectory,
  };
  const targets = scoringTargets(context);
  const scores = linkScores(context, targets, rows);
  const found = findCycles(
    graph,
    scores,
    options.method ?? 'auto',
    options.maxEnumerated ?? DEFAULT_MAX_ENUMERATED,
  );

  const { loops, relative } = scoreCycles(graph, found.cycles, scores, found.method === 'strongest-path');
  const signs = linkSigns(graph, trajectory, targets, scores, new Set(loops.flatMap((loop) => loop.links)));
  const polarities = loops.map((loop) => loopPolarity(loopSigns(loop.links, signs, rows.length)));
  const exposed = new Set(prepared.value.owners.keys());
  const folded = loops.map((loop) => foldLoop(graph, loop.cycle, loop.links, signs, exposed));
  const importance = relative.map(meanAbsolute);
  const names = nameLoops(
    folded.map((loop, index) => ({
      ids: loop.ids,
      polarity: polarities[index] as LoopPolarity,
      importance: importance[index] as number,
    })),
    documentedLoops(model.document),
  );

  const analyzed = loops.map((loop, index): AnalyzedLoop => {
    const name = names[index] as (typeof names)[number];
    const shown = folded[index] as (typeof folded)[number];
    return {
      name: name.name,
      title: name.title,
      documented: name.documented,
      variables: shown.variables,
      ids: shown.ids,
      links: shown.links,
      polarity: polarities[index] as LoopPolarity,
      score: loop.score,
      relativeScore: relative[index] as Float64Array,
      importance: importance[index] as number,
      partition: loop.partition,
    };
  });
  analyzed.sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));

  return {
    ok: true,
    value: {
      method: found.method,
      methodNote:
        found.method === 'exhaustive'
          ? `Every feedback loop of the model (${loops.length}), found by enumerating the cycles of its variable graph (Johnson 1975).`
          : `The model has more than ${found.limit} feedback loops: the ${loops.length} shown were found by the strongest-path search of Eberlein & Schoenberg (2020), each accounting for at least 0.1% of the change at some time.`,
      polarityNote: POLARITY_NOTE,
      time: Float64Array.from(rows, (row) => trajectory.time[row] as number),
      loops: analyzed,
      notes: approximationNotes(graph, loops, scores.unscorable, prepared.value.owners),
    },
    warnings: prepared.warnings,
  };
}

/** Loop scores, partitions and relative scores; discovered loops that never matter are dropped. */
function scoreCycles(
  graph: VariableGraph,
  cycles: readonly (readonly number[])[],
  scores: LinkScores,
  discovered: boolean,
): { loops: ScoredCycle[]; relative: Float64Array[] } {
  const successors = graph.outgoing.map((links) => links.map((link) => link.to));
  const component = stronglyConnectedComponents(graph.ids.length, (node) => successors[node] ?? []);
  let loops = cycles.map((cycle): ScoredCycle => {
    const ordered = startAtStock(graph, cycle);
    const links = cycleLinks(graph, ordered);
    return {
      cycle: ordered,
      links,
      score: loopScore(links, scores),
      partition: component[ordered[0] as number] as number,
    };
  });
  const relativeOf = (list: readonly ScoredCycle[]): Float64Array[] =>
    relativeLoopScores(
      list.map((loop) => loop.score),
      list.map((loop) => loop.partition),
    );
  let relative = relativeOf(loops);
  if (discovered) {
    loops = loops
      .map((loop, index) => ({ loop, share: relative[index] as Float64Array }))
      .filter(({ share }) => share.some((value) => Math.abs(value) >= MIN_CONTRIBUTION))
      .sort((a, b) => meanAbsolute(b.share) - meanAbsolute(a.share))
      .slice(0, MAX_DISCOVERED)
      .map(({ loop }) => loop);
    relative = relativeOf(loops);
  }
  return { loops, relative };
}

function meanAbsolute(values: Float64Array): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += Math.abs(value);
  return sum / values.length;
}

/** The cycle read from its first stock in document order (every feedback loop holds one, 2020 section 2). */
function startAtStock(graph: VariableGraph, cycle: readonly number[]): number[] {
  let start = -1;
  cycle.forEach((node, position) => {
    if (graph.kinds[node] === 'stock' && (start < 0 || node < (cycle[start] as number))) start = position;
  });
  if (start < 0) start = 0;
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

function approximationNotes(
  graph: VariableGraph,
  loops: readonly ScoredCycle[],
  unscorable: ReadonlySet<number>,
  owners: ReadonlyMap<string, string>,
): string[] {
  const onLoops = new Set(loops.flatMap((loop) => loop.links));
  const blackBoxes = new Set<string>();
  const random = new Set<string>();
  for (const index of onLoops) {
    const link = graph.links[index];
    if (link === undefined) continue;
    const target = owners.get(graph.ids[link.to] as string) ?? (graph.names[link.to] as string);
    if (link.kind === 'stateful') blackBoxes.add(target);
    if (unscorable.has(index)) random.add(target);
  }
  const list = (names: Set<string>): string => [...names].map((name) => `"${name}"`).join(', ');
  const notes: string[] = [];
  if (blackBoxes.size > 0)
    notes.push(
      `${list(blackBoxes)} ${blackBoxes.size === 1 ? 'uses a smooth, delay or macro' : 'use smooths, delays or macros'} whose inner state a run does not report: links into ${blackBoxes.size === 1 ? 'it' : 'them'} are scored through the builtin's input (a composite link score for SMTH1, a unit transfer otherwise).`,
    );
  if (random.size > 0)
    notes.push(
      `${list(random)} ${random.size === 1 ? 'draws' : 'draw'} random numbers, which cannot be replayed: links into ${random.size === 1 ? 'it' : 'them'} score 0.`,
    );
  return notes;
}
