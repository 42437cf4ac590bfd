/**
 * The instructions a program is made of: closures that read slots of the run's Float64Array and write one
 * slot, returning nothing. Returning a number from a closure V8 cannot inline means boxing it in a heap
 * object; writing it to the array does not, so every intermediate value lives in a slot (program.ts gives
 * numbers and intermediate results slots of their own). The step loop calls each instruction from one call
 * site that sees them all, so none is inlined there: each shape of equation therefore has its own function
 * literal (an `op` switched on inside one literal would be a branch every call), and the commonest nestings
 * of two or three operators are one instruction instead of two or three.
 */
import { approximatelyEqual, isTrue } from '../functions';
import type { LookupTable } from '../graphical';
import type { ArithmeticOperator, ComparisonOperator } from './tree';

export type Instruction = () => void;

/** v[t] = v[a]. */
export function copy(v: Float64Array, t: number, a: number): Instruction {
  return () => void (v[t] = v[a] as number);
}

/** v[t] = v[a] op v[b]. */
export function arithmetic(
  v: Float64Array,
  op: ArithmeticOperator,
  t: number,
  a: number,
  b: number,
): Instruction {
  switch (op) {
    case '+':
      return () => void (v[t] = (v[a] as number) + (v[b] as number));
    case '-':
      return () => void (v[t] = (v[a] as number) - (v[b] as number));
    case '*':
      return () => void (v[t] = (v[a] as number) * (v[b] as number));
    case '/':
      return () => void (v[t] = (v[a] as number) / (v[b] as number));
  }
}

/** v[t] = (v[a] inner v[b]) outer v[c]. */
export function arithmeticLeft(
  v: Float64Array,
  inner: ArithmeticOperator,
  outer: ArithmeticOperator,
  t: number,
  a: number,
  b: number,
  c: number,
): Instruction {
  switch (`${inner}${outer}`) {
    case '++':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) + (v[c] as number));
    case '+-':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) - (v[c] as number));
    case '+*':
      return () => void (v[t] = ((v[a] as number) + (v[b] as number)) * (v[c] as number));
    case '+/':
      return () => void (v[t] = ((v[a] as number) + (v[b] as number)) / (v[c] as number));
    case '-+':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) + (v[c] as number));
    case '--':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) - (v[c] as number));
    case '-*':
      return () => void (v[t] = ((v[a] as number) - (v[b] as number)) * (v[c] as number));
    case '-/':
      return () => void (v[t] = ((v[a] as number) - (v[b] as number)) / (v[c] as number));
    case '*+':
      return () => void (v[t] = (v[a] as number) * (v[b] as number) + (v[c] as number));
    case '*-':
      return () => void (v[t] = (v[a] as number) * (v[b] as number) - (v[c] as number));
    case '**':
      return () => void (v[t] = (v[a] as number) * (v[b] as number) * (v[c] as number));
    case '*/':
      return () => void (v[t] = ((v[a] as number) * (v[b] as number)) / (v[c] as number));
    case '/+':
      return () => void (v[t] = (v[a] as number) / (v[b] as number) + (v[c] as number));
    case '/-':
      return () => void (v[t] = (v[a] as number) / (v[b] as number) - (v[c] as number));
    case '/*':
      return () => void (v[t] = ((v[a] as number) / (v[b] as number)) * (v[c] as number));
    default:
      return () => void (v[t] = (v[a] as number) / (v[b] as number) / (v[c] as number));
  }
}

/** v[t] = v[a] outer (v[b] inner v[c]). */
export function arithmeticRight(
  v: Float64Array,
  inner: ArithmeticOperator,
  outer: ArithmeticOperator,
  t: number,
  a: number,
  b: number,
  c: number,
): Instruction {
  switch (`${outer}${inner}`) {
    case '++':
      return () => void (v[t] = (v[a] as number) + ((v[b] as number) + (v[c] as number)));
    case '+-':
      return () => void (v[t] = (v[a] as number) + ((v[b] as number) - (v[c] as number)));
    case '+*':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) * (v[c] as number));
    case '+/':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) / (v[c] as number));
    case '-+':
      return () => void (v[t] = (v[a] as number) - ((v[b] as number) + (v[c] as number)));
    case '--':
      return () => void (v[t] = (v[a] as number) - ((v[b] as number) - (v[c] as number)));
    case '-*':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) * (v[c] as number));
    case '-/':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) / (v[c] as number));
    case '*+':
      return () => void (v[t] = (v[a] as number) * ((v[b] as number) + (v[c] as number)));
    case '*-':
      return () => void (v[t] = (v[a] as number) * ((v[b] as number) - (v[c] as number)));
    case '**':
      return () => void (v[t] = (v[a] as number) * ((v[b] as number) * (v[c] as number)));
    case '*/':
      return () => void (v[t] = (v[a] as number) * ((v[b] as number) / (v[c] as number)));
    case '/+':
      return () => void (v[t] = (v[a] as number) / ((v[b] as number) + (v[c] as number)));
    case '/-':
      return () => void (v[t] = (v[a] as number) / ((v[b] as number) - (v[c] as number)));
    case '/*':
      return () => void (v[t] = (v[a] as number) / ((v[b] as number) * (v[c] as number)));
    default:
      return () => void (v[t] = (v[a] as number) / ((v[b] as number) / (v[c] as number)));
  }
}

