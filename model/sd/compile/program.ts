/**
 * Programs: equations turned into flat lists of instructions (instructions.ts) that a runner calls in
 * order. Building one:
 * - numbers get slots of their own, written when a run starts, so every operand is a slot;
 * - a part of a step's equation that reads only constants (`1 - Share`, `Hours * Productivity`) is hoisted:
 *   computed once per run, after the start values, into a slot of its own (parameters a run overrides are
 *   still read from their slots, so the value follows them);
 * - each instruction takes an operator and, where they are operators too, its operands' operators, so a
 *   tree of n operators costs about n/2 calls; what is left over goes to intermediate slots.
 * Slots are only counted while building; the closures are made by `link` once the runner has allocated the
 * array, so each instruction captures the array and its slot numbers directly.
 */
import type { ExpressionEnvironment } from './expression';
import { compileExpression } from './expression';
import * as instructions from './instructions';
import type { Instruction } from './instructions';
import { children, type ArithmeticOperator, type ComparisonOperator, type Tree } from './tree';

/** An instruction waiting for the array it works on. */
export type Linkable = (env: ExpressionEnvironment) => Instruction;

type Leaf = Extract<Tree, { kind: 'slot' | 'number' }>;
type Arithmetic = Extract<Tree, { kind: 'arithmetic' }>;

const isLeaf = (tree: Tree): tree is Leaf => tree.kind === 'slot' || tree.kind === 'number';
const multiplicative = (op: ArithmeticOperator): boolean => op === '*' || op === '/';

export class ProgramBuilder {
  private next: number;
  private readonly numberSlots = new Map<string, number>();
  private readonly numbers: [number, number][] = [];
  /** Instructions computing the hoisted parts, run once per run after the start values. */
  readonly hoisted: Linkable[] = [];

  constructor(
    /** The first free slot after the plan's. */
    firstFree: number,
    /** Slots whose value does not change after the start of a run. */
    private readonly constantSlots: ReadonlySet<number>,
  ) {
    this.next = firstFree;
  }

  get slotCount(): number {
    return this.next;
  }

  /** Slots holding numbers, with their values, to be written when a run starts. */
  numberTable(): { readonly slots: Int32Array; readonly values: Float64Array } {
    return {
      slots: Int32Array.from(this.numbers, ([slot]) => slot),
      values: Float64Array.from(this.numbers, ([, value]) => value),
    };
  }

  private temporary(): number {
    return this.next++;
  }

  private numberSlot(value: number): number {
    // Object.is keys: -0 and 0 are different numbers; every NaN is the same.
    const key = Object.is(value, -0) ? '-0' : String(value);
    let slot = this.numberSlots.get(key);
    if (slot === undefined) {
      slot = this.temporary();
      this.numberSlots.set(key, slot);
      this.numbers.push([slot, value]);
    }
    return slot;
  }

  /** True when a tree reads only numbers and constant slots, and draws nothing. */
  private isConstant(tree: Tree): boolean {
    if (tree.kind === 'slot') return this.constantSlots.has(tree.slot);
    if (tree.kind === 'number') return true;
    if (tree.kind === 'thunk') return false;
    return children(tree).every((child) => this.isConstant(child));
  }

  /**
   * The largest constant parts of a step's equation, replaced by slots computed once per run. Numbers and
   * single slots stay where they are.
   */
  hoist(tree: Tree): Tree {
    if (isLeaf(tree) || tree.kind === 'thunk') return tree;
    if (this.isConstant(tree)) {
      const slot = this.temporary();
      this.emit(tree, slot, this.hoisted);
      return { kind: 'slot', slot };
    }
    switch (tree.kind) {
      case 'negate':
      case 'square':
      case 'not':
      case 'clamp':
        return { ...tree, operand: this.hoist(tree.operand) };
      case 'arithmetic':
      case 'compare':
      case 'and':
      case 'or':
      case 'min':
      case 'max':
        return { ...tree, left: this.hoist(tree.left), right: this.hoist(tree.right) };
      case 'if':
        return {
          ...tree,
          condition: this.hoist(tree.condition),
          then: this.hoist(tree.then),
          otherwise: this.hoist(tree.otherwise),
        };
      case 'lookup':
        return { ...tree, input: this.hoist(tree.input) };
      case 'safediv':
        return {
          ...tree,
          numerator: this.hoist(tree.numerator),
          divisor: this.hoist(tree.divisor),
          fallback: this.hoist(tree.fallback),
        };
      case 'apply':
        return { ...tree, args: tree.args.map((arg) => this.hoist(arg)) };
    }
  }

  /** The slot holding a tree's value: its own for a slot or a number, else one computed into by `out`. */
  operand(tree: Tree, out: Linkable[]): number {
    if (tree.kind === 'slot') return tree.slot;
    if (tree.kind === 'number') return this.numberSlot(tree.value);
    const slot = this.temporary();
    this.emit(tree, slot, out);
    return slot;
  }

