/**
 * Runs a compiled model. One Runner owns one Float64Array of values, the closures that read and write it,
 * and the result buffer; `run()` reuses all of them, so thousands of Monte Carlo runs allocate nothing per
 * run or per step. Integration follows the XMILE 1.0 section 3.1.1 / Vensim definitions:
 * - Euler: stock(t+dt) = stock(t) + dt*(inflows(t) - outflows(t)), flows computed from stocks at t;
 * - RK2: Heun's method, as Vensim's "RK2" (two derivative evaluations, at t and at t+dt);
 * - RK4: the classical fourth-order Runge-Kutta method, as Vensim and Stella.
 * Time is start + i*dt (never accumulated), so long runs do not drift. Values are saved every `saveEvery`
 * steps, flows and auxiliaries as computed at that time. A non-negative stock is held at zero when a step
 * would take it below (PySD's and the test-models' semantics: the flows themselves are reported unchanged).
 */
import type { IntegrationMethod } from '../document';
import { makeLookup } from '../graphical';
import { DT, STARTTIME, STOPTIME, TIME, type ModelNode } from '../graph/nodes';
import { RandomStream } from '../random';
import type { SimulationResult } from '../results';
import { compileAssignment, type Assignment } from './assignment';
import { PipelineDelay } from './delay';
import { compileExpression, type ExpressionEnvironment, type Thunk } from './expression';
import type { ModelPlan } from './plan';

export interface RunOptions {
  /** The parameter vector (CompiledModel.parameters order); the model's own values when absent. */
  readonly parameters?: Float64Array | undefined;
  /** Seed of the random functions that have no seed of their own. */
  readonly seed?: number | undefined;
}

/** The seed used when a run gives none: runs are reproducible unless asked otherwise. */
export const DEFAULT_SEED = 1;

export class Runner {
  /** The result of the last run: views of this runner's buffer, overwritten by the next run. */
  readonly result: SimulationResult;
  readonly method: IntegrationMethod;
  private readonly v: Float64Array;
  private readonly initialSlots: Int32Array;
  private readonly initialThunks: Thunk[];
  private readonly assignments: Assignment[];
  private readonly parameterSlots: Int32Array;
  private readonly parameterClamp: Uint8Array;
  private readonly defaults: Float64Array;
  // Stocks: the first `flowStocks` sum their flows, the rest have a rate closure. Each flow's part in a
  // stock's rate is one entry of a flat list (stock index, flow slot, 1 for an outflow), inflows first.
  private readonly flowStocks: number;
  private readonly termStocks: Int32Array;
  private readonly termSlots: Int32Array;
  private readonly termSigns: Float64Array;
  private readonly rateThunks: Thunk[];
  private readonly nonNegativeStocks: Int32Array;
  private readonly stockCount: number;
  private readonly stages: Float64Array[];
  private readonly state: Float64Array;
  private readonly previousSlots: Int32Array;
  private readonly previousInputs: Thunk[];
  private readonly previousPending: Float64Array;
  private readonly delays: PipelineDelay[];
  private readonly streams: { readonly stream: RandomStream; readonly seed: number | undefined }[] = [];
  private readonly buffer: Float64Array;
  private readonly outputSlots: Int32Array;
  private readonly outputOffsets: Int32Array;
  private readonly fixedSlots: Int32Array;
  private readonly fixedOffsets: Int32Array;
  private readonly timeSlot: number;
  private epoch = 0;

