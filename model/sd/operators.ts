/**
 * What the operators of XMILE 1.0 section 3.3.1 compute, shared by constant folding, start-value evaluation
 * and the closure compiler's generic paths. Comparisons give 1 or 0; `=` forgives the last bits of
 * rounding and logic treats any non-zero value as true (Simlin's `eval_op2`, `is_truthy`).
 */
import type { BinaryOperator, UnaryOperator } from './equation/ast';
import { approximatelyEqual, floorMod, isTrue, type Dialect } from './functions';

export function applyUnary(op: UnaryOperator, value: number): number {
  switch (op) {
    case '-':
      return -value;
    case '+':
      return value;
    case 'not':
      return isTrue(value) ? 0 : 1;
  }
}

export function binaryOperation(op: BinaryOperator, dialect: Dialect): (a: number, b: number) => number {
  switch (op) {
    case '+':
      return (a, b) => a + b;
    case '-':
      return (a, b) => a - b;
    case '*':
      return (a, b) => a * b;
    case '/':
      return (a, b) => a / b;
    case '^':
      return Math.pow;
    case 'mod':
      return dialect === 'vensim' ? (a, b) => a % b : floorMod;
    case '<':
      return (a, b) => (a < b ? 1 : 0);
    case '<=':
      return (a, b) => (a <= b ? 1 : 0);
    case '>':
      return (a, b) => (a > b ? 1 : 0);
    case '>=':
      return (a, b) => (a >= b ? 1 : 0);
    case '=':
      return (a, b) => (approximatelyEqual(a, b) ? 1 : 0);
    case '<>':
      return (a, b) => (approximatelyEqual(a, b) ? 0 : 1);
    case 'and':
      return (a, b) => (isTrue(a) && isTrue(b) ? 1 : 0);
    case 'or':
      return (a, b) => (isTrue(a) || isTrue(b) ? 1 : 0);
  }
}