/**
 * A left-deep chain `a op b op c op ...` of one kind of operator (`+ -` or `* /`) as one loop, in the
 * tree's left-to-right order, so it rounds as the tree does. `inverse[i]` marks `-` or `/` before operand i.
 */
export function chain(
  v: Float64Array,
  multiplicative: boolean,
  t: number,
  slots: Int32Array,
  inverse: Uint8Array,
): Instruction {
  const count = slots.length;
  const first = slots[0] as number;
  if (inverse.every((flag) => flag === 0)) {
    if (multiplicative) {
      return () => {
        let value = v[first] as number;
        for (let index = 1; index < count; index++) value *= v[slots[index] as number] as number;
        v[t] = value;
      };
    }
    return () => {
      let value = v[first] as number;
      for (let index = 1; index < count; index++) value += v[slots[index] as number] as number;
      v[t] = value;
    };
  }
  if (multiplicative) {
    return () => {
      let value = v[first] as number;
      for (let index = 1; index < count; index++) {
        const operand = v[slots[index] as number] as number;
        value = inverse[index] === 1 ? value / operand : value * operand;
      }
      v[t] = value;
    };
  }
  return () => {
    let value = v[first] as number;
    for (let index = 1; index < count; index++) {
      const operand = v[slots[index] as number] as number;
      value = inverse[index] === 1 ? value - operand : value + operand;
    }
    v[t] = value;
  };
}

/**
 * v[t] = ((v[a] first v[b]) second v[c]) third v[d] for operators of one kind (`+ -` or `* /`), the
 * commonest chain (`a*b*c/d`), straight-line instead of chain's loop.
 */
export function chainOfFour(
  v: Float64Array,
  operators: string,
  t: number,
  a: number,
  b: number,
  c: number,
  d: number,
): Instruction {
  switch (operators) {
    case '+++':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) + (v[c] as number) + (v[d] as number));
    case '++-':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) + (v[c] as number) - (v[d] as number));
    case '+-+':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) - (v[c] as number) + (v[d] as number));
    case '+--':
      return () => void (v[t] = (v[a] as number) + (v[b] as number) - (v[c] as number) - (v[d] as number));
    case '-++':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) + (v[c] as number) + (v[d] as number));
    case '-+-':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) + (v[c] as number) - (v[d] as number));
    case '--+':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) - (v[c] as number) + (v[d] as number));
    case '---':
      return () => void (v[t] = (v[a] as number) - (v[b] as number) - (v[c] as number) - (v[d] as number));
    case '***':
      return () => void (v[t] = (v[a] as number) * (v[b] as number) * (v[c] as number) * (v[d] as number));
    case '**/':
      return () => void (v[t] = ((v[a] as number) * (v[b] as number) * (v[c] as number)) / (v[d] as number));
    case '*/*':
      return () =>
        void (v[t] = (((v[a] as number) * (v[b] as number)) / (v[c] as number)) * (v[d] as number));
    case '*//':
      return () => void (v[t] = ((v[a] as number) * (v[b] as number)) / (v[c] as number) / (v[d] as number));
    case '/**':
      return () => void (v[t] = ((v[a] as number) / (v[b] as number)) * (v[c] as number) * (v[d] as number));
    case '/*/':
      return () =>
        void (v[t] = (((v[a] as number) / (v[b] as number)) * (v[c] as number)) / (v[d] as number));
    case '//*':
      return () => void (v[t] = ((v[a] as number) / (v[b] as number) / (v[c] as number)) * (v[d] as number));
    default:
      return () => void (v[t] = (v[a] as number) / (v[b] as number) / (v[c] as number) / (v[d] as number));
  }
}

