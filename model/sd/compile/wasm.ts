/**
 * A step's equations as one WebAssembly function, where WebAssembly may be compiled. The closures of
 * program.ts call a function per instruction (a few nanoseconds each, however well V8 inlines them); here
 * every equation is straight-line code over the same array, which the runner then allocates in the module's
 * memory, so the start values, the hoisted constant parts and the step loop (all JavaScript) read and write
 * the very slots the kernel does. Nothing is generated as JavaScript: the renderer's CSP forbids `eval`;
 * WebAssembly needs only `'wasm-unsafe-eval'` (electron/csp.ts). Where compiling is refused (another CSP,
 * no WebAssembly) the runner keeps its closures.
 *
 * Results are the closures' to the last bit: each tree is evaluated in its own order with the same IEEE
 * operations (WebAssembly has no fused multiply-add and rounds every f64 operation as JavaScript does);
 * comparisons with `=`, truth values, graphical functions and builtins call the very JavaScript functions
 * the closures call; `min`, `max`, clamping and SAFEDIV are the closures' conditional expressions, not
 * WebAssembly's own min/max (which differ on -0 and NaN). test/model/sd/wasm.test.ts holds every
 * conformance model to that.
 *
 * Binary format: WebAssembly Core Specification 1.0, section 5 (https://www.w3.org/TR/wasm-core-1/#binary-format%E2%91%A0).
 */
import { approximatelyEqual, isTrue } from '../functions';
import type { LookupTable } from '../graphical';
import { lookup } from './instructions';
import { children, type Tree } from './tree';

/**
 * An equation of the step: its tree (after hoisting) and the slot it writes; or a JavaScript function called
 * in its place (a DELAY's output, which reads the pipeline's history).
 */
export type KernelEquation = { readonly tree: Tree; readonly target: number } | { readonly call: () => void };

export interface StepKernel {
  /** The run's array, in the module's memory (never grown, so this view stays valid). */
  readonly values: Float64Array;
  /** Computes every equation of the step, in order. */
  readonly run: () => void;
}

/** Whether a tree can be compiled: everything but equations left to the closure compiler (random draws). */
export function kernelSupports(tree: Tree): boolean {
  return tree.kind !== 'thunk' && children(tree).every(kernelSupports);
}

// Opcodes (section 5.4) and types (section 5.3).
const F64 = 0x7c;
const I32 = 0x7f;
const FUNC = 0x60;
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  f64Const: 0x44,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Ge: 0x66,
  f64Neg: 0x9a,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64ConvertI32U: 0xb8,
} as const;

/** Unsigned LEB128 (section 5.2.2). */
function unsigned(value: number, out: number[]): void {
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
}

const scratch = new DataView(new ArrayBuffer(8));

function f64Bytes(value: number, out: number[]): void {
  scratch.setFloat64(0, value, true);
  for (let index = 0; index < 8; index++) out.push(scratch.getUint8(index));
}

/** Appends bytes one by one (a spread would pass a large function's code as arguments, past the limit). */
function append(bytes: readonly number[], out: number[]): void {
  for (const byte of bytes) out.push(byte);
}

function section(id: number, body: number[], out: number[]): void {
  out.push(id);
  unsigned(body.length, out);
  append(body, out);
}

function vector(items: readonly number[][], out: number[]): void {
  unsigned(items.length, out);
  for (const item of items) append(item, out);
}

type ImportedFunction = (...args: number[]) => unknown;
/** A function's result: a number, a truth (i32) or nothing. */
type ImportedResult = 'f64' | 'i32' | 'none';

/** The JavaScript functions the kernel calls, each with its signature. */
class Imports {
  readonly functions: ImportedFunction[] = [];
  readonly signatures: string[] = [];
  private readonly byFunction = new Map<unknown, Map<string, number>>();
  private readonly tables = new Map<LookupTable, (x: number) => number>();

  /** One function per graphical function, whichever body calls it. */
  lookup(table: LookupTable): (x: number) => number {
    let fn = this.tables.get(table);
    if (fn === undefined) {
      fn = lookupFunction(table);
      this.tables.set(table, fn);
    }
    return fn;
  }