  constructor(
    private readonly plan: ModelPlan,
    options: { readonly method: IntegrationMethod; readonly outputs: readonly string[] },
  ) {
    this.method = options.method;
    const { slots, specs } = plan;
    const v = new Float64Array(plan.slotCount);
    this.v = v;
    this.timeSlot = slots.get(TIME) as number;
    const slotOf = (id: string): number => {
      const slot = slots.get(id);
      if (slot === undefined) throw new Error(`no slot for ${id}`);
      return slot;
    };
    const env: ExpressionEnvironment = {
      values: v,
      dialect: plan.graph.dialect,
      timeSlot: slotOf(TIME),
      dtSlot: slotOf(DT),
      stepSlot: plan.stepSlot,
      slotOf,
      tableOf: (id) => {
        const table = plan.graph.nodes.get(id)?.table;
        if (table === undefined) throw new Error(`no table for ${id}`);
        return table;
      },
      randomStream: (seed) => {
        const stream = new RandomStream(seed ?? DEFAULT_SEED);
        this.streams.push({ stream, seed });
        return stream;
      },
    };

    this.defaults = Float64Array.from(plan.parameters, (parameter) => parameter.value);
    this.parameterSlots = Int32Array.from(plan.parameters, (parameter) => slotOf(parameter.id));
    this.parameterClamp = Uint8Array.from(plan.parameters, (parameter) => {
      const node = plan.graph.nodes.get(parameter.id);
      return node?.kind === 'flow' && node.nonNegative ? 1 : 0;
    });

    this.delays = [];
    const delayOf = new Map<string, PipelineDelay>();
    for (const node of plan.graph.nodes.values()) {
      if (node.kind !== 'delay' || node.input === undefined || node.delayTime === undefined) continue;
      const delay = new PipelineDelay(
        slotOf(node.id),
        specs.steps,
        compileExpression(node.input, env),
        compileExpression(node.delayTime, env),
      );
      this.delays.push(delay);
      delayOf.set(node.id, delay);
    }

    this.initialSlots = Int32Array.from(plan.initialOrder, (node) => slotOf(node.id));
    this.initialThunks = plan.initialOrder.map((node) => this.initialThunk(node, env));
    this.assignments = plan.dynamicOrder.map((node) => {
      const target = slotOf(node.id);
      if (node.kind === 'delay') {
        const thunk = (delayOf.get(node.id) as PipelineDelay).output(v, env.timeSlot, specs.start, specs.dt);
        return () => void (v[target] = thunk());
      }
      const plain = node.table === undefined && !(node.kind === 'flow' && node.nonNegative);
      if (plain && node.equation !== undefined) return compileAssignment(node.equation, target, env);
      const thunk = this.valueThunk(node, env);
      return () => void (v[target] = thunk());
    });

    const flowStocks = plan.stocks.filter((stock) => stock.rate === undefined);
    this.flowStocks = flowStocks.length;
    this.stockCount = plan.stocks.length;
    const terms = flowStocks.flatMap((stock, index) => [
      ...(stock.inflows ?? []).map((flow) => [index, slotOf(flow), 0] as const),
      ...(stock.outflows ?? []).map((flow) => [index, slotOf(flow), 1] as const),
    ]);
    this.termStocks = Int32Array.from(terms, ([stock]) => stock);
    this.termSlots = Int32Array.from(terms, ([, slot]) => slot);
    // Adding -1 * flow is exactly subtracting it, so the rate rounds as inflows - outflows would.
    this.termSigns = Float64Array.from(terms, ([, , outflow]) => (outflow === 1 ? -1 : 1));
    this.rateThunks = plan.stocks
      .slice(this.flowStocks)
      .map((stock) => compileExpression(stock.rate as NonNullable<ModelNode['rate']>, env));
    this.nonNegativeStocks = Int32Array.from(
      plan.stocks.flatMap((stock, index) => (stock.nonNegative ? [index] : [])),
    );
    this.stages = Array.from({ length: 4 }, () => new Float64Array(this.stockCount));
    this.state = new Float64Array(this.stockCount);

    const previous = [...plan.graph.nodes.values()].filter(
      (node) => node.kind === 'previous' && node.input !== undefined,
    );
    this.previousSlots = Int32Array.from(previous, (node) => slotOf(node.id));
    this.previousInputs = previous.map((node) =>
      compileExpression(node.input as NonNullable<ModelNode['input']>, env),
    );
    this.previousPending = new Float64Array(previous.length);

    const saves = specs.saves;
    this.buffer = new Float64Array(saves * (options.outputs.length + 1));
    const dynamic: [number, number][] = [];
    const fixed: [number, number][] = [];
    options.outputs.forEach((id, index) => {
      (plan.constant.has(id) ? fixed : dynamic).push([slotOf(id), (index + 1) * saves]);
    });
    this.outputSlots = Int32Array.from(dynamic, ([slot]) => slot);
    this.outputOffsets = Int32Array.from(dynamic, ([, offset]) => offset);
    this.fixedSlots = Int32Array.from(fixed, ([slot]) => slot);
    this.fixedOffsets = Int32Array.from(fixed, ([, offset]) => offset);
    const names = options.outputs.map((id) => plan.graph.nodes.get(id)?.name ?? id);
    this.result = {
      names,
      ids: [...options.outputs],
      time: this.buffer.subarray(0, saves),
      series: options.outputs.map((_, index) =>
        this.buffer.subarray((index + 1) * saves, (index + 2) * saves),
      ),
    };
  }