export function negate(v: Float64Array, t: number, a: number): Instruction {
  return () => void (v[t] = -(v[a] as number));
}

export function square(v: Float64Array, t: number, a: number): Instruction {
  return () => {
    const x = v[a] as number;
    v[t] = x * x;
  };
}

/** A uniflow's value held at zero (after the instructions that computed it into v[t]). */
export function clamp(v: Float64Array, t: number): Instruction {
  return () => {
    if ((v[t] as number) < 0) v[t] = 0;
  };
}

export function minimum(v: Float64Array, t: number, a: number, b: number): Instruction {
  return () => {
    const x = v[a] as number;
    const y = v[b] as number;
    v[t] = x < y ? x : y;
  };
}

export function maximum(v: Float64Array, t: number, a: number, b: number): Instruction {
  return () => {
    const x = v[a] as number;
    const y = v[b] as number;
    v[t] = x > y ? x : y;
  };
}

/** SAFEDIV(a, b, fallback): a/b unless b is zero. */
export function safeDivide(v: Float64Array, t: number, a: number, b: number, fallback: number): Instruction {
  return () => {
    const divisor = v[b] as number;
    v[t] = divisor !== 0 ? (v[a] as number) / divisor : (v[fallback] as number);
  };
}

/** v[t] = (v[a] op v[b]) ? 1 : 0. */
export function comparison(
  v: Float64Array,
  op: ComparisonOperator,
  t: number,
  a: number,
  b: number,
): Instruction {
  switch (op) {
    case '<':
      return () => void (v[t] = (v[a] as number) < (v[b] as number) ? 1 : 0);
    case '<=':
      return () => void (v[t] = (v[a] as number) <= (v[b] as number) ? 1 : 0);
    case '>':
      return () => void (v[t] = (v[a] as number) > (v[b] as number) ? 1 : 0);
    case '>=':
      return () => void (v[t] = (v[a] as number) >= (v[b] as number) ? 1 : 0);
    case '=':
      return () => void (v[t] = approximatelyEqual(v[a] as number, v[b] as number) ? 1 : 0);
    case '<>':
      return () => void (v[t] = approximatelyEqual(v[a] as number, v[b] as number) ? 0 : 1);
  }
}

/** Logic on truth values (anything not approximately zero is true), as 1 or 0. */
export function logic(
  v: Float64Array,
  op: 'and' | 'or' | 'not',
  t: number,
  a: number,
  b: number,
): Instruction {
  switch (op) {
    case 'and':
      return () => void (v[t] = isTrue(v[a] as number) && isTrue(v[b] as number) ? 1 : 0);
    case 'or':
      return () => void (v[t] = isTrue(v[a] as number) || isTrue(v[b] as number) ? 1 : 0);
    case 'not':
      return () => void (v[t] = isTrue(v[a] as number) ? 0 : 1);
  }
}

/**
 * IF with a comparison of two slots (or, for `truth`, the truth of v[a]) and slots as both branches:
 * v[t] = condition ? v[c] : v[d].
 */
export function select(
  v: Float64Array,
  op: ComparisonOperator | 'truth',
  t: number,
  a: number,
  b: number,
  c: number,
  d: number,
): Instruction {
  switch (op) {
    case '<':
      return () => void (v[t] = (v[a] as number) < (v[b] as number) ? (v[c] as number) : (v[d] as number));
    case '<=':
      return () => void (v[t] = (v[a] as number) <= (v[b] as number) ? (v[c] as number) : (v[d] as number));
    case '>':
      return () => void (v[t] = (v[a] as number) > (v[b] as number) ? (v[c] as number) : (v[d] as number));
    case '>=':
      return () => void (v[t] = (v[a] as number) >= (v[b] as number) ? (v[c] as number) : (v[d] as number));
    case '=':
      return () =>
        void (v[t] = approximatelyEqual(v[a] as number, v[b] as number)
          ? (v[c] as number)
          : (v[d] as number));
    case '<>':
      return () =>
        void (v[t] = approximatelyEqual(v[a] as number, v[b] as number)
          ? (v[d] as number)
          : (v[c] as number));
    case 'truth':
      return () => void (v[t] = isTrue(v[a] as number) ? (v[c] as number) : (v[d] as number));
  }
}

