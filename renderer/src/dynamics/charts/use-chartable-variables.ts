import { useState } from 'react';
import type { CompileState } from '../session/use-dynamics-session';
import type { ChartableVariable } from './chart-variables';

const CHARTABLE = new Set<ChartableVariable['kind']>(['stock', 'flow', 'aux']);
const NONE: readonly ChartableVariable[] = [];

/**
 * The model's variables a run reports and a chart can draw (stocks, flows, auxiliaries; not graphical-function
 * tables), from the last compile that succeeded, so charts keep their picker while an edit recompiles.
 */
export function useChartableVariables(compile: CompileState): readonly ChartableVariable[] {
  const [state, setState] = useState<{ from: unknown; variables: readonly ChartableVariable[] }>({
    from: undefined,
    variables: NONE,
  });
  if (compile.status === 'ready' && compile.info.variables !== state.from) {
    setState({
      from: compile.info.variables,
      variables: compile.info.variables.filter((variable) => CHARTABLE.has(variable.kind)),
    });
  }
  return state.variables;
}
