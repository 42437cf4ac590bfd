/**
 * The arithmetic of the difference-in-differences chart, apart from drawing: the four cell means as two lines
 * (control and treated, before to after) and the treated group's counterfactual, its before mean moved by the
 * control group's change (the parallel-trends assumption), whose gap to the treated after mean is the estimate.
 */
import type { DidResult } from '../../../../model/measure';

export interface DidLine {
  readonly group: string;
  readonly before: number;
  readonly after: number;
}

export interface DidChartData {
  readonly before: string;
  readonly after: string;
  readonly control: DidLine;
  readonly treated: DidLine;
  /** The treated group had it moved as the control group did. */
  readonly counterfactual: DidLine;
  /** treated.after − counterfactual.after: the DiD estimate. */
  readonly gap: number;
  readonly domain: readonly [number, number];
}

function cellMean(result: DidResult, group: string, period: string): number {
  const cell = result.cells.find((entry) => entry.group === group && entry.period === period);
  return cell?.mean ?? Number.NaN;
}

export function didChartData(result: DidResult): DidChartData {
  const line = (group: string): DidLine => ({
    group,
    before: cellMean(result, group, result.before),
    after: cellMean(result, group, result.after),
  });
  const control = line(result.control);
  const treated = line(result.treated);
  const counterfactual = {
    group: result.treated,
    before: treated.before,
    after: treated.before + (control.after - control.before),
  };
  const values = [control.before, control.after, treated.before, treated.after, counterfactual.after];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high > low ? (high - low) * 0.15 : Math.max(Math.abs(high) * 0.1, 1);
  return {
    before: result.before,
    after: result.after,
    control,
    treated,
    counterfactual,
    gap: treated.after - counterfactual.after,
    domain: [low - pad, high + pad],
  };
}