  /** The import index of a function taking `arity` numbers and giving a number (or, `i32`, a truth). */
  index(fn: ImportedFunction, arity: number, result: ImportedResult = 'f64'): number {
    const signature = `${arity}:${result}`;
    let bySignature = this.byFunction.get(fn);
    if (bySignature === undefined) {
      bySignature = new Map();
      this.byFunction.set(fn, bySignature);
    }
    let index = bySignature.get(signature);
    if (index === undefined) {
      index = this.functions.length;
      this.functions.push(fn);
      this.signatures.push(signature);
      bySignature.set(signature, index);
    }
    return index;
  }
}

const equal = (a: number, b: number): number => (approximatelyEqual(a, b) ? 1 : 0);
const unequal = (a: number, b: number): number => (approximatelyEqual(a, b) ? 0 : 1);
const both = (a: number, b: number): number => (isTrue(a) && isTrue(b) ? 1 : 0);
const either = (a: number, b: number): number => (isTrue(a) || isTrue(b) ? 1 : 0);
const truth = (a: number): number => (isTrue(a) ? 1 : 0);

/** A graphical function as a function of its input, through the closures' own lookup. */
function lookupFunction(table: LookupTable): (x: number) => number {
  const cell = new Float64Array(2);
  const read = lookup(cell, table, 1, 0);
  return (x) => {
    cell[0] = x;
    read();
    return cell[1] as number;
  };
}

// Locals of both functions, after their one parameter (the run's step counter at the start, `epoch`): the
// Euler loop's counters, scratch values for the operators that read an operand twice (each set and read back
// with nothing between, or only after every operand has been computed, so nesting is safe), the loop's
// own values, then one per slot the function keeps in a local (CodeWriter.keep).
const EPOCH = 0;
const STEP = 1;
const SAVE = 2;
const UNTIL_SAVE = 3;
const LEFT = 4;
const RIGHT = 5;
const THIRD = 6;
const TIME = 7;
const RATE = 8;
const NEXT = 9;
const FIRST_KEPT = 10;

/**
 * Writes one function's code. A slot the function has written (or, in the loop, a stock it loaded at entry)
 * is kept in a local too, and read from there: every write still goes to memory, where the JavaScript around
 * the kernel and the functions it calls read it, but a value computed a moment ago is not read back from
 * memory (a store and a load on every step's critical path).
 */
class CodeWriter {
  readonly code: number[] = [];
  /** Slot to the local holding its value, from where the code written so far has set it. */
  private readonly kept = new Map<number, number>();
  private locals = 0;

  constructor(private readonly imports: Imports) {}

  /** The locals' declaration: three i32 counters, then the f64s. */
  declaration(): number[] {
    const out = [0x02, 0x03, I32];
    unsigned(FIRST_KEPT - LEFT + this.locals, out);
    out.push(F64);
    return out;
  }

  /** The local slot's value is kept in from now on (allocated once per slot). */
  keep(slot: number): number {
    let local = this.kept.get(slot);
    if (local === undefined) {
      local = FIRST_KEPT + this.locals++;
      this.kept.set(slot, local);
    }
    return local;
  }

  /** A slot read from a local of the caller's (the loop's time). */
  alias(slot: number, local: number): void {
    this.kept.set(slot, local);
  }

  call(fn: ImportedFunction, arity: number, result?: ImportedResult): void {
    this.code.push(OP.call);
    unsigned(this.imports.index(fn, arity, result), this.code);
  }

  local(op: number, index: number): void {
    this.code.push(op);
    unsigned(index, this.code);
  }

  constant(value: number): void {
    this.code.push(OP.f64Const);
    f64Bytes(value, this.code);
  }

  /** v[slot] onto the stack, from its local when it has one. */
  load(slot: number): void {
    const local = this.kept.get(slot);
    if (local !== undefined) {
      this.local(OP.localGet, local);
      return;
    }
    this.code.push(OP.i32Const, 0x00, OP.f64Load, 0x03);
    unsigned(slot * 8, this.code);
  }

  /** v[slot] = the value on the stack, kept in the slot's local too (address pushed before the value). */
  private storeKept(slot: number): void {
    this.local(OP.localTee, this.keep(slot));
    this.code.push(OP.f64Store, 0x03);
    unsigned(slot * 8, this.code);
  }

