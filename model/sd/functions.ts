/**
 * The pure builtin functions of XMILE 1.0 section 3.5 (and the Vensim spellings xmutil leaves in converted
 * files), with their arities and implementations. Stateful builtins (SMTH1, DELAY3, ...) are not here: they
 * become hidden variables (graph/stateful.ts).
 *
 * Two dialects differ on rounding: XMILE's INT is the floor and MOD keeps the divisor's sign (Simlin's
 * `vm.rs`: `floor`, `rem_euclid`; test-models `builtin_int`, from Stella), while Vensim's INTEGER truncates
 * and MODULO keeps the dividend's sign (test-models `rounding`, from Vensim 7.3: INT(-9.9) = -9,
 * -8.2 MOD 3 = -2.2). A file whose header says Vensim wrote it keeps Vensim's meaning.
 */

export type Dialect = 'xmile' | 'vensim';

/** Simlin's `approx_eq` (float-cmp, 4 ulps): equality that forgives the last bits of rounding. */
export function approximatelyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const difference = Math.abs(a - b);
  return (
    difference <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b)) || difference <= Number.MIN_VALUE
  );
}

/** XMILE truth: anything not (approximately) zero is true. */
export const isTrue = (value: number): boolean => !approximatelyEqual(value, 0);

/** Floor modulo (result has the divisor's sign), Simlin's `rem_euclid` for positive divisors. */
export const floorMod = (a: number, b: number): number => {
  const remainder = a % b;
  return remainder !== 0 && remainder < 0 !== b < 0 ? remainder + b : remainder;
};

export interface PureFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Reads TIME or DT, so its value changes during a run even when its arguments do not. */
  readonly timeDependent?: boolean;
}

/** Pure builtins by canonical name (aliases resolved by `canonicalFunction`). */
export const PURE_FUNCTIONS: Readonly<Record<string, PureFunction>> = {
  abs: { minArgs: 1, maxArgs: 1 },
  exp: { minArgs: 1, maxArgs: 1 },
  ln: { minArgs: 1, maxArgs: 1 },
  log10: { minArgs: 1, maxArgs: 1 },
  sqrt: { minArgs: 1, maxArgs: 1 },
  sin: { minArgs: 1, maxArgs: 1 },
  cos: { minArgs: 1, maxArgs: 1 },
  tan: { minArgs: 1, maxArgs: 1 },
  arcsin: { minArgs: 1, maxArgs: 1 },
  arccos: { minArgs: 1, maxArgs: 1 },
  arctan: { minArgs: 1, maxArgs: 1 },
  sinh: { minArgs: 1, maxArgs: 1 },
  cosh: { minArgs: 1, maxArgs: 1 },
  tanh: { minArgs: 1, maxArgs: 1 },
  int: { minArgs: 1, maxArgs: 1 },
  sign: { minArgs: 1, maxArgs: 1 },
  min: { minArgs: 2, maxArgs: 2 },
  max: { minArgs: 2, maxArgs: 2 },
  mod: { minArgs: 2, maxArgs: 2 },
  power: { minArgs: 2, maxArgs: 2 },
  mean: { minArgs: 1, maxArgs: Infinity },
  safediv: { minArgs: 2, maxArgs: 3 },
  if_then_else: { minArgs: 3, maxArgs: 3 },
  pi: { minArgs: 0, maxArgs: 0 },
  step: { minArgs: 2, maxArgs: 2, timeDependent: true },
  ramp: { minArgs: 2, maxArgs: 3, timeDependent: true },
  pulse: { minArgs: 1, maxArgs: 3, timeDependent: true },
};

/** Seeded random builtins (XMILE 3.5.4); the optional last argument is a seed. */
export const RANDOM_FUNCTIONS: Readonly<Record<string, PureFunction>> = {
  random: { minArgs: 2, maxArgs: 3, timeDependent: true },
  normal: { minArgs: 2, maxArgs: 3, timeDependent: true },
  lognormal: { minArgs: 2, maxArgs: 3, timeDependent: true },
  triangular: { minArgs: 3, maxArgs: 4, timeDependent: true },
};

