/**
 * The example organization's measurements (sample-data/measure, see its README) in the sample project: the
 * empathy survey, the KPI series, the raw NPS answers, the initiatives and the script A/B test, each read and
 * checked by the same path a user's file takes (measure-import.ts) and stored as a data set. Called by
 * samples.ts inside its transaction, so the sample project is created whole or not at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectId } from '../../model/schema/project';
import { readCsvText } from '../../model/stats';
import type { MeasureDataset, MeasureDatasetKind, MeasureSettings } from '../store/measure-document';
import { measureDatasetRepository } from '../store/measure-datasets';
import type { Workspace } from '../store/workspace';
import { assertImportable, readMeasureFile } from './measure-import';

const SAMPLE_MEASURE_FOLDER = 'measure';
/** Where the team sizes come from: the same fictional company's people (sample-data/network/nodes.csv). */
const SAMPLE_PEOPLE_FILE = join('network', 'nodes.csv');

/**
 * Issue 11: the sample's people are invented (sample-data/measure/README.md), so their ids are kept and
 * individual views are allowed, to show what those views look like; the note says why, in the app and in
 * every export.
 */
export const SAMPLE_MEASURE_PRIVACY_NOTE =
  'the people of this sample organization are fictional, so their ids are kept and individual views are allowed';

interface SampleDataset {
  readonly name: string;
  readonly kind: MeasureDatasetKind;
  readonly fileName: string;
  readonly settings: (unitSizes: Readonly<Record<string, number>>) => MeasureSettings | null;
}

export const SAMPLE_MEASURE_DATASETS: readonly SampleDataset[] = [
  {
    name: 'Empathy survey (IRI)',
    kind: 'survey',
    fileName: 'survey.csv',
    settings: () => ({
      kind: 'survey',
      scale: 'iri',
      columns: {},
      idColumn: 'id',
      teamColumn: 'team',
      waveColumn: 'wave',
    }),
  },
  {
    name: 'KPIs by team',
    kind: 'kpi',
    fileName: 'kpi.csv',
    settings: (unitSizes) => ({ kind: 'kpi', unitSizes: { ...unitSizes } }),
  },
  { name: 'NPS answers', kind: 'nps', fileName: 'nps-answers.csv', settings: () => null },
  { name: 'Initiatives', kind: 'initiatives', fileName: 'initiatives.csv', settings: () => null },
  {
    name: 'Script A/B test',
    kind: 'experiment',
    fileName: 'script-test.csv',
    settings: () => ({ kind: 'experiment', comparison: 'ab', group: 'script', outcome: 'resolved' }),
  },
];

/** The number of people in each team of the sample network's node table (its `team` column). */
export function teamSizes(nodesText: string, fileName = 'nodes.csv'): Record<string, number> {
  const read = readCsvText(nodesText, fileName);
  if (!read.ok) throw new Error(read.problem.message);
  const teamAt = read.table.columns.indexOf('team');
  if (teamAt < 0) throw new Error(`${fileName} has no column "team"`);
  const sizes: Record<string, number> = {};
  for (const row of read.table.rows) {
    const team = (row[teamAt] ?? '').trim();
    if (team !== '') sizes[team] = (sizes[team] ?? 0) + 1;
  }
  return sizes;
}

/**
 * Adds the five sample data sets to `projectId` from `sampleDir` (the folder holding measure/ and network/), or
 * does nothing when the files are not there (a build without them). A shipped file that fails its checks is a
 * bug of the build: it throws, and the caller's transaction leaves the workspace as it was.
 */
export function seedMeasureSamples(
  workspace: Workspace,
  projectId: ProjectId,
  sampleDir: string,
): MeasureDataset[] {
  const folder = join(sampleDir, SAMPLE_MEASURE_FOLDER);
  const peopleFile = join(sampleDir, SAMPLE_PEOPLE_FILE);
  if (
    !existsSync(peopleFile) ||
    !SAMPLE_MEASURE_DATASETS.every((sample) => existsSync(join(folder, sample.fileName)))
  )
    return [];
  const unitSizes = teamSizes(readFileSync(peopleFile, 'utf8'));
  const datasets = measureDatasetRepository(workspace.db);
  return SAMPLE_MEASURE_DATASETS.map((sample) => {
    const settings = sample.settings(unitSizes);
    const source = {
      kind: sample.kind,
      fileName: sample.fileName,
      text: readFileSync(join(folder, sample.fileName), 'utf8'),
    };
    const reading = readMeasureFile(source, settings ?? undefined);
    assertImportable(sample.fileName, reading.problems);
    return datasets.create(
      {
        projectId,
        name: sample.name,
        kind: sample.kind,
        fileName: sample.fileName,
        table: reading.table,
        settings,
        privacy: {
          pseudonymized: false,
          idColumn: reading.idColumn,
          droppedColumns: [],
          individualConsent: true,
          note: SAMPLE_MEASURE_PRIVACY_NOTE,
        },
      },
      null,
    );
  });
}