  /** A node's value as computed every step: its equation, through its graphical function, clamped if a uniflow. */
  private valueThunk(node: ModelNode, env: ExpressionEnvironment): Thunk {
    const equation = node.equation;
    if (equation === undefined) throw new Error(`${node.id} has no equation`);
    let thunk = compileExpression(equation, env);
    if (node.table !== undefined) {
      const lookup = makeLookup(node.table);
      const input = thunk;
      thunk = () => lookup(input());
    }
    if (node.kind === 'flow' && node.nonNegative) {
      const raw = thunk;
      thunk = () => {
        const value = raw();
        return value < 0 ? 0 : value;
      };
    }
    return thunk;
  }

  private initialThunk(node: ModelNode, env: ExpressionEnvironment): Thunk {
    if (node.kind === 'aux' || node.kind === 'flow') return this.valueThunk(node, env);
    if (node.initial === undefined) throw new Error(`${node.id} has no initial value`);
    return compileExpression(node.initial, env);
  }

  private evaluate(): void {
    for (const assignment of this.assignments) assignment();
  }

  /** d(stock)/dt for every stock into `out`, from the values now in the buffer. */
  private rates(out: Float64Array): void {
    const v = this.v;
    const stocks = this.termStocks;
    const slots = this.termSlots;
    const signs = this.termSigns;
    for (let stock = 0; stock < this.flowStocks; stock++) out[stock] = 0;
    for (let term = 0; term < stocks.length; term++) {
      const stock = stocks[term] as number;
      out[stock] = (out[stock] as number) + (signs[term] as number) * (v[slots[term] as number] as number);
    }
    const thunks = this.rateThunks;
    for (let index = 0; index < thunks.length; index++)
      out[this.flowStocks + index] = (thunks[index] as Thunk)();
  }

  private clampStocks(base: number): void {
    const v = this.v;
    const nonNegative = this.nonNegativeStocks;
    for (const stock of nonNegative) {
      const slot = base + stock;
      if ((v[slot] as number) < 0) v[slot] = 0;
    }
  }

  /**
   * Runs the model from start to stop. Setting up, stepping and finishing are separate methods so each is
   * optimised on its own (a loop optimised on the stack and then left for code never run before would
   * deoptimise at the end of every run).
   */
  run(options: RunOptions = {}): SimulationResult {
    this.begin(options);
    this.step();
    this.finish();
    return this.result;
  }

  /** Time, parameters, random streams and initial values. */
  private begin(options: RunOptions): void {
    const v = this.v;
    const { specs, slots, stepSlot } = this.plan;
    v.fill(0);
    v[slots.get(TIME) as number] = specs.start;
    v[slots.get(DT) as number] = specs.dt;
    v[slots.get(STARTTIME) as number] = specs.start;
    v[slots.get(STOPTIME) as number] = specs.stop;
    // The step counter keeps growing across runs so random draws held per step never leak between runs.
    this.epoch += specs.steps + 2;
    v[stepSlot] = this.epoch;
    for (const { stream, seed } of this.streams) stream.reseed(seed ?? options.seed ?? DEFAULT_SEED);
    const parameters = options.parameters ?? this.defaults;
    for (let index = 0; index < this.parameterSlots.length; index++) {
      const value = parameters[index] ?? (this.defaults[index] as number);
      v[this.parameterSlots[index] as number] = this.parameterClamp[index] === 1 && value < 0 ? 0 : value;
    }
    for (let index = 0; index < this.initialSlots.length; index++) {
      v[this.initialSlots[index] as number] = (this.initialThunks[index] as Thunk)();
    }
    for (const delay of this.delays) delay.begin(v, specs.dt);
  }

