import { useCallback, useEffect, useState } from 'react';
import type { MeasureDataset, MeasureDatasetId } from '../../../electron/api/contract';
import { call } from '../api';
import { errorText } from '../conjoint/format';

/** A data set opened whole, or why it could not be. */
export type OpenedDataset =
  | { readonly id: MeasureDatasetId; readonly dataset: MeasureDataset }
  | { readonly id: MeasureDatasetId; readonly error: string };

/**
 * The chosen data set loaded whole (`measure.get`) for a Measure tab: undefined while it loads (and while another
 * chosen one replaces it), a late answer for a data set no longer chosen dropped. `keep` puts in the data set a
 * tab just saved, so it is not fetched again.
 */
export function useDataset(id: MeasureDatasetId | undefined): {
  readonly opened: OpenedDataset | undefined;
  readonly keep: (dataset: MeasureDataset) => void;
} {
  const [loaded, setLoaded] = useState<OpenedDataset | undefined>();

  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    call('measure.get', { id }).then(
      (dataset) => {
        if (live) setLoaded({ id, dataset });
      },
      (error: unknown) => {
        if (live) setLoaded({ id, error: `The data set could not be opened: ${errorText(error)}` });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  const keep = useCallback((dataset: MeasureDataset) => setLoaded({ id: dataset.id, dataset }), []);
  return { opened: id !== undefined && loaded?.id === id ? loaded : undefined, keep };
}
