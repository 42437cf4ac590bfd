/**
 * Measured data on the Dynamics charts (issue 10, point 4): a KPI or NPS series of the project drawn as dots on
 * the chart of the model variable it is compared with, remembered per model.
 */
import { useCallback } from 'react';
import type { ModelRecord } from '../../../../electron/api/contract';
import { canonicalName, type ModelDocument } from '../../../../model/sd';
import { unitsOf, type ChartableVariable } from '../charts/chart-variables';
import { withinRun, type ScaledSeries } from './measured-options';
import { MeasuredSeriesPicker } from './MeasuredSeriesPicker';
import { useMeasuredSelection } from './use-measured-selection';
import './measured.css';

export function useMeasuredOverlay(
  record: Pick<ModelRecord, 'id' | 'projectId'>,
  document: ModelDocument,
  variables: readonly ChartableVariable[],
) {
  const selection = useMeasuredSelection(
    'chart',
    record.id,
    record.projectId,
    document.simSpecs.timeUnits,
    document.simSpecs.start,
  );
  const { choice, series } = selection;
  const known = variables.some((variable) => variable.id === canonicalName(choice?.variable ?? ''));
  const variable = series?.ok === true && known ? choice?.variable : undefined;
  const ready = series?.ok === true ? series.series : undefined;
  /** The measured series within the run's time span when `name` is the compared variable. */
  const seriesFor = useCallback(
    (name: string, runTime: ArrayLike<number>): ScaledSeries | undefined => {
      if (ready === undefined || variable === undefined || canonicalName(name) !== canonicalName(variable))
        return undefined;
      const start = runTime[0];
      const stop = runTime[runTime.length - 1];
      return start === undefined || stop === undefined ? ready : withinRun(ready, start, stop);
    },
    [ready, variable],
  );
  return { selection, variable, seriesFor };
}

export type MeasuredOverlayState = ReturnType<typeof useMeasuredOverlay>;

export function MeasuredOverlay({
  overlay,
  variables,
  document,
}: {
  readonly overlay: MeasuredOverlayState;
  readonly variables: readonly ChartableVariable[];
  readonly document: ModelDocument;
}) {
  const unitsOfVariable = useCallback((name: string) => unitsOf(document, name), [document]);
  const active = overlay.selection.choice !== undefined;
  return (
    <details className="measured-data" open={active ? true : undefined}>
      <summary>
        Measured data
        {active && overlay.variable !== undefined ? (
          <span className="muted small"> · on the chart of {overlay.variable}</span>
        ) : null}
      </summary>
      <MeasuredSeriesPicker
        selection={overlay.selection}
        variables={variables}
        unitsOf={unitsOfVariable}
        variableLabel="Compare with"
      />
    </details>
  );
}
