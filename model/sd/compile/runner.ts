/**
 * Runs a compiled model. One Runner owns one Float64Array of values, the programs (program.ts: flat lists
 * of closures) that read and write it, and the result buffer; `run()` reuses all of them, so thousands of
 * Monte Carlo runs allocate nothing per run or per step. Integration follows the XMILE 1.0 section 3.1.1 / Vensim definitions:
 * - Euler: stock(t+dt) = stock(t) + dt*(inflows(t) - outflows(t)), flows computed from stocks at t;
 * - RK2: Heun's method, as Vensim's "RK2" (two derivative evaluations, at t and at t+dt);
 * - RK4: the classical fourth-order Runge-Kutta method, as Vensim and Stella.
 * Time is start + i*dt (never accumulated), so long runs do not drift. Values are saved every `saveEvery`
 * steps, flows and auxiliaries as computed at that time. A non-negative stock is held at zero when a step
 * would take it below (PySD's and the test-models' semantics: the flows themselves are reported unchanged).
 */
import type { IntegrationMethod } from '../document';
import { DT, STARTTIME, STOPTIME, TIME, type ModelNode } from '../graph/nodes';
import { RandomStream } from '../random';
import type { SimulationResult } from '../results';
import { PipelineDelay } from './delay';
import { literalKinds, runProgram } from './dispatch';
import type { ExpressionEnvironment } from './expression';
import type { Instruction } from './instructions';
import type { ModelPlan } from './plan';
import { link, ProgramBuilder, type Linkable } from './program';
import { toTree, type Tree, type TreeContext } from './tree';
import { compileStepKernel, type KernelEquation } from './wasm';

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
  /** Computes the start values (parameters excluded: they are copied in). */
  private readonly initialProgram: Instruction[];
  /** Computes the hoisted constant parts of the step's equations, once the start values are known. */
  private readonly hoistedProgram: Instruction[];
  /** Computes every auxiliary and flow, then the rate expressions of stocks into `rateBase + stock`. */
  private readonly program: Instruction[];
  /** The step's equations compiled to WebAssembly, run instead of `program` when there is one. */
  private readonly kernel: (() => void) | undefined;
  /** `step` itself compiled to WebAssembly (Euler, nothing but equations and stocks), when there is one. */
  private readonly eulerKernel: ((epoch: number) => void) | undefined;
  /** Each instruction's function literal, for `runProgram`'s dispatch. */
  private readonly kinds: Uint8Array;
  private readonly numberSlots: Int32Array;
  private readonly numberValues: Float64Array;
  private readonly parameterSlots: Int32Array;
  private readonly parameterClamp: Uint8Array;
  private readonly defaults: Float64Array;
  private readonly rateBase: number;
  // The stocks that sum flows (the first `middles.length`): stock k's flows are slots[starts[k]] to
  // slots[middles[k]] in, then to slots[starts[k + 1]] out. Their rates are summed where they are used, in
  // the integration loop, rather than by instructions.
  private readonly flows: {
    readonly starts: Int32Array;
    readonly middles: Int32Array;
    readonly slots: Int32Array;
  };
  private readonly nonNegativeStocks: Int32Array;
  /** Per stock: 0 for a non-negative stock, -Infinity for the others (`next < floor` is then never true). */
  private readonly floors: Float64Array;
  private readonly stockCount: number;
  private readonly stages: Float64Array[];
  private readonly state: Float64Array;
  private readonly previousSlots: Int32Array;
  /** Slots PREVIOUS samples at each step, for `previousSlots` one step later. */
  private readonly previousInputs: Int32Array;
  private readonly previousPending: Float64Array;
  private readonly delays: PipelineDelay[];
  private readonly streams: { readonly stream: RandomStream; readonly seed: number | undefined }[] = [];
  private readonly buffer: Float64Array;
  /** Slots of the outputs that change, in the order of their columns (1, 2, ...; column 0 is time). */
  private readonly outputSlots: Int32Array;
  /** The first of `outputSlots` when they are one range of the array (every variable, say), else -1. */
  private readonly outputBase: number;
  private readonly fixedSlots: Int32Array;
  private readonly fixedOffsets: Int32Array;
  /** The value each fixed column holds, once `fixedValid` (after the first run). */
  private readonly fixedFilled: Float64Array;
  private fixedValid = false;
  private readonly timeSlot: number;
  private epoch = 0;

  constructor(
    private readonly plan: ModelPlan,
    options: { readonly method: IntegrationMethod; readonly outputs: readonly string[] },
  ) {
    this.method = options.method;
    const { slots, specs, graph } = plan;
    this.timeSlot = slots.get(TIME) as number;
    const slotOf = (id: string): number => {
      const slot = slots.get(id);
      if (slot === undefined) throw new Error(`no slot for ${id}`);
      return slot;
    };
    const context: TreeContext = {
      dialect: graph.dialect,
      timeSlot: slotOf(TIME),
      dtSlot: slotOf(DT),
      slotOf,
      tableOf: (id) => {
        const table = graph.nodes.get(id)?.table;
        if (table === undefined) throw new Error(`no table for ${id}`);
        return table;
      },
    };

    // Programs are built first (they count the slots they need), then linked to the array.
    this.stockCount = plan.stocks.length;
    this.rateBase = plan.slotCount;
    const builder = new ProgramBuilder(
      plan.slotCount + this.stockCount,
      new Set([...plan.constant].map((id) => slotOf(id))),
    );
    const initial: Linkable[] = [];
    for (const node of plan.initialOrder) builder.emit(initialTree(node, context), slotOf(node.id), initial);
    const dynamic: Linkable[] = [];
    // The same equations for a WebAssembly kernel (wasm.ts); a DELAY's output is its instruction, called.
    const kernelEquations: KernelEquation[] = [];
    const delayOf = new Map<string, PipelineDelay>();
    const delayOutputs = new Map<string, Instruction>();
    for (const node of plan.dynamicOrder) {
      const target = slotOf(node.id);
      if (node.kind === 'delay') {
        dynamic.push(({ values }) => {
          const output = (delayOf.get(node.id) as PipelineDelay).output(
            values,
            context.timeSlot,
            specs.start,
            specs.dt,
          );
          delayOutputs.set(node.id, output);
          return output;
        });
        kernelEquations.push({ call: () => (delayOutputs.get(node.id) as Instruction)() });
        continue;
      }
      const tree = builder.hoist(valueTree(node, context));
      kernelEquations.push({ tree, target });
      builder.emit(tree, target, dynamic);
    }
    // Rates of change: the rate expressions come last in the program; flows are summed when integrating.
    const flowStocks = plan.stocks.filter((stock) => stock.rate === undefined);
    const starts = new Int32Array(flowStocks.length + 1);
    const middles = new Int32Array(flowStocks.length);
    const terms: number[] = [];
    flowStocks.forEach((stock, index) => {
      starts[index] = terms.length;
      terms.push(...(stock.inflows ?? []).map(slotOf));
      middles[index] = terms.length;
      terms.push(...(stock.outflows ?? []).map(slotOf));
    });
    starts[flowStocks.length] = terms.length;
    this.flows = { starts, middles, slots: Int32Array.from(terms) };
    plan.stocks.forEach((stock, index) => {
      if (stock.rate === undefined) return;
      const tree = builder.hoist(toTree(stock.rate, context));
      kernelEquations.push({ tree, target: this.rateBase + index });
      builder.emit(tree, this.rateBase + index, dynamic);
    });

    // What DELAY and PREVIOUS sample each step, and a DELAY's delay time: slots (lowering makes them
    // variables or numbers; anything else is computed after the step's program, before it is sampled).
    const sampled: Linkable[] = [];
    const sampledEquations: KernelEquation[] = [];
    const inputs = new Map<string, number>();
    const delayTimes = new Map<string, number>();
    for (const node of graph.nodes.values()) {
      if ((node.kind !== 'delay' && node.kind !== 'previous') || node.input === undefined) continue;
      const input = toTree(node.input, context);
      const inputSlot = builder.operand(input, sampled);
      inputs.set(node.id, inputSlot);
      if (input.kind !== 'slot' && input.kind !== 'number')
        sampledEquations.push({ tree: input, target: inputSlot });
      if (node.delayTime !== undefined)
        delayTimes.set(node.id, builder.operand(toTree(node.delayTime, context), initial));
    }
    dynamic.push(...sampled);
    // Columns: time, the outputs that change (by slot, so each step reads the array in order), then those
    // that do not. The series views give the caller's order back (a worker transfers the buffer whole).
    const saves = specs.saves;
    const changing = options.outputs
      .filter((id) => !plan.constant.has(id))
      .sort((a, b) => slotOf(a) - slotOf(b));
    const fixed = options.outputs.filter((id) => plan.constant.has(id));
    this.outputSlots = Int32Array.from(changing, slotOf);
    const bufferLength = saves * (options.outputs.length + 1);

    // With a kernel, the array (and, with its Euler loop, the result buffer) lives in its memory, so the
    // closures below (start values, hoisted parts) and the step loop work on the slots the kernel computes.
    const previousCount = [...graph.nodes.values()].filter((node) => node.kind === 'previous').length;
    const hasDelays = [...graph.nodes.values()].some(
      (node) => node.kind === 'delay' && node.input !== undefined && node.delayTime !== undefined,
    );
    const kernel = compileStepKernel([...kernelEquations, ...sampledEquations], {
      slotCount: builder.slotCount,
      loop:
        this.method === 'euler' && previousCount === 0
          ? {
              start: specs.start,
              dt: specs.dt,
              steps: specs.steps,
              saveEvery: specs.saveEvery,
              saves,
              timeSlot: context.timeSlot,
              stepSlot: plan.stepSlot,
              outputSlots: this.outputSlots,
              flowStocks: flowStocks.map((stock) => ({
                slot: slotOf(stock.id),
                inflows: (stock.inflows ?? []).map(slotOf),
                outflows: (stock.outflows ?? []).map(slotOf),
                nonNegative: stock.nonNegative,
              })),
              rateStocks: plan.stocks.flatMap((stock, index) =>
                stock.rate === undefined
                  ? []
                  : [{ slot: slotOf(stock.id), rate: this.rateBase + index, nonNegative: stock.nonNegative }],
              ),
              bufferLength,
              record: hasDelays ? (step) => this.record(step) : undefined,
            }
          : undefined,
    });
    this.kernel = kernel?.run;
    this.eulerKernel = kernel?.euler;
    const v = kernel?.values ?? new Float64Array(builder.slotCount);
    this.v = v;
    const env: ExpressionEnvironment = {
      values: v,
      dialect: graph.dialect,
      timeSlot: context.timeSlot,
      dtSlot: context.dtSlot,
      stepSlot: plan.stepSlot,
      slotOf,
      tableOf: context.tableOf,
      randomStream: (seed) => {
        const stream = new RandomStream(seed ?? DEFAULT_SEED);
        this.streams.push({ stream, seed });
        return stream;
      },
    };
    this.delays = [];
    for (const node of graph.nodes.values()) {
      if (node.kind !== 'delay' || node.input === undefined || node.delayTime === undefined) continue;
      const delay = new PipelineDelay(
        slotOf(node.id),
        specs.steps,
        inputs.get(node.id) as number,
        delayTimes.get(node.id) as number,
      );
      this.delays.push(delay);
      delayOf.set(node.id, delay);
    }
    this.initialProgram = link(initial, env);
    this.hoistedProgram = link(builder.hoisted, env);
    this.program = link(dynamic, env);
    this.kinds = literalKinds(this.program);
    const numbers = builder.numberTable();
    this.numberSlots = numbers.slots;
    this.numberValues = numbers.values;

    this.defaults = Float64Array.from(plan.parameters, (parameter) => parameter.value);
    this.parameterSlots = Int32Array.from(plan.parameters, (parameter) => slotOf(parameter.id));
    this.parameterClamp = Uint8Array.from(plan.parameters, (parameter) => {
      const node = graph.nodes.get(parameter.id);
      return node?.kind === 'flow' && node.nonNegative ? 1 : 0;
    });

    this.floors = Float64Array.from(plan.stocks, (stock) => (stock.nonNegative ? 0 : -Infinity));
    this.nonNegativeStocks = Int32Array.from(
      plan.stocks.flatMap((stock, index) => (stock.nonNegative ? [index] : [])),
    );
    this.stages = Array.from({ length: 4 }, () => new Float64Array(this.stockCount));
    this.state = new Float64Array(this.stockCount);

    const previous = [...graph.nodes.values()].filter(
      (node) => node.kind === 'previous' && node.input !== undefined,
    );
    this.previousSlots = Int32Array.from(previous, (node) => slotOf(node.id));
    this.previousInputs = Int32Array.from(previous, (node) => inputs.get(node.id) as number);
    this.previousPending = new Float64Array(previous.length);

    this.buffer = kernel?.buffer ?? new Float64Array(bufferLength);
    const column = new Map([...changing, ...fixed].map((id, index) => [id, index + 1]));
    const first = this.outputSlots[0] ?? 0;
    this.outputBase = this.outputSlots.every((slot, index) => slot === first + index) ? first : -1;
    this.fixedSlots = Int32Array.from(fixed, slotOf);
    this.fixedOffsets = Int32Array.from(fixed, (id) => (column.get(id) as number) * saves);
    this.fixedFilled = new Float64Array(fixed.length);
    const names = options.outputs.map((id) => graph.nodes.get(id)?.name ?? id);
    this.result = {
      names,
      ids: [...options.outputs],
      time: this.buffer.subarray(0, saves),
      series: options.outputs.map((id) => {
        const offset = (column.get(id) as number) * saves;
        return this.buffer.subarray(offset, offset + saves);
      }),
    };
  }

  /**
   * What runs the steps: the whole loop compiled to WebAssembly, the step's equations compiled to it (within
   * the JavaScript loop: Runge-Kutta, PREVIOUS), or the closures alone (random draws, no WebAssembly).
   */
  get backend(): 'webassembly loop' | 'webassembly equations' | 'closures' {
    if (this.eulerKernel !== undefined) return 'webassembly loop';
    return this.kernel === undefined ? 'closures' : 'webassembly equations';
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

  /** Time, numbers, parameters, random streams, start values and the hoisted constant parts. */
  private begin(options: RunOptions): void {
    const v = this.v;
    const { specs, slots, stepSlot } = this.plan;
    v.fill(0);
    v[slots.get(TIME) as number] = specs.start;
    v[slots.get(DT) as number] = specs.dt;
    v[slots.get(STARTTIME) as number] = specs.start;
    v[slots.get(STOPTIME) as number] = specs.stop;
    for (let index = 0; index < this.numberSlots.length; index++)
      v[this.numberSlots[index] as number] = this.numberValues[index] as number;
    // The step counter keeps growing across runs so random draws held per step never leak between runs.
    this.epoch += specs.steps + 2;
    v[stepSlot] = this.epoch;
    for (const { stream, seed } of this.streams) stream.reseed(seed ?? options.seed ?? DEFAULT_SEED);
    const parameters = options.parameters ?? this.defaults;
    for (let index = 0; index < this.parameterSlots.length; index++) {
      const value = parameters[index] ?? (this.defaults[index] as number);
      v[this.parameterSlots[index] as number] = this.parameterClamp[index] === 1 && value < 0 ? 0 : value;
    }
    for (const instruction of this.initialProgram) instruction();
    for (const instruction of this.hoistedProgram) instruction();
    for (const delay of this.delays) delay.begin(v, specs.dt);
  }

  /** Every step from start to stop: compute, record, save, integrate. */
  private step(): void {
    if (this.eulerKernel !== undefined) {
      this.eulerKernel(this.epoch);
      return;
    }
    const v = this.v;
    const { specs, stockBase, stepSlot } = this.plan;
    const { start, dt, steps, saveEvery, saves } = specs;
    const epoch = this.epoch;
    const program = this.program;
    const kinds = this.kinds;
    const kernel = this.kernel;
    const rateBase = this.rateBase;
    const buffer = this.buffer;
    const outputSlots = this.outputSlots;
    const outputs = outputSlots.length;
    const outputBase = this.outputBase;
    const delays = this.delays;
    const previousSlots = this.previousSlots;
    const previousInputs = this.previousInputs;
    const previousCount = previousSlots.length;
    const pending = this.previousPending;
    const timeSlot = this.timeSlot;
    const stockCount = this.stockCount;
    const euler = this.method === 'euler';
    const { starts: flowStarts, middles: flowMiddles, slots: flowSlots } = this.flows;
    const clamping = this.nonNegativeStocks.length > 0;
    const floors = this.floors;
    let save = 0;
    let untilSave = 0;
    for (let step = 0; ; step++) {
      const time = start + step * dt;
      v[timeSlot] = time;
      v[stepSlot] = epoch + step;
      if (kernel !== undefined) kernel();
      else runProgram(program, kinds);
      if (delays.length > 0) this.record(step);
      for (let index = 0; index < previousCount; index++)
        pending[index] = v[previousInputs[index] as number] as number;
      if (untilSave === 0) {
        buffer[save] = time;
        if (outputBase >= 0) {
          for (let index = 0, at = save + saves; index < outputs; index++, at += saves)
            buffer[at] = v[outputBase + index] as number;
        } else {
          for (let index = 0, at = save + saves; index < outputs; index++, at += saves)
            buffer[at] = v[outputSlots[index] as number] as number;
        }
        save++;
        untilSave = saveEvery;
      }
      untilSave--;
      if (step >= steps) break;
      if (euler) {
        const flowStocks = flowMiddles.length;
        // 0 + inflows - outflows in list order, as the rate always summed; a non-negative stock held at zero
        // as it is stepped (`next < 0 ? 0 : next`, as clampStocks does after a Runge-Kutta step).
        for (let stock = 0; stock < flowStocks; stock++) {
          let rate = 0;
          const middle = flowMiddles[stock] as number;
          const end = flowStarts[stock + 1] as number;
          for (let term = flowStarts[stock] as number; term < middle; term++)
            rate += v[flowSlots[term] as number] as number;
          for (let term = middle; term < end; term++) rate -= v[flowSlots[term] as number] as number;
          const next = (v[stockBase + stock] as number) + dt * rate;
          v[stockBase + stock] = clamping && next < (floors[stock] as number) ? 0 : next;
        }
        for (let stock = flowStocks; stock < stockCount; stock++) {
          const next = (v[stockBase + stock] as number) + dt * (v[rateBase + stock] as number);
          v[stockBase + stock] = clamping && next < (floors[stock] as number) ? 0 : next;
        }
      } else {
        this.rungeKutta(time);
        if (clamping) this.clampStocks(stockBase);
      }
      for (let index = 0; index < previousCount; index++)
        v[previousSlots[index] as number] = pending[index] as number;
    }
  }

  /** DELAY inputs as they are at this step. */
  private record(step: number): void {
    for (const delay of this.delays) delay.record(this.v, step);
  }

  /**
   * Values that never change are written to their whole column once, and not again while a later run keeps
   * the value (the buffer is this runner's own: a run with most constants unchanged, a what-if slider's,
   * refills only the columns that changed).
   */
  private finish(): void {
    const v = this.v;
    const saves = this.plan.specs.saves;
    const filled = this.fixedFilled;
    for (let index = 0; index < this.fixedSlots.length; index++) {
      const value = v[this.fixedSlots[index] as number] as number;
      if (this.fixedValid && Object.is(filled[index], value)) continue;
      const offset = this.fixedOffsets[index] as number;
      this.buffer.fill(value, offset, offset + saves);
      filled[index] = value;
    }
    this.fixedValid = true;
  }

  /** The rates of change into `into`: flows summed, rate expressions as the program left them. */
  private rates(into: Float64Array): void {
    const v = this.v;
    const { starts, middles, slots } = this.flows;
    const flowStocks = middles.length;
    for (let stock = 0; stock < flowStocks; stock++) {
      let rate = 0;
      const middle = middles[stock] as number;
      const end = starts[stock + 1] as number;
      for (let term = starts[stock] as number; term < middle; term++)
        rate += v[slots[term] as number] as number;
      for (let term = middle; term < end; term++) rate -= v[slots[term] as number] as number;
      into[stock] = rate;
    }
    for (let stock = flowStocks; stock < this.stockCount; stock++)
      into[stock] = v[this.rateBase + stock] as number;
  }

  /** Sets the stocks to y0 + fraction*dt*slope at time `at`, computes everything, and keeps the rates. */
  private stage(at: number, from: Float64Array, fraction: number, into: Float64Array): void {
    const v = this.v;
    const { stockBase } = this.plan;
    const { dt } = this.plan.specs;
    const y0 = this.state;
    const count = this.stockCount;
    v[this.timeSlot] = at;
    for (let stock = 0; stock < count; stock++)
      v[stockBase + stock] = (y0[stock] as number) + fraction * dt * (from[stock] as number);
    if (this.kernel !== undefined) this.kernel();
    else runProgram(this.program, this.kinds);
    this.rates(into);
  }

  /** One RK2 (Heun) or RK4 step from the state at `time`, with the program run at `time`. */
  private rungeKutta(time: number): void {
    const v = this.v;
    const { stockBase } = this.plan;
    const { dt } = this.plan.specs;
    const count = this.stockCount;
    const y0 = this.state;
    const [k1, k2, k3, k4] = this.stages as [Float64Array, Float64Array, Float64Array, Float64Array];
    for (let stock = 0; stock < count; stock++) y0[stock] = v[stockBase + stock] as number;
    this.rates(k1);
    if (this.method === 'rk2') {
      this.stage(time + dt, k1, 1, k2);
      for (let stock = 0; stock < count; stock++) {
        v[stockBase + stock] =
          (y0[stock] as number) + (dt / 2) * ((k1[stock] as number) + (k2[stock] as number));
      }
      return;
    }
    this.stage(time + dt / 2, k1, 0.5, k2);
    this.stage(time + dt / 2, k2, 0.5, k3);
    this.stage(time + dt, k3, 1, k4);
    for (let stock = 0; stock < count; stock++) {
      const slope =
        (k1[stock] as number) + 2 * (k2[stock] as number) + 2 * (k3[stock] as number) + (k4[stock] as number);
      v[stockBase + stock] = (y0[stock] as number) + (dt / 6) * slope;
    }
  }
}

/** A node's value as computed every step: its equation, through its graphical function, clamped if a uniflow. */
function valueTree(node: ModelNode, context: TreeContext): Tree {
  if (node.equation === undefined) throw new Error(`${node.id} has no equation`);
  let tree = toTree(node.equation, context);
  if (node.table !== undefined) tree = { kind: 'lookup', table: node.table, input: tree };
  if (node.kind === 'flow' && node.nonNegative) tree = { kind: 'clamp', operand: tree };
  return tree;
}

/** A node's value when the run starts. */
function initialTree(node: ModelNode, context: TreeContext): Tree {
  if (node.kind === 'aux' || node.kind === 'flow') return valueTree(node, context);
  if (node.initial === undefined) throw new Error(`${node.id} has no initial value`);
  return toTree(node.initial, context);
}