  /** A function called for what it does (it writes its own slots, never one kept here). */
  callOnly(fn: () => void): void {
    this.call(fn, 0, 'none');
  }

  /** v[target] = tree. */
  store(tree: Tree, target: number): void {
    this.code.push(OP.i32Const, 0x00);
    this.value(tree);
    this.storeKept(target);
  }

  /** v[slot] = the value `push` leaves on the stack, kept in the slot's local. */
  storeValue(slot: number, push: () => void): void {
    this.code.push(OP.i32Const, 0x00);
    push();
    this.storeKept(slot);
  }

  /** A condition as an i32 on the stack: a comparison as WebAssembly's, else the truth of the value. */
  private condition(tree: Tree): void {
    if (tree.kind === 'compare' && tree.op !== '=' && tree.op !== '<>') {
      this.value(tree.left);
      this.value(tree.right);
      this.code.push(COMPARE[tree.op]);
      return;
    }
    if (tree.kind === 'compare') {
      // `=` and `<>` forgive the last bits (approximatelyEqual); 1 or 0 back, tested against 0.
      this.value(tree);
      this.constant(0);
      this.code.push(OP.f64Ne);
      return;
    }
    this.value(tree);
    this.call(truth, 1, 'i32');
  }

  /** The tree's value onto the stack. */
  private value(tree: Tree): void {
    const code = this.code;
    switch (tree.kind) {
      case 'slot':
        this.load(tree.slot);
        return;
      case 'number':
        this.constant(tree.value);
        return;
      case 'arithmetic':
        this.value(tree.left);
        this.value(tree.right);
        code.push(ARITHMETIC[tree.op]);
        return;
      case 'negate':
        this.value(tree.operand);
        code.push(OP.f64Neg);
        return;
      case 'square':
        this.value(tree.operand);
        this.local(OP.localTee, LEFT);
        this.local(OP.localGet, LEFT);
        code.push(OP.f64Mul);
        return;
      case 'not':
        // truth ? 0 : 1
        this.constant(0);
        this.constant(1);
        this.condition(tree.operand);
        code.push(OP.select);
        return;
      case 'clamp':
        // x < 0 ? 0 : x
        this.constant(0);
        this.value(tree.operand);
        this.local(OP.localTee, LEFT);
        this.local(OP.localGet, LEFT);
        this.constant(0);
        code.push(OP.f64Lt, OP.select);
        return;
      case 'compare':
        this.value(tree.left);
        this.value(tree.right);
        if (tree.op === '=') this.call(equal, 2);
        else if (tree.op === '<>') this.call(unequal, 2);
        else code.push(COMPARE[tree.op], OP.f64ConvertI32U);
        return;
      case 'and':
      case 'or':
        this.value(tree.left);
        this.value(tree.right);
        this.call(tree.kind === 'and' ? both : either, 2);
        return;
      case 'min':
      case 'max':
        // x < y ? x : y, x > y ? x : y
        this.value(tree.left);
        this.value(tree.right);
        this.local(OP.localSet, RIGHT);
        this.local(OP.localTee, LEFT);
        this.local(OP.localGet, RIGHT);
        this.local(OP.localGet, LEFT);
        this.local(OP.localGet, RIGHT);
        code.push(tree.kind === 'min' ? OP.f64Lt : OP.f64Gt, OP.select);
        return;
      case 'if':
        this.condition(tree.condition);
        code.push(OP.if, F64);
        this.value(tree.then);
        code.push(OP.else);
        this.value(tree.otherwise);
        code.push(OP.end);
        return;
      case 'lookup':
        this.value(tree.input);
        this.call(this.imports.lookup(tree.table), 1);
        return;
      case 'safediv':
        // divisor !== 0 ? numerator / divisor : fallback
        this.value(tree.numerator);
        this.value(tree.divisor);
        this.value(tree.fallback);
        this.local(OP.localSet, THIRD);
        this.local(OP.localTee, RIGHT);
        code.push(OP.f64Div);
        this.local(OP.localGet, THIRD);
        this.local(OP.localGet, RIGHT);
        this.constant(0);
        code.push(OP.f64Ne, OP.select);
        return;
      case 'apply':
        for (const arg of tree.args) this.value(arg);
        this.call(tree.fn, tree.args.length);
        return;
      case 'thunk':
        throw new Error('an equation drawing random numbers cannot be compiled to WebAssembly');
    }
  }
}

