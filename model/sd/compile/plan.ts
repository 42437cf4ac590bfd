/**
 * The compile plan: where each node's value lives in the Float64Array, in what order nodes are computed
 * at the start and at every step, which constants form the parameter vector, and what a run reports. Built
 * once per model; runners (runner.ts) turn it into closures over their own buffers.
 */
import type { Diagnostic, Outcome } from '../diagnostics';
import { referencedIds, walk, type Expr } from '../equation/ast';
import { PURE_FUNCTIONS, RANDOM_FUNCTIONS } from '../functions';
import type { BuiltGraph } from '../graph/build';
import {
  DT,
  STARTTIME,
  STOPTIME,
  SYSTEM_IDS,
  TIME,
  dynamicDependencies,
  initialDependencies,
  type ModelNode,
} from '../graph/nodes';
import { loopDiagnostic, orderNodes } from '../graph/order';
import type { IntegrationMethod, SimSpecs } from '../document';

/** A constant of the model a run can override: an auxiliary or flow that is a number, or a stock's initial value. */
export interface ParameterInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'constant' | 'initial value';
  readonly value: number;
}

export interface RunSpecs {
  readonly start: number;
  readonly stop: number;
  readonly dt: number;
  readonly saveStep: number;
  /** Steps of dt between saved times. */
  readonly saveEvery: number;
  /** Number of dt steps from start to stop. */
  readonly steps: number;
  /** Number of saved times. */
  readonly saves: number;
  readonly method: IntegrationMethod;
}

export interface ModelPlan {
  readonly graph: BuiltGraph;
  readonly specs: RunSpecs;
  readonly slotCount: number;
  readonly slots: ReadonlyMap<string, number>;
  readonly stepSlot: number;
  /** Stocks, in slot order from `stockBase`: those with flows first, then those with a rate. */
  readonly stocks: readonly ModelNode[];
  readonly stockBase: number;
  readonly parameters: readonly ParameterInfo[];
  /** Nodes computed when the run starts, in order (parameters excluded: they are copied in). */
  readonly initialOrder: readonly ModelNode[];
  /** Nodes computed at every step (and every Runge-Kutta stage), in order. */
  readonly dynamicOrder: readonly ModelNode[];
  /** Nodes whose value never changes after the start. */
  readonly constant: ReadonlySet<string>;
  readonly usesRandom: boolean;
}

const TIME_DEPENDENT = new Set(
  [...Object.entries(PURE_FUNCTIONS), ...Object.entries(RANDOM_FUNCTIONS)]
    .filter(([, f]) => f.timeDependent === true)
    .map(([id]) => id),
);

function readsTimeDirectly(expr: Expr | undefined): boolean {
  if (expr === undefined) return false;
  let found = false;
  walk(expr, (node) => {
    if ((node.kind === 'ref' && node.id === TIME) || (node.kind === 'call' && TIME_DEPENDENT.has(node.id)))
      found = true;
  });
  return found;
}

/** Number of dt steps between start and stop, forgiving the rounding of (stop - start)/dt. */
export function stepCount(start: number, stop: number, dt: number): number {
  return Math.max(0, Math.floor((stop - start) / dt + 1e-9));
}

export function runSpecs(simSpecs: SimSpecs, method: IntegrationMethod): Outcome<RunSpecs> {
  const { start, stop, dt } = simSpecs;
  const saveStep = simSpecs.saveStep ?? dt;
  const ratio = saveStep / dt;
  const saveEvery = Math.max(1, Math.round(ratio));
  const warnings: Diagnostic[] = [];
  if (Math.abs(ratio - saveEvery) > 1e-9 * saveEvery) {
    warnings.push({
      code: 'sim-specs',
      message: `the save step ${saveStep} is not a multiple of dt ${dt}; values are saved every ${saveEvery * dt}`,
    });
  }
  const steps = stepCount(start, stop, dt);
  const saves = Math.floor(steps / saveEvery) + 1;
  return {
    ok: true,
    value: { start, stop, dt, saveStep: saveEvery * dt, saveEvery, steps, saves, method },
    warnings,
  };
}