/** Stateful builtins, lowered to hidden stocks and state (graph/stateful.ts). */
export const STATEFUL_FUNCTIONS: Readonly<Record<string, PureFunction>> = {
  smth1: { minArgs: 2, maxArgs: 3 },
  smth3: { minArgs: 2, maxArgs: 3 },
  smthn: { minArgs: 3, maxArgs: 4 },
  delay1: { minArgs: 2, maxArgs: 3 },
  delay3: { minArgs: 2, maxArgs: 3 },
  delayn: { minArgs: 3, maxArgs: 4 },
  delay: { minArgs: 2, maxArgs: 3 },
  trend: { minArgs: 2, maxArgs: 3 },
  init: { minArgs: 1, maxArgs: 1 },
  previous: { minArgs: 1, maxArgs: 2 },
};

/** Vensim names xmutil can leave in converted XMILE, and XMILE synonyms, mapped to one canonical name. */
const ALIASES: Readonly<Record<string, string>> = {
  modulo: 'mod',
  integer: 'int',
  uniform: 'random',
  zidz: 'safediv',
  xidz: 'safediv',
  smooth: 'smth1',
  smoothi: 'smth1',
  smooth3: 'smth3',
  smooth3i: 'smth3',
  delay1i: 'delay1',
  delay3i: 'delay3',
  delay_fixed: 'delay',
  initial: 'init',
};

export const canonicalFunction = (id: string): string => ALIASES[id] ?? id;

/** Implementations of the pure functions of fixed arity 1 or 2. */
export function unaryImplementation(id: string, dialect: Dialect): ((a: number) => number) | undefined {
  switch (id) {
    case 'abs':
      return Math.abs;
    case 'exp':
      return Math.exp;
    case 'ln':
      return Math.log;
    case 'log10':
      return Math.log10;
    case 'sqrt':
      return Math.sqrt;
    case 'sin':
      return Math.sin;
    case 'cos':
      return Math.cos;
    case 'tan':
      return Math.tan;
    case 'arcsin':
      return Math.asin;
    case 'arccos':
      return Math.acos;
    case 'arctan':
      return Math.atan;
    case 'sinh':
      return Math.sinh;
    case 'cosh':
      return Math.cosh;
    case 'tanh':
      return Math.tanh;
    case 'sign':
      return Math.sign;
    case 'int':
      return dialect === 'vensim' ? Math.trunc : Math.floor;
    default:
      return undefined;
  }
}

export function binaryImplementation(
  id: string,
  dialect: Dialect,
): ((a: number, b: number) => number) | undefined {
  switch (id) {
    case 'min':
      return (a, b) => (a < b ? a : b);
    case 'max':
      return (a, b) => (a > b ? a : b);
    case 'mod':
      return dialect === 'vensim' ? (a, b) => a % b : floorMod;
    case 'power':
      return Math.pow;
    case 'safediv':
      return (a, b) => (b !== 0 ? a / b : 0);
    default:
      return undefined;
  }
}

/** STEP(height, time): Simlin's `step` (vm.rs), on from half a dt before the step time against rounding. */
export const step = (time: number, dt: number, height: number, stepTime: number): number =>
  time + dt / 2 > stepTime ? height : 0;

/** RAMP(slope, start[, end]): Simlin's `ramp` (vm.rs); zero until start, flat after end. */
export const ramp = (time: number, slope: number, start: number, end: number): number =>
  time > start ? slope * ((time < end ? time : end) - start) : 0;

/**
 * PULSE(magnitude, first[, interval]) as XMILE 3.5.3 and Simlin's `pulse` (vm.rs) define it: magnitude/DT
 * during the dt that starts at `first` and every `interval` after it (once when interval <= 0). The
 * comparisons allow a millionth of a dt for the rounding of `first + k*interval`.
 */
export function pulse(time: number, dt: number, magnitude: number, first: number, interval: number): number {
  const slack = dt * 1e-6;
  if (time < first - slack) return 0;
  let next = first;
  if (interval > 0) next = first + Math.floor((time - first + slack) / interval) * interval;
  return time >= next - slack && time < next + dt - slack ? magnitude / dt : 0;
}

/** The dialect a file's header implies (see the file comment). */
export function dialectOf(header: {
  readonly vendor?: string | undefined;
  readonly product?: string | undefined;
}): Dialect {
  return /vensim|ventana/i.test(`${header.vendor ?? ''} ${header.product ?? ''}`) ? 'vensim' : 'xmile';
}