const ARITHMETIC = { '+': OP.f64Add, '-': OP.f64Sub, '*': OP.f64Mul, '/': OP.f64Div } as const;
const COMPARE = { '<': OP.f64Lt, '<=': OP.f64Le, '>': OP.f64Gt, '>=': OP.f64Ge } as const;

/**
 * The Euler loop of runner.ts's `step`, for a model whose step needs nothing else (no DELAY pipeline, no
 * PREVIOUS, no random draws): the same time, saves and integration, in the same order and arithmetic.
 */
export interface EulerLoop {
  readonly start: number;
  readonly dt: number;
  readonly steps: number;
  readonly saveEvery: number;
  readonly saves: number;
  readonly timeSlot: number;
  readonly stepSlot: number;
  /** The slots saved each saved step, column 1 on (column 0 is time). */
  readonly outputSlots: Int32Array;
  /** Stocks that sum flows: the stock's slot, inflow and outflow slots, and whether it is held at zero. */
  readonly flowStocks: readonly {
    readonly slot: number;
    readonly inflows: readonly number[];
    readonly outflows: readonly number[];
    readonly nonNegative: boolean;
  }[];
  /** Stocks with a rate expression: the stock's slot, the rate's slot, and whether it is held at zero. */
  readonly rateStocks: readonly {
    readonly slot: number;
    readonly rate: number;
    readonly nonNegative: boolean;
  }[];
  /** Called with the step after the step's equations, when DELAYs remember their inputs. */
  readonly record?: ((step: number) => void) | undefined;
}

/** The step's equations, in order, into a writer. */
function writeEquations(writer: CodeWriter, equations: readonly KernelEquation[]): void {
  for (const equation of equations) {
    if ('call' in equation) writer.callOnly(equation.call);
    else writer.store(equation.tree, equation.target);
  }
}