export function planModel(graph: BuiltGraph, specs: RunSpecs): Outcome<ModelPlan> {
  const nodes = graph.nodes;
  const errors: Diagnostic[] = [];
  const all = [...nodes.values()];

  const dynamicIds = all
    .filter((node) => node.kind === 'aux' || node.kind === 'flow' || node.kind === 'delay')
    .map((node) => node.id);
  const dynamic = orderNodes(dynamicIds, (id) => dynamicDependencies(nodes.get(id) as ModelNode));
  for (const loop of dynamic.loops) errors.push(loopDiagnostic(loop, nodes, 'algebraic-loop'));
  const initialIds = all
    .filter((node) => node.kind !== 'system' && node.kind !== 'table')
    .map((node) => node.id);
  const initial = orderNodes(initialIds, (id) => initialDependencies(nodes.get(id) as ModelNode));
  if (dynamic.loops.length === 0) {
    for (const loop of initial.loops) errors.push(loopDiagnostic(loop, nodes, 'initial-loop'));
  }
  for (const node of all) checkRandomSeeds(node, errors);
  if (errors.length > 0) return { ok: false, errors, warnings: [] };

  // Parameters: model constants (an auxiliary or flow that is a number) and numeric stock initial values.
  const parameters: ParameterInfo[] = [];
  for (const id of graph.variables) {
    const node = nodes.get(id) as ModelNode;
    if (
      (node.kind === 'aux' || node.kind === 'flow') &&
      node.table === undefined &&
      node.equation?.kind === 'number'
    ) {
      parameters.push({ id, name: node.name, kind: 'constant', value: node.equation.value });
    } else if (node.kind === 'stock' && node.initial?.kind === 'number') {
      parameters.push({ id, name: node.name, kind: 'initial value', value: node.initial.value });
    }
  }
  const constantIds = new Set(
    parameters.filter((parameter) => parameter.kind === 'constant').map((parameter) => parameter.id),
  );

  // Constant nodes: computed once at the start because nothing they read changes.
  const constant = new Set<string>([DT, STARTTIME, STOPTIME, ...constantIds]);
  for (const node of all) if (node.kind === 'initial') constant.add(node.id);
  for (const id of dynamic.order) {
    const node = nodes.get(id) as ModelNode;
    if (node.kind === 'delay' || node.equation === undefined || readsTimeDirectly(node.equation)) continue;
    if ([...referencedIds(node.equation)].every((dependency) => constant.has(dependency))) constant.add(id);
  }

  // Slots: system values, the step counter, the model variables that change (document order), the stocks
  // (model stocks, hidden stocks that sum flows, then those with a rate), then everything else. A run's
  // outputs, by default every variable, are then one range of the array (runner.ts copies it each step).
  const slots = new Map<string, number>();
  SYSTEM_IDS.forEach((id, index) => slots.set(id, index));
  const stepSlot = SYSTEM_IDS.length;
  let next = stepSlot + 1;
  for (const id of graph.variables) {
    const node = nodes.get(id) as ModelNode;
    if (node.kind !== 'stock' && node.kind !== 'table' && !constant.has(id)) slots.set(id, next++);
  }
  const stockBase = next;
  const stocks = [
    ...all.filter((node) => node.kind === 'stock' && node.rate === undefined && !node.hidden),
    ...all.filter((node) => node.kind === 'stock' && node.rate === undefined && node.hidden),
    ...all.filter((node) => node.kind === 'stock' && node.rate !== undefined),
  ];
  stocks.forEach((node, index) => slots.set(node.id, stockBase + index));
  next = stockBase + stocks.length;
  for (const node of all) if (!slots.has(node.id) && node.kind !== 'table') slots.set(node.id, next++);

  const parameterStocks = new Set(
    parameters.filter((parameter) => parameter.kind === 'initial value').map((parameter) => parameter.id),
  );
  const initialOrder = initial.order
    .filter((id) => !constantIds.has(id) && !parameterStocks.has(id))
    .map((id) => nodes.get(id) as ModelNode);
  const dynamicOrder = dynamic.order
    .filter((id) => !constant.has(id))
    .map((id) => nodes.get(id) as ModelNode);
  const usesRandom = all.some((node) =>
    [node.equation, node.initial, node.rate, node.input, node.delayTime].some((expr) => {
      let found = false;
      if (expr !== undefined)
        walk(expr, (inner) => (found ||= inner.kind === 'call' && inner.id in RANDOM_FUNCTIONS));
      return found;
    }),
  );
  return {
    ok: true,
    value: {
      graph,
      specs,
      slotCount: next,
      slots,
      stepSlot,
      stocks,
      stockBase,
      parameters,
      initialOrder,
      dynamicOrder,
      constant,
      usesRandom,
    },
    warnings: [],
  };
}

/** A random function's seed, when given, must be a number known before the run. */
function checkRandomSeeds(node: ModelNode, errors: Diagnostic[]): void {
  for (const expr of [node.equation, node.initial, node.rate, node.input, node.delayTime]) {
    if (expr === undefined) continue;
    walk(expr, (inner) => {
      if (inner.kind !== 'call' || !(inner.id in RANDOM_FUNCTIONS)) return;
      const seed = inner.args[inner.id === 'triangular' ? 3 : 2];
      if (seed !== undefined && seed.kind !== 'number') {
        errors.push({
          code: 'bad-argument',
          variable: node.owner,
          message: `"${node.owner}": the seed of ${inner.name.toUpperCase()} must be a number, not an expression`,
        });
      }
    });
  }
}
