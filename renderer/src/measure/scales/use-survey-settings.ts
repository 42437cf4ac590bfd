/**
 * A survey's scoring settings as edited on the Scales tab: shown at once, saved to the workspace
 * (measure.updateSettings) once they have been still for a moment, one save after another so the last change is
 * the one kept. A save still waiting when the tab closes is sent at once, and one waiting when the window closes
 * is saved first (app/use-queued-save.ts, as the SROI and Dynamics sessions do).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeasureDataset, MeasureDatasetId, SurveySettings } from '../../../../electron/api/contract';
import { call } from '../../api';
import { SaveQueue, type SaveState } from '../../app/save-queue';
import { useQueuedSave } from '../../app/use-queued-save';
import { errorText } from '../../conjoint/format';

/** A burst of edits (typing a range, ticking items) is one save. */
export const SETTINGS_SAVE_DELAY_MS = 400;

export function useSurveySettings(
  datasetId: MeasureDatasetId,
  datasetName: string,
  initial: SurveySettings,
  /** True when the data set has no saved settings yet: the defaults are saved as if edited. */
  unsaved: boolean,
  onSaved: (dataset: MeasureDataset) => void,
) {
  const [settings, setSettings] = useState<SurveySettings>(initial);
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const saveSettings = useCallback(
    async (next: SurveySettings) => {
      try {
        onSavedRef.current(await call('measure.updateSettings', { id: datasetId, settings: next }));
      } catch (error) {
        throw new Error(`The settings could not be saved: ${errorText(error)}`, { cause: error });
      }
    },
    [datasetId],
  );
  // Made once: its state outlives renders (a data set's id never changes under one tab). saveSettings reads
  // onSavedRef when a save runs, never during render; the compiler's rule cannot tell a callback stored for
  // later from one called now.
  // eslint-disable-next-line react-hooks/refs
  const [saves] = useState(() => new SaveQueue(saveSettings, unsaved ? null : initial, setSave));
  useQueuedSave(saves, settings, {
    delayMs: SETTINGS_SAVE_DELAY_MS,
    label: () => `Scale settings of "${datasetName}"`,
  });

  const change = useCallback((update: (previous: SurveySettings) => SurveySettings) => {
    setSettings(update);
  }, []);

  return { settings, change, save };
}
