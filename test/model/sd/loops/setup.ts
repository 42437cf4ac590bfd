/** Shared set-up of the loop tests: inline models analysed, and the scoring internals over one run. */
import { analyzeLoops, type LoopAnalysis, type LoopAnalysisOptions } from '../../../../model/sd/loops';
import { dialectOf } from '../../../../model/sd/functions';
import {
  linkScores,
  scoringTargets,
  type LinkScores,
  type ScoringContext,
  type Targets,
} from '../../../../model/sd/loops/link-scores';
import { prepareModel } from '../../../../model/sd/loops/prepare';
import { runTrajectory } from '../../../../model/sd/loops/trajectory';
import { variableGraph } from '../../../../model/sd/loops/variable-graph';
import type { CompiledModel } from '../../../../model/sd';
import { compile, xmile, type InlineModel } from '../helpers';

export function analyse(model: InlineModel | CompiledModel, options: LoopAnalysisOptions = {}): LoopAnalysis {
  const compiled = 'graph' in model ? model : compile(xmile(model));
  const analysis = analyzeLoops(compiled, options);
  if (!analysis.ok) throw new Error(analysis.errors.map((error) => error.message).join('\n'));
  return analysis.value;
}

export interface Scoring {
  readonly context: ScoringContext;
  readonly targets: Targets;
  /** Link scores at every row. */
  readonly scores: LinkScores;
  /** The link score of `from → to` at every row. */
  score(from: string, to: string): Float64Array;
  /** A variable's values at every row. */
  values(name: string): Float64Array;
}

export function scoring(model: InlineModel | CompiledModel): Scoring {
  const compiled = 'graph' in model ? model : compile(xmile(model));
  const prepared = prepareModel(compiled);
  if (!prepared.ok) throw new Error(prepared.errors.map((error) => error.message).join('\n'));
  const working = prepared.value.model;
  const graph = variableGraph(working);
  const trajectory = runTrajectory(working, graph);
  const context: ScoringContext = {
    graph,
    model: working.graph,
    document: working.document,
    dialect: dialectOf(working.document.header),
    trajectory,
  };
  const targets = scoringTargets(context);
  const rows = Array.from(trajectory.time, (_, row) => row);
  const scores = linkScores(context, targets, rows);
  const index = (name: string): number => {
    const found = graph.names.indexOf(name);
    if (found < 0) throw new Error(`no variable ${name}`);
    return found;
  };
  return {
    context,
    targets,
    scores,
    score(from, to) {
      const link = graph.linkBetween(index(from), index(to));
      if (link === undefined) throw new Error(`no link ${from} → ${to}`);
      return scores.scores[graph.links.indexOf(link)] as Float64Array;
    },
    values: (name) => trajectory.columns[index(name)] as Float64Array,
  };
}