  /** Every step from start to stop: compute, record, save, integrate. */
  private step(): void {
    const v = this.v;
    const { specs, stockBase, stepSlot } = this.plan;
    const { start, dt, steps, saveEvery } = specs;
    const epoch = this.epoch;
    const buffer = this.buffer;
    const outputSlots = this.outputSlots;
    const outputOffsets = this.outputOffsets;
    const outputs = outputSlots.length;
    const delays = this.delays;
    const previousSlots = this.previousSlots;
    const previousInputs = this.previousInputs;
    const previousCount = previousSlots.length;
    const pending = this.previousPending;
    const timeSlot = this.timeSlot;
    const stockCount = this.stockCount;
    const euler = this.method === 'euler';
    const k1 = this.stages[0] as Float64Array;
    let save = 0;
    let untilSave = 0;
    for (let step = 0; ; step++) {
      const time = start + step * dt;
      v[timeSlot] = time;
      v[stepSlot] = epoch + step;
      this.evaluate();
      if (delays.length > 0) this.record(step);
      for (let index = 0; index < previousCount; index++) pending[index] = (previousInputs[index] as Thunk)();
      if (untilSave === 0) {
        buffer[save] = time;
        for (let index = 0; index < outputs; index++) {
          buffer[(outputOffsets[index] as number) + save] = v[outputSlots[index] as number] as number;
        }
        save++;
        untilSave = saveEvery;
      }
      untilSave--;
      if (step >= steps) break;
      this.rates(k1);
      if (euler) {
        for (let stock = 0; stock < stockCount; stock++) {
          v[stockBase + stock] = (v[stockBase + stock] as number) + dt * (k1[stock] as number);
        }
      } else {
        this.rungeKutta(time);
      }
      if (this.nonNegativeStocks.length > 0) this.clampStocks(stockBase);
      for (let index = 0; index < previousCount; index++)
        v[previousSlots[index] as number] = pending[index] as number;
    }
  }

  /** DELAY inputs as they are at this step. */
  private record(step: number): void {
    for (const delay of this.delays) delay.record(step);
  }

  /** Values that never change are written to their whole column once. */
  private finish(): void {
    const v = this.v;
    const saves = this.plan.specs.saves;
    for (let index = 0; index < this.fixedSlots.length; index++) {
      const offset = this.fixedOffsets[index] as number;
      this.buffer.fill(v[this.fixedSlots[index] as number] as number, offset, offset + saves);
    }
  }

  /** One RK2 (Heun) or RK4 step from the state at `time`, whose derivative is already in stage 0. */
  private rungeKutta(time: number): void {
    const v = this.v;
    const { stockBase } = this.plan;
    const { dt } = this.plan.specs;
    const timeSlot = this.plan.slots.get(TIME) as number;
    const count = this.stockCount;
    const y0 = this.state;
    const [k1, k2, k3, k4] = this.stages as [Float64Array, Float64Array, Float64Array, Float64Array];
    for (let stock = 0; stock < count; stock++) y0[stock] = v[stockBase + stock] as number;
    const stage = (at: number, from: Float64Array, fraction: number, into: Float64Array): void => {
      v[timeSlot] = at;
      for (let stock = 0; stock < count; stock++)
        v[stockBase + stock] = (y0[stock] as number) + fraction * dt * (from[stock] as number);
      this.evaluate();
      this.rates(into);
    };
    if (this.method === 'rk2') {
      stage(time + dt, k1, 1, k2);
      for (let stock = 0; stock < count; stock++) {
        v[stockBase + stock] =
          (y0[stock] as number) + (dt / 2) * ((k1[stock] as number) + (k2[stock] as number));
      }
      return;
    }
    stage(time + dt / 2, k1, 0.5, k2);
    stage(time + dt / 2, k2, 0.5, k3);
    stage(time + dt, k3, 1, k4);
    for (let stock = 0; stock < count; stock++) {
      const slope =
        (k1[stock] as number) + 2 * (k2[stock] as number) + 2 * (k3[stock] as number) + (k4[stock] as number);
      v[stockBase + stock] = (y0[stock] as number) + (dt / 6) * slope;
    }
  }
}