  /** Appends to `out` the instructions that leave the tree's value in slot `t`. */
  emit(tree: Tree, t: number, out: Linkable[]): void {
    switch (tree.kind) {
      case 'slot':
      case 'number': {
        const a = this.operand(tree, out);
        out.push(({ values }) => instructions.copy(values, t, a));
        return;
      }
      case 'arithmetic':
        this.emitArithmetic(tree, t, out);
        return;
      case 'negate':
      case 'square': {
        const a = this.operand(tree.operand, out);
        const make = tree.kind === 'negate' ? instructions.negate : instructions.square;
        out.push(({ values }) => make(values, t, a));
        return;
      }
      case 'not': {
        const a = this.operand(tree.operand, out);
        out.push(({ values }) => instructions.logic(values, 'not', t, a, a));
        return;
      }
      case 'clamp':
        this.emit(tree.operand, t, out);
        out.push(({ values }) => instructions.clamp(values, t));
        return;
      case 'compare': {
        const { op } = tree;
        const a = this.operand(tree.left, out);
        const b = this.operand(tree.right, out);
        out.push(({ values }) => instructions.comparison(values, op, t, a, b));
        return;
      }
      case 'and':
      case 'or': {
        const op = tree.kind;
        const a = this.operand(tree.left, out);
        const b = this.operand(tree.right, out);
        out.push(({ values }) => instructions.logic(values, op, t, a, b));
        return;
      }
      case 'min':
      case 'max': {
        const make = tree.kind === 'min' ? instructions.minimum : instructions.maximum;
        const a = this.operand(tree.left, out);
        const b = this.operand(tree.right, out);
        out.push(({ values }) => make(values, t, a, b));
        return;
      }
      case 'if':
        this.emitIf(tree, t, out);
        return;
      case 'lookup': {
        const { table } = tree;
        const a = this.operand(tree.input, out);
        out.push(({ values }) => instructions.lookup(values, table, t, a));
        return;
      }
      case 'safediv': {
        const a = this.operand(tree.numerator, out);
        const b = this.operand(tree.divisor, out);
        const c = this.operand(tree.fallback, out);
        out.push(({ values }) => instructions.safeDivide(values, t, a, b, c));
        return;
      }
      case 'apply': {
        const { fn } = tree;
        const args = tree.args.map((arg) => this.operand(arg, out));
        out.push(({ values }) => instructions.apply(values, fn, t, args));
        return;
      }
      case 'thunk': {
        const { expr } = tree;
        out.push((env) => instructions.evaluate(env.values, t, compileExpression(expr, env)));
        return;
      }
    }
  }

  private emitArithmetic(tree: Arithmetic, t: number, out: Linkable[]): void {
    const { op, left, right } = tree;
    // A left-deep chain of four or more operands of one kind of operator: one loop.
    const operands: Tree[] = [right];
    const inverse: number[] = [op === '-' || op === '/' ? 1 : 0];
    let node: Tree = left;
    while (node.kind === 'arithmetic' && multiplicative(node.op) === multiplicative(op)) {
      operands.push(node.right);
      inverse.push(node.op === '-' || node.op === '/' ? 1 : 0);
      node = node.left;
    }
    if (operands.length >= 3) {
      operands.push(node);
      inverse.push(0);
      operands.reverse();
      inverse.reverse();
      const slots = Int32Array.from(operands, (operand) => this.operand(operand, out));
      const product = multiplicative(op);
      if (slots.length === 4) {
        const [a, b, c, d] = slots as unknown as [number, number, number, number];
        const operators = inverse
          .slice(1)
          .map((flag) => (product ? (flag === 1 ? '/' : '*') : flag === 1 ? '-' : '+'))
          .join('');
        out.push(({ values }) => instructions.chainOfFour(values, operators, t, a, b, c, d));
        return;
      }
      const flags = Uint8Array.from(inverse);
      out.push(({ values }) => instructions.chain(values, product, t, slots, flags));
      return;
    }
    // Otherwise the operator with its left operand's operator, or its right operand's, fused.
    if (left.kind === 'arithmetic') {
      const inner = left.op;
      const a = this.operand(left.left, out);
      const b = this.operand(left.right, out);
      const c = this.operand(right, out);
      out.push(({ values }) => instructions.arithmeticLeft(values, inner, op, t, a, b, c));
      return;
    }
    if (right.kind === 'arithmetic') {
      const inner = right.op;
      const a = this.operand(left, out);
      const b = this.operand(right.left, out);
      const c = this.operand(right.right, out);
      out.push(({ values }) => instructions.arithmeticRight(values, inner, op, t, a, b, c));
      return;
    }
    const a = this.operand(left, out);
    const b = this.operand(right, out);
    out.push(({ values }) => instructions.arithmetic(values, op, t, a, b));
  }

  private emitIf(tree: Extract<Tree, { kind: 'if' }>, t: number, out: Linkable[]): void {
    const { condition } = tree;
    let op: ComparisonOperator | 'truth';
    let a: number;
    let b: number;
    if (condition.kind === 'compare') {
      op = condition.op;
      a = this.operand(condition.left, out);
      b = this.operand(condition.right, out);
    } else {
      op = 'truth';
      a = this.operand(condition, out);
      b = a;
    }
    if (isLeaf(tree.then) && isLeaf(tree.otherwise)) {
      const c = this.operand(tree.then, out);
      const d = this.operand(tree.otherwise, out);
      out.push(({ values }) => instructions.select(values, op, t, a, b, c, d));
      return;
    }
    // Only the branch taken runs, as the closure compiler did (a branch may draw random numbers).
    const then: Linkable[] = [];
    const otherwise: Linkable[] = [];
    this.emit(tree.then, t, then);
    this.emit(tree.otherwise, t, otherwise);
    out.push((env) =>
      instructions.branch(
        env.values,
        op,
        a,
        b,
        instructions.sequence(link(then, env)),
        instructions.sequence(link(otherwise, env)),
      ),
    );
  }
}

/** The instructions of a program, made for the runner's array. */
export function link(program: readonly Linkable[], env: ExpressionEnvironment): Instruction[] {
  return program.map((linkable) => linkable(env));
}
