import { useEffect, useMemo, useState } from 'react';
import type { MeasureDatasetSummary, MeasureTable, ProjectId } from '../../../../electron/api/contract';
import { call } from '../../api';
import { unitSizes } from '../../measure/kpi/kpi-breakdown';
import type { MeasuredChoice } from './measured-choice';
import { measuredOptions, scaledSeries, type OptionsReading, type SeriesReading } from './measured-options';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A data set the Dynamics page can draw or fit: KPI series and raw NPS answers. */
export type MeasuredDataset = MeasureDatasetSummary & { readonly kind: 'kpi' | 'nps' };

/**
 * The project's KPI and NPS data sets (measure.list, asked when the view opens so an import in the Measure
 * section shows up), the table of the one being chosen (measure.get, once per data set), what it offers, and the
 * chosen series on the model's time axis.
 */
/**
 * A KPI data set's minimum group size with the people in each unit (saved sizes, else the file's `n`), so a
 * unit smaller than that never reaches the Dynamics chart (issue 11), as it never shows in the KPIs tab. NPS
 * answers come from customers, whose units are not groups of people in the data.
 */
function privacyOf(dataset: MeasureDatasetSummary | undefined, table: MeasureTable) {
  if (dataset === undefined || dataset.kind !== 'kpi') return undefined;
  const saved = dataset.settings?.kind === 'kpi' ? dataset.settings.unitSizes : {};
  return {
    minGroupSize: dataset.privacy.minGroupSize,
    unitSizes: Object.fromEntries(unitSizes(table, saved).sizes),
  };
}

export function useMeasuredData(
  projectId: ProjectId,
  datasetId: string | undefined,
  choice: MeasuredChoice | undefined,
  timeUnits: string | undefined,
  startTime = 0,
) {
  const [datasets, setDatasets] = useState<readonly MeasuredDataset[] | undefined>();
  const [tables, setTables] = useState<ReadonlyMap<string, MeasureTable>>(new Map());
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    Promise.all([
      call('measure.list', { projectId, kind: 'kpi' }),
      call('measure.list', { projectId, kind: 'nps' }),
    ])
      .then(([kpi, nps]) => {
        if (!live) return;
        setDatasets(
          [...kpi, ...nps].filter(
            (entry): entry is MeasuredDataset => entry.kind === 'kpi' || entry.kind === 'nps',
          ),
        );
      })
      .catch((error: unknown) => {
        if (live) setProblem(`The project's measured data could not be listed: ${message(error)}`);
      });
    return () => {
      live = false;
    };
  }, [projectId]);

  useEffect(() => {
    if (datasetId === undefined || tables.has(datasetId)) return;
    let live = true;
    call('measure.get', { id: datasetId as MeasureDatasetSummary['id'] })
      .then((dataset) => {
        if (live) setTables((current) => new Map(current).set(datasetId, dataset.table));
      })
      .catch((error: unknown) => {
        if (live) setProblem(`The data set could not be read: ${message(error)}`);
      });
    return () => {
      live = false;
    };
  }, [datasetId, tables]);

  const dataset = datasets?.find((entry) => entry.id === datasetId);
  const table = datasetId === undefined ? undefined : tables.get(datasetId);
  const options: OptionsReading | undefined = useMemo(
    () =>
      dataset === undefined || table === undefined
        ? undefined
        : measuredOptions(dataset.name, dataset.kind, table),
    [dataset, table],
  );
  const choiceTable = choice === undefined ? undefined : tables.get(choice.datasetId);
  const series: SeriesReading | undefined = useMemo(() => {
    if (choice === undefined || choiceTable === undefined || options === undefined || !options.ok)
      return undefined;
    if (choice.datasetId !== datasetId) return undefined;
    return scaledSeries(
      choiceTable,
      choice,
      options.options,
      timeUnits,
      privacyOf(dataset, choiceTable),
      startTime,
    );
  }, [choice, choiceTable, options, datasetId, timeUnits, dataset, startTime]);

  return { datasets, dataset, options, series, problem };
}