/** IF whose branches need instructions of their own: only the branch taken runs. */
export function branch(
  v: Float64Array,
  op: ComparisonOperator | 'truth',
  a: number,
  b: number,
  then: Instruction,
  otherwise: Instruction,
): Instruction {
  switch (op) {
    case '<':
      return () => ((v[a] as number) < (v[b] as number) ? then() : otherwise());
    case '<=':
      return () => ((v[a] as number) <= (v[b] as number) ? then() : otherwise());
    case '>':
      return () => ((v[a] as number) > (v[b] as number) ? then() : otherwise());
    case '>=':
      return () => ((v[a] as number) >= (v[b] as number) ? then() : otherwise());
    case '=':
      return () => (approximatelyEqual(v[a] as number, v[b] as number) ? then() : otherwise());
    case '<>':
      return () => (approximatelyEqual(v[a] as number, v[b] as number) ? otherwise() : then());
    case 'truth':
      return () => (isTrue(v[a] as number) ? then() : otherwise());
  }
}

/** Instructions run in order as one. */
export function sequence(instructions: readonly Instruction[]): Instruction {
  if (instructions.length === 1) return instructions[0] as Instruction;
  const count = instructions.length;
  return () => {
    for (let index = 0; index < count; index++) (instructions[index] as Instruction)();
  };
}

/** v[t] = fn(v[args[0]], ...): builtins, STEP, RAMP and PULSE. */
export function apply(
  v: Float64Array,
  fn: (...args: number[]) => number,
  t: number,
  args: readonly number[],
): Instruction {
  const [a = 0, b = 0, c = 0, d = 0, e = 0] = args;
  switch (args.length) {
    case 1:
      return () => void (v[t] = fn(v[a] as number));
    case 2:
      return () => void (v[t] = fn(v[a] as number, v[b] as number));
    case 3:
      return () => void (v[t] = fn(v[a] as number, v[b] as number, v[c] as number));
    case 4:
      return () => void (v[t] = fn(v[a] as number, v[b] as number, v[c] as number, v[d] as number));
    default:
      return () =>
        void (v[t] = fn(v[a] as number, v[b] as number, v[c] as number, v[d] as number, v[e] as number));
  }
}

/** v[t] = what a closure of expression.ts returns. */
export function evaluate(v: Float64Array, t: number, thunk: () => number): Instruction {
  return () => void (v[t] = thunk());
}

/** Index i with xs[i] <= x < xs[i+1], for xs[0] <= x < xs[last] (binary search). */
function segment(xs: Float64Array, x: number): number {
  let low = 0;
  let high = xs.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if ((xs[middle] as number) <= x) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * v[t] = table(v[a]), as graphical.ts's makeLookup computes it, written out in each closure (a helper
 * closure per table would be a call the JIT does not inline, returning a boxed number). Inputs move little
 * from one step to the next, so the segment found last time is tried before searching; the segment is the
 * same either way (the one i with xs[i] <= x < xs[i+1]), so is the value.
 */
export function lookup(v: Float64Array, table: LookupTable, t: number, a: number): Instruction {
  const { xs, ys } = table;
  const last = xs.length - 1;
  const firstX = xs[0] as number;
  const lastX = xs[last] as number;
  const firstY = ys[0] as number;
  const lastY = ys[last] as number;
  if (last === 0) return () => void (v[t] = firstY);
  let hint = 0;
  switch (table.type) {
    case 'discrete':
      return () => {
        const x = v[a] as number;
        if (x < firstX) v[t] = firstY;
        else if (x >= lastX) v[t] = lastY;
        else {
          if (!((xs[hint] as number) <= x && x < (xs[hint + 1] as number))) hint = segment(xs, x);
          v[t] = ys[hint] as number;
        }
      };
    case 'extrapolate':
      return () => {
        const x = v[a] as number;
        let index: number;
        if (x < firstX) index = 0;
        else if (x >= lastX) index = last - 1;
        else {
          if (!((xs[hint] as number) <= x && x < (xs[hint + 1] as number))) hint = segment(xs, x);
          index = hint;
        }
        const x0 = xs[index] as number;
        const x1 = xs[index + 1] as number;
        const y0 = ys[index] as number;
        const y1 = ys[index + 1] as number;
        v[t] = x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
      };
    case 'continuous':
      return () => {
        const x = v[a] as number;
        if (x <= firstX) v[t] = firstY;
        else if (x >= lastX) v[t] = lastY;
        else if (x !== x) v[t] = x;
        else {
          if (!((xs[hint] as number) <= x && x < (xs[hint + 1] as number))) hint = segment(xs, x);
          const x0 = xs[hint] as number;
          const x1 = xs[hint + 1] as number;
          const y0 = ys[hint] as number;
          const y1 = ys[hint + 1] as number;
          v[t] = x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
        }
      };
  }
}
