/**
 * A measurement data set as measure.get hands it to the app (the Compare tab, the figures offered to the model),
 * made from a table read in a test: the one builder the measure tests share.
 */
import type { MeasureDataset, MeasureDatasetKind, SurveySettings } from '../../../electron/api/contract';
import type { DataTable } from '../../../model/stats';

/** How the sample survey (sample-data/measure/survey.csv) is scored: the IRI, by id, team and wave. */
export const SAMPLE_SURVEY_SCORING: SurveySettings = {
  kind: 'survey',
  scale: 'iri',
  columns: {},
  idColumn: 'id',
  teamColumn: 'team',
  waveColumn: 'wave',
};

const SAMPLE_NAMES: Partial<
  Record<MeasureDatasetKind, { readonly name: string; readonly fileName: string }>
> = {
  survey: { name: 'Empathy survey', fileName: 'survey.csv' },
  experiment: { name: 'Script A/B test', fileName: 'script-test.csv' },
};

export function datasetOf(
  kind: MeasureDatasetKind,
  table: DataTable,
  settings: MeasureDataset['settings'],
  minGroupSize = 5,
  fileName?: string,
): MeasureDataset {
  const names = fileName === undefined ? SAMPLE_NAMES[kind] : { name: fileName, fileName };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-000000000002',
    name: names?.name ?? kind,
    kind,
    fileName: names?.fileName ?? `${kind}.csv`,
    rowCount: table.rows.length,
    columns: table.columns,
    settings,
    privacy: {
      pseudonymized: false,
      idColumn: null,
      droppedColumns: [],
      keyKept: false,
      secretKept: false,
      individualConsent: false,
      minGroupSize,
      note: '',
    },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    table: { columns: [...table.columns], rows: table.rows.map((row) => [...row]) },
  } as unknown as MeasureDataset;
}
