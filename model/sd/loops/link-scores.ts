/**
 * Loops That Matter link scores over one run, for the interval of one dt ending at each saved time.
 *
 * Instantaneous links (an input x of an auxiliary or flow z), Schoenberg, Davidsen & Eberlein 2020, System
 * Dynamics Review 36(2), equation 1:
 *
 *   LS(x → z) = |Δx(z) / Δz| · sign(Δx(z) / Δx),   0 when Δz = 0 or Δx = 0,
 *
 * where Δx(z) = z(x now, every other input as one dt ago) − z(every input as one dt ago), the change in z
 * that x alone would have made ("changed first": the other inputs held, TIME included).
 *
 * Flow-to-stock links, the 2023 revision (Schoenberg, Hayward & Eberlein 2023, "Improving Loops that Matter",
 * System Dynamics Review 39(2), equation 3): LS(i → S) = |Δi / (ΔS_t − ΔS_t−dt)| for an inflow, the same
 * negated for an outflow. ΔS_t − ΔS_t−dt is the change in the stock's rate of change, which is dt times the
 * change in its net flow, and Δi over the same dt is dt times the flow's rate of change: the ratio is the
 * continuous form |di/dt / d²S/dt²| (2023, section 3), computed here as Δi / Δ(Σ inflows − Σ outflows) over
 * the same interval as every other link. This is how Simlin scores it (its net-flow auxiliary,
 * docs/reference/ltm--loops-that-matter.md section 3.2): one interval for every link of a loop, and the
 * same score whether a stock's flows are written apart or as one net flow (the point of the revision).
 *
 * A variable whose equation is a stateful builtin or a macro is a black box, scored as black-box.ts says.
 *
 * Scores are labelled with the END of their interval (the score at time t describes t − dt to t). Stella
 * labels the same number with the START of the interval, t − dt.
 */
import type { ModelDocument, ModelGraph, ModelNode } from '../index';
import type { Dialect } from '../functions';
import { blackBoxOf, type BlackBox } from './black-box';
import { compileVariable, type ColumnReader, type EvaluationContext, type Evaluator } from './evaluate';
import type { Trajectory } from './trajectory';
import type { CausalLink, VariableGraph } from './variable-graph';

export interface LinkScores {
  /** `scores[link][k]`: the score of `graph.links[link]` at the k-th row of `rows`. */
  readonly scores: readonly Float64Array[];
  readonly rows: readonly number[];
  /** Links whose equation could not be re-evaluated (a random draw): scored 0. */
  readonly unscorable: ReadonlySet<number>;
}

/**
 * Change below rounding: two values closer than a few units in the last place of the larger one. A model at
 * rest recomputes the same value with different rounding; that is not a change a loop made.
 */
export function isNoChange(before: number, after: number): boolean {
  const difference = Math.abs(after - before);
  return !(difference > 8 * Number.EPSILON * Math.max(Math.abs(before), Math.abs(after)));
}

export interface ScoringContext {
  readonly graph: VariableGraph;
  readonly model: ModelGraph;
  readonly document: ModelDocument;
  readonly dialect: Dialect;
  readonly trajectory: Trajectory;
}

/** How each variable's links are re-evaluated: its value function, or its black box. */
export interface Targets {
  /** Value functions of the targets of `equation` links. */
  readonly evaluators: readonly (Evaluator | undefined)[];
  /** Black boxes, the targets of `stateful` links. */
  readonly blackBoxes: readonly (BlackBox | undefined)[];
}

export function scoringTargets(context: ScoringContext): Targets {
  const { graph, model, dialect, trajectory } = context;
  const evaluation: EvaluationContext = {
    dialect,
    column: trajectory.column,
    timeColumn: trajectory.timeColumn,
    dtColumn: trajectory.dtColumn,
    table: (id: string) => model.nodes.get(id)?.table,
  };
  const targets = (kind: CausalLink['kind']): Set<number> =>
    new Set(graph.links.filter((link) => link.kind === kind).map((link) => link.to));
  const equation = targets('equation');
  const stateful = targets('stateful');
  return {
    evaluators: graph.ids.map((id, index) =>
      equation.has(index) ? compileVariable(model.nodes.get(id) as ModelNode, evaluation) : undefined,
    ),
    blackBoxes: graph.names.map((name, index) =>
      stateful.has(index) ? blackBoxOf(context.document, name, evaluation) : undefined,
    ),
  };
}

