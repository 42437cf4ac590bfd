import { useEffect, useState } from 'react';
import type { ProjectId } from '../../../../electron/api/contract';
import { readMeasuredChoice, writeMeasuredChoice, type MeasuredChoice } from './measured-choice';
import { useMeasuredData } from './use-measured-data';

/**
 * The measured series chosen for a model, remembered per model (the charts' and the calibration's apart, as the
 * app remembers the charted variables): the data set being picked, the full choice once its table is read, and
 * the series that choice gives on the model's time axis.
 */
export function useMeasuredSelection(
  purpose: 'chart' | 'calibration',
  modelId: string,
  projectId: ProjectId,
  timeUnits: string | undefined,
  /** The model's start time, where the chosen date is placed. */
  startTime = 0,
) {
  // The calibration starts from the charts' choice: the series drawn against the model is the one to fit.
  const [choice, setChoice] = useState<MeasuredChoice | undefined>(
    () =>
      readMeasuredChoice(purpose, modelId) ??
      (purpose === 'calibration' ? readMeasuredChoice('chart', modelId) : undefined),
  );
  const [datasetId, setDatasetId] = useState<string | undefined>(choice?.datasetId);
  useEffect(() => writeMeasuredChoice(purpose, modelId, choice), [purpose, modelId, choice]);
  const data = useMeasuredData(projectId, datasetId, choice, timeUnits, startTime);
  const pick = (id: string | undefined) => {
    setDatasetId(id);
    if (id === undefined) setChoice(undefined);
  };
  return { choice, setChoice, datasetId, pick, ...data };
}
