/** A data set as the Compare tab receives it from measure.get, made from a table read in a test. */
import type { MeasureDataset } from '../../../../electron/api/contract';
import type { DataTable } from '../../../../model/stats';

export function datasetOf(
  kind: 'experiment' | 'survey',
  table: DataTable,
  settings: MeasureDataset['settings'],
  minGroupSize = 5,
): MeasureDataset {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-000000000002',
    name: kind === 'survey' ? 'Empathy survey' : 'Script A/B test',
    kind,
    fileName: kind === 'survey' ? 'survey.csv' : 'script-test.csv',
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