/** Link scores of every link of the graph at the given rows (each over the dt before it; row 0 scores 0). */
export function linkScores(context: ScoringContext, targets: Targets, rows: readonly number[]): LinkScores {
  const { graph, trajectory } = context;
  const columns = trajectory.columns;
  const { evaluators, blackBoxes } = targets;
  const unscorable = new Set<number>();
  const scores = graph.links.map(() => new Float64Array(rows.length));
  const netFlowChange = netFlowChanges(context);

  rows.forEach((row, k) => {
    if (row === 0) return;
    const before = row - 1;
    const previousReader: ColumnReader = (column) => (columns[column] as Float64Array)[before] as number;
    const nowReader: ColumnReader = (column) => (columns[column] as Float64Array)[row] as number;
    // z with every input one dt ago, once per target and row.
    const baseValue = new Map<number, number>();
    graph.links.forEach((link, index) => {
      const from = columns[link.from] as Float64Array;
      const to = columns[link.to] as Float64Array;
      const deltaFrom = (from[row] as number) - (from[before] as number);
      if (isNoChange(from[before] as number, from[row] as number)) return;
      switch (link.kind) {
        case 'inflow':
        case 'outflow': {
          const deltaNet = netFlowChange(link, row);
          if (deltaNet === 0) return;
          const magnitude = Math.abs(deltaFrom / deltaNet);
          (scores[index] as Float64Array)[k] = link.kind === 'inflow' ? magnitude : -magnitude;
          return;
        }
        case 'stateful': {
          const deltaTo = (to[row] as number) - (to[before] as number);
          if (isNoChange(to[before] as number, to[row] as number)) return;
          const box = blackBoxes[link.to];
          const input = box?.input;
          if (box === undefined || input === undefined || !box.inputColumns.has(link.from)) {
            (scores[index] as Float64Array)[k] = Math.sign(deltaTo) * Math.sign(deltaFrom);
            return;
          }
          const source = link.from;
          const base = input(previousReader);
          const partial =
            input((column) => (column === source ? nowReader(column) : previousReader(column))) - base;
          const deltaInput = input(nowReader) - base;
          // SMTH1: through its one stock, D = Δe − Δy; other builtins pass their input through, D = Δe.
          const divisor = box.call === 'smth1' ? deltaInput - deltaTo : deltaInput;
          if (!Number.isFinite(partial) || !Number.isFinite(divisor)) {
            unscorable.add(index);
            return;
          }
          if (divisor === 0) return;
          (scores[index] as Float64Array)[k] = Math.abs(partial / divisor) * Math.sign(partial / deltaFrom);
          return;
        }
        case 'equation': {
          if (isNoChange(to[before] as number, to[row] as number)) return;
          const evaluate = evaluators[link.to] as Evaluator;
          let base = baseValue.get(link.to);
          if (base === undefined) {
            base = evaluate(previousReader);
            baseValue.set(link.to, base);
          }
          const source = link.from;
          const changedFirst = evaluate((column) =>
            column === source ? nowReader(column) : previousReader(column),
          );
          const partial = changedFirst - base;
          if (!Number.isFinite(partial)) {
            unscorable.add(index);
            return;
          }
          const deltaTo = (to[row] as number) - (to[before] as number);
          (scores[index] as Float64Array)[k] = Math.abs(partial / deltaTo) * Math.sign(partial / deltaFrom);
          return;
        }
      }
    });
  });
  return { scores, rows, unscorable };
}

/**
 * The change over the dt ending at a row in the net flow of the stock a flow-to-stock link ends at, or 0
 * when it did not change beyond rounding.
 */
function netFlowChanges(context: ScoringContext): (link: CausalLink, row: number) => number {
  const { graph, trajectory } = context;
  const flowsOf = new Map<number, { readonly column: number; readonly sign: number }[]>();
  for (const link of graph.links) {
    if (link.kind !== 'inflow' && link.kind !== 'outflow') continue;
    const flows = flowsOf.get(link.to) ?? [];
    flows.push({ column: link.from, sign: link.kind === 'inflow' ? 1 : -1 });
    flowsOf.set(link.to, flows);
  }
  return (link, row) => {
    let now = 0;
    let before = 0;
    let size = 0;
    for (const flow of flowsOf.get(link.to) ?? []) {
      const values = trajectory.columns[flow.column] as Float64Array;
      now += flow.sign * (values[row] as number);
      before += flow.sign * (values[row - 1] as number);
      size += Math.abs(values[row] as number) + Math.abs(values[row - 1] as number);
    }
    const change = now - before;
    // Rounding in the sum of the flows is not a change of the net flow.
    return Math.abs(change) > 8 * Number.EPSILON * size ? change : 0;
  };
}