/** The Euler loop's function: runner.ts's `step`, the stocks and time kept in locals. */
function eulerCode(
  writer: CodeWriter,
  equations: readonly KernelEquation[],
  loop: EulerLoop,
  bufferBase: number,
): void {
  const c = writer.code;
  const i32 = (value: number): void => {
    c.push(OP.i32Const);
    signedSmall(value, c);
  };
  const store = (offset: number): void => {
    c.push(OP.f64Store, 0x03);
    unsigned(offset, c);
  };
  // The stocks as the start values left them, into their locals.
  const stockSlots = [...loop.flowStocks, ...loop.rateStocks].map((stock) => stock.slot);
  for (const slot of stockSlots) {
    writer.load(slot);
    writer.local(OP.localSet, writer.keep(slot));
  }
  writer.alias(loop.timeSlot, TIME);
  c.push(OP.block, 0x40, OP.loop, 0x40);
  // time = start + step * dt, in memory too (a DELAY's output reads it there).
  writer.constant(loop.start);
  writer.local(OP.localGet, STEP);
  c.push(OP.f64ConvertI32U);
  writer.constant(loop.dt);
  c.push(OP.f64Mul, OP.f64Add);
  writer.local(OP.localSet, TIME);
  i32(0);
  writer.local(OP.localGet, TIME);
  store(loop.timeSlot * 8);
  i32(0);
  writer.local(OP.localGet, EPOCH);
  writer.local(OP.localGet, STEP);
  c.push(OP.f64ConvertI32U, OP.f64Add);
  store(loop.stepSlot * 8);
  writeEquations(writer, equations);
  if (loop.record !== undefined) {
    writer.local(OP.localGet, STEP);
    c.push(OP.f64ConvertI32U);
    writer.call(loop.record, 1, 'none');
  }
  // Saved every saveEvery steps: time, then each output into its column.
  writer.local(OP.localGet, UNTIL_SAVE);
  c.push(OP.i32Eqz, OP.if, 0x40);
  const address = (): void => {
    writer.local(OP.localGet, SAVE);
    i32(3);
    c.push(OP.i32Shl);
  };
  address();
  writer.local(OP.localGet, TIME);
  store(bufferBase);
  loop.outputSlots.forEach((slot, index) => {
    address();
    writer.load(slot);
    store(bufferBase + (index + 1) * loop.saves * 8);
  });
  writer.local(OP.localGet, SAVE);
  i32(1);
  c.push(OP.i32Add);
  writer.local(OP.localSet, SAVE);
  i32(loop.saveEvery);
  writer.local(OP.localSet, UNTIL_SAVE);
  c.push(OP.end);
  writer.local(OP.localGet, UNTIL_SAVE);
  i32(1);
  c.push(OP.i32Sub);
  writer.local(OP.localSet, UNTIL_SAVE);
  // The last step is saved, not integrated.
  writer.local(OP.localGet, STEP);
  i32(loop.steps);
  c.push(OP.i32GeS, OP.brIf, 0x01);
  // stock + dt * rate, held at zero when non-negative (next < 0 ? 0 : next).
  const integrate = (slot: number, rate: () => void, nonNegative: boolean): void =>
    writer.storeValue(slot, () => {
      if (nonNegative) writer.constant(0);
      writer.load(slot);
      writer.constant(loop.dt);
      rate();
      c.push(OP.f64Mul, OP.f64Add);
      if (nonNegative) {
        writer.local(OP.localTee, NEXT);
        writer.local(OP.localGet, NEXT);
        writer.constant(0);
        c.push(OP.f64Lt, OP.select);
      }
    });
  for (const stock of loop.flowStocks) {
    // 0 + inflows - outflows, in list order, as the closures' loop sums them.
    writer.constant(0);
    for (const slot of stock.inflows) {
      writer.load(slot);
      c.push(OP.f64Add);
    }
    for (const slot of stock.outflows) {
      writer.load(slot);
      c.push(OP.f64Sub);
    }
    writer.local(OP.localSet, RATE);
    integrate(stock.slot, () => writer.local(OP.localGet, RATE), stock.nonNegative);
  }
  for (const stock of loop.rateStocks)
    integrate(stock.slot, () => writer.load(stock.rate), stock.nonNegative);
  writer.local(OP.localGet, STEP);
  i32(1);
  c.push(OP.i32Add);
  writer.local(OP.localSet, STEP);
  c.push(OP.br, 0x00, OP.end, OP.end);
}

