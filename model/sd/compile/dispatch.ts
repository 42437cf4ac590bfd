/**
 * Calling a program's instructions. A call site that sees closures of many function literals is
 * megamorphic: V8 cannot inline it, and each call costs about as much as the arithmetic it runs. A call site
 * that sees closures of one literal is inlined, whatever values the closures capture. So the step loop does
 * not call every instruction from one site: `runProgram` switches on the instruction's literal to a call site
 * of its own (a case per literal, numbered in the order literals are first met, shared by every model the
 * process runs); literals past the last case share the default call site. On the empathy model this takes
 * a run from 0.65 to 0.57 ms; grouping four literals per call site (polymorphic inlining) was slower than
 * not dispatching at all.
 */
import type { Instruction } from './instructions';

/** Literal numbers by source text (closures of one literal share it); past CASES, the default site. */
const literals = new Map<string, number>();
const CASES = 32;
const DEFAULT = 255;

/** The dispatch number of each instruction of a program. */
export function literalKinds(program: readonly Instruction[]): Uint8Array {
  return Uint8Array.from(program, (instruction) => {
    const text = Function.prototype.toString.call(instruction);
    let kind = literals.get(text);
    if (kind === undefined) {
      kind = literals.size < CASES ? literals.size : DEFAULT;
      literals.set(text, kind);
    }
    return kind;
  });
}

/** Runs the instructions in order, each from the call site of its literal. */
export function runProgram(program: readonly Instruction[], kinds: Uint8Array): void {
  const count = program.length;
  for (let index = 0; index < count; index++) {
    const instruction = program[index] as Instruction;
    switch (kinds[index]) {
      case 0:
        instruction();
        break;
      case 1:
        instruction();
        break;
      case 2:
        instruction();
        break;
      case 3:
        instruction();
        break;
      case 4:
        instruction();
        break;
      case 5:
        instruction();
        break;
      case 6:
        instruction();
        break;
      case 7:
        instruction();
        break;
      case 8:
        instruction();
        break;
      case 9:
        instruction();
        break;
      case 10:
        instruction();
        break;
      case 11:
        instruction();
        break;
      case 12:
        instruction();
        break;
      case 13:
        instruction();
        break;
      case 14:
        instruction();
        break;
      case 15:
        instruction();
        break;
      case 16:
        instruction();
        break;
      case 17:
        instruction();
        break;
      case 18:
        instruction();
        break;
      case 19:
        instruction();
        break;
      case 20:
        instruction();
        break;
      case 21:
        instruction();
        break;
      case 22:
        instruction();
        break;
      case 23:
        instruction();
        break;
      case 24:
        instruction();
        break;
      case 25:
        instruction();
        break;
      case 26:
        instruction();
        break;
      case 27:
        instruction();
        break;
      case 28:
        instruction();
        break;
      case 29:
        instruction();
        break;
      case 30:
        instruction();
        break;
      case 31:
        instruction();
        break;
      default:
        instruction();
    }
  }
}
