/**
 * A survey's scoring settings as edited on the Scales tab: shown at once, saved to the workspace
 * (measure.updateSettings) once they have been still for a moment, one save after another so the last change is
 * the one kept. A save still waiting when the tab closes is sent at once, and one waiting when the window closes
 * is saved first (registered as busy work, app/busy.ts), as the SROI session does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeasureDataset, MeasureDatasetId, SurveySettings } from '../../../../electron/api/contract';
import { call } from '../../api';
import { registerBusy } from '../../app/busy';
import { errorText } from '../../conjoint/format';

/** A burst of edits (typing a range, ticking items) is one save. */
export const SETTINGS_SAVE_DELAY_MS = 400;

export type SettingsSave =
  | { readonly status: 'saved' }
  | { readonly status: 'waiting' }
  | { readonly status: 'failed'; readonly message: string };

export function useSurveySettings(
  datasetId: MeasureDatasetId,
  datasetName: string,
  initial: SurveySettings,
  /** True when the data set has no saved settings yet: the defaults are saved as if edited. */
  unsaved: boolean,
  onSaved: (dataset: MeasureDataset) => void,
) {
  const [settings, setSettings] = useState<SurveySettings>(initial);
  const [save, setSave] = useState<SettingsSave>({ status: 'saved' });
  const [edited, setEdited] = useState(unsaved);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const onSavedRef = useRef(onSaved);
  const latest = useRef(settings);
  const waiting = useRef(false);
  useEffect(() => {
    onSavedRef.current = onSaved;
    latest.current = settings;
  }, [onSaved, settings]);

  const send = useCallback(
    (next: SurveySettings): Promise<void> => {
      const sent = chain.current.then(async () => {
        try {
          const saved = await call('measure.updateSettings', { id: datasetId, settings: next });
          setSave({ status: 'saved' });
          onSavedRef.current(saved);
        } catch (error) {
          setSave({ status: 'failed', message: `The settings could not be saved: ${errorText(error)}` });
        }
      });
      chain.current = sent;
      return sent;
    },
    [datasetId],
  );

  useEffect(() => {
    if (!edited) return;
    waiting.current = true;
    let sending: Promise<void> | undefined;
    const saveNow = (): Promise<void> => {
      clearTimeout(timer);
      if (sending === undefined) {
        waiting.current = false;
        sending = send(settings).finally(release);
      }
      return sending;
    };
    const timer = setTimeout(() => void saveNow(), SETTINGS_SAVE_DELAY_MS);
    const release = registerBusy({ label: `Scale settings of "${datasetName}"`, flush: saveNow });
    return () => {
      clearTimeout(timer);
      release();
    };
  }, [edited, settings, send, datasetName]);

  // Closing the tab (another data set, another section) sends the change still waiting for its timer.
  useEffect(
    () => () => {
      if (waiting.current) void send(latest.current);
    },
    [send],
  );

  const change = useCallback((update: (previous: SurveySettings) => SurveySettings) => {
    setSettings(update);
    setEdited(true);
    setSave({ status: 'waiting' });
  }, []);

  return { settings, change, save };
}