/** Signed LEB128 of a non-negative 32-bit integer (i32.const's immediate). */
function signedSmall(value: number, out: number[]): void {
  let rest = value;
  for (;;) {
    const byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest === 0 && (byte & 0x40) === 0) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** The module's bytes: imported memory and functions, the exported `step` and, when given, `euler`. */
function moduleBytes(
  imports: Imports,
  bodies: readonly CodeWriter[],
  names: readonly string[],
  pages: number,
): Uint8Array {
  const types: number[][] = [];
  const typeIndex = new Map<string, number>();
  const typeOf = (signature: string): number => {
    let index = typeIndex.get(signature);
    if (index === undefined) {
      const [arity, result] = signature.split(':') as [string, string];
      const type = [FUNC];
      unsigned(Number(arity), type);
      for (let index = 0; index < Number(arity); index++) type.push(F64);
      if (result === 'none') type.push(0x00);
      else type.push(0x01, result === 'i32' ? I32 : F64);
      index = types.length;
      types.push(type);
      typeIndex.set(signature, index);
    }
    return index;
  };
  const kernelType = typeOf('1:none');
  const importEntries = imports.signatures.map((signature, index) => {
    const entry: number[] = [];
    name('f', entry);
    name(String(index), entry);
    entry.push(0x00);
    unsigned(typeOf(signature), entry);
    return entry;
  });
  const memory: number[] = [];
  name('m', memory);
  name('memory', memory);
  memory.push(0x02, 0x01);
  unsigned(pages, memory);
  unsigned(pages, memory);

  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const typeSection: number[] = [];
  vector(types, typeSection);
  section(1, typeSection, out);
  const importSection: number[] = [];
  vector([memory, ...importEntries], importSection);
  section(2, importSection, out);
  const functionSection: number[] = [];
  vector(
    bodies.map(() => [kernelType]),
    functionSection,
  );
  section(3, functionSection, out);
  const exportSection: number[] = [];
  vector(
    names.map((bodyName, index) => {
      const exported: number[] = [];
      name(bodyName, exported);
      exported.push(0x00);
      unsigned(imports.functions.length + index, exported);
      return exported;
    }),
    exportSection,
  );
  section(7, exportSection, out);
  const codeSection: number[] = [];
  vector(
    bodies.map((body) => {
      const whole = body.declaration();
      append(body.code, whole);
      whole.push(OP.end);
      const sized: number[] = [];
      unsigned(whole.length, sized);
      append(whole, sized);
      return sized;
    }),
    codeSection,
  );
  section(10, codeSection, out);
  return Uint8Array.from(out);
}

/** An ASCII name (the only kind used here), as a vector of its bytes. */
function name(text: string, out: number[]): void {
  unsigned(text.length, out);
  for (let index = 0; index < text.length; index++) out.push(text.charCodeAt(index));
}

/**
 * The part of the WebAssembly JavaScript API used here, looked up at run time: model/ is compiled without the
 * DOM's or Node's declarations, which is where TypeScript declares it.
 */
interface WebAssemblyApi {
  readonly Memory: new (limits: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer };
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
}

const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** Set by tests to run the closures alone, for comparing the two. */
let disabled = false;

export function useStepKernels(enabled: boolean): void {
  disabled = !enabled;
}

export interface KernelLayout {
  /** Values of the run's array. */
  readonly slotCount: number;
  /** The Euler loop to compile too, with the length of the result buffer it saves into. */
  readonly loop?: (EulerLoop & { readonly bufferLength: number }) | undefined;
}

export interface StepKernels extends StepKernel {
  /** The whole run after its start (runner.ts's `step`), when a loop was asked for. */
  readonly euler?: ((epoch: number) => void) | undefined;
  /** The result buffer it saves into, in the module's memory after the array. */
  readonly buffer?: Float64Array | undefined;
}

/**
 * Compiles the step's equations over the run's array, and the Euler loop around them when asked; undefined
 * when an equation cannot be compiled or WebAssembly cannot be (then the closures run the model).
 */
export function compileStepKernel(
  equations: readonly KernelEquation[],
  layout: KernelLayout,
): StepKernels | undefined {
  if (disabled || webAssembly === undefined) return undefined;
  if (!equations.every((equation) => 'call' in equation || kernelSupports(equation.tree))) return undefined;
  const imports = new Imports();
  const step = new CodeWriter(imports);
  writeEquations(step, equations);
  const bodies = [step];
  const names = ['step'];
  const { slotCount, loop } = layout;
  const bufferBase = slotCount * 8;
  if (loop !== undefined) {
    const euler = new CodeWriter(imports);
    eulerCode(euler, equations, loop, bufferBase);
    bodies.push(euler);
    names.push('euler');
  }
  const bytes = bufferBase + (loop === undefined ? 0 : loop.bufferLength * 8);
  const pages = Math.max(1, Math.ceil(bytes / 65536));
  try {
    const memory = new webAssembly.Memory({ initial: pages, maximum: pages });
    const module = new webAssembly.Module(moduleBytes(imports, bodies, names, pages));
    const instance = new webAssembly.Instance(module, {
      m: { memory },
      f: Object.fromEntries(imports.functions.map((fn, index) => [String(index), fn])),
    });
    const exported = instance.exports;
    const stepFunction = exported['step'];
    const eulerFunction = exported['euler'];
    if (typeof stepFunction !== 'function') return undefined;
    return {
      values: new Float64Array(memory.buffer, 0, slotCount),
      run: () => (stepFunction as (epoch: number) => void)(0),
      euler: typeof eulerFunction === 'function' ? (eulerFunction as (epoch: number) => void) : undefined,
      buffer: loop === undefined ? undefined : new Float64Array(memory.buffer, bufferBase, loop.bufferLength),
    };
  } catch {
    // Compiling refused (a CSP without 'wasm-unsafe-eval', a browser's main thread) or a limit reached: the
    // closures run instead.
    return undefined;
  }
}
