/**
 * DELAY(input, delay time, [initial]): a pipeline delay that remembers the input at every step. The delay
 * time is read once, when the run starts, and is at least one dt (Stella's help on DELAY: "uses the initial
 * value for its fixed lag time"; Vensim's DELAY FIXED: "the minimum delay time is TIME STEP"). Between steps
 * the history is interpolated linearly. The history buffer is allocated once per runner. The input and the
 * delay time are slots of the run's array (lowering makes them variables or numbers).
 */
import type { Instruction } from './instructions';

export class PipelineDelay {
  private readonly history: Float64Array;
  private recorded = 0;
  private initial = 0;
  /** The lag in steps of dt. */
  private lag = 1;

  constructor(
    /** Where the delay's output lives; it holds the initial value once the start values are computed. */
    private readonly slot: number,
    steps: number,
    private readonly inputSlot: number,
    private readonly delayTimeSlot: number,
  ) {
    this.history = new Float64Array(steps + 1);
  }

  /** Called when the start values are known. */
  begin(values: Float64Array, dt: number): void {
    this.initial = values[this.slot] as number;
    this.recorded = 0;
    this.lag = Math.max(1, (values[this.delayTimeSlot] as number) / dt);
  }

  /** Remembers the input at this step (called once per step, after the step's values are computed). */
  record(values: Float64Array, step: number): void {
    this.history[step] = values[this.inputSlot] as number;
    this.recorded = step + 1;
  }

  /**
   * The instruction computing the output into its slot: the input as recorded `lag` steps before the
   * current time, the initial value before that.
   */
  output(values: Float64Array, timeSlot: number, start: number, dt: number): Instruction {
    const history = this.history;
    const slot = this.slot;
    return () => {
      const position = ((values[timeSlot] as number) - start) / dt - this.lag;
      const last = this.recorded - 1;
      if (position < -1e-9 || last < 0) {
        values[slot] = this.initial;
        return;
      }
      const clamped = position > last ? last : position;
      const index = Math.floor(clamped + 1e-9);
      const fraction = clamped - index;
      const at = history[index] as number;
      values[slot] =
        fraction <= 1e-9 || index >= last ? at : at + ((history[index + 1] as number) - at) * fraction;
    };
  }
}
