/**
 * One run of the model with every variable's value at every saved time (prepare.ts makes that every dt),
 * the input of the link scores.
 */
import type { CompiledModel } from '../index';
import { DT, STARTTIME, STOPTIME, TIME } from '../graph/nodes';
import type { VariableGraph } from './variable-graph';

export interface Trajectory {
  /** Time at every row. */
  readonly time: Float64Array;
  /**
   * One column per variable of the graph (same index), then TIME, DT, STARTTIME and STOPTIME; each holds
   * the value at every row of `time`.
   */
  readonly columns: readonly Float64Array[];
  readonly timeColumn: number;
  readonly dtColumn: number;
  /** The column of a variable or system node by canonical id. */
  column(id: string): number | undefined;
}

export interface TrajectoryRun {
  readonly parameters?: Float64Array | undefined;
  readonly seed?: number | undefined;
}

export function runTrajectory(
  model: CompiledModel,
  graph: VariableGraph,
  run: TrajectoryRun = {},
): Trajectory {
  const runner = model.createRunner({ variables: graph.ids });
  const result = runner.run({ parameters: run.parameters, seed: run.seed });
  const rows = result.time.length;
  const { start, stop, dt } = model.specs;
  const constant = (value: number): Float64Array => new Float64Array(rows).fill(value);
  const count = graph.ids.length;
  // The runner's result is overwritten by its next run: keep copies.
  const columns = [
    ...graph.ids.map((id) => (result.series[result.ids.indexOf(id)] as Float64Array).slice()),
    result.time.slice(),
    constant(dt),
    constant(start),
    constant(stop),
  ];
  const system = new Map<string, number>([
    [TIME, count],
    [DT, count + 1],
    [STARTTIME, count + 2],
    [STOPTIME, count + 3],
  ]);
  return {
    time: columns[count] as Float64Array,
    columns,
    timeColumn: count,
    dtColumn: count + 1,
    column: (id) => graph.indexOf.get(id) ?? system.get(id),
  };
}
