/**
 * The measurement data sets' figures for the Dynamics model (issue 10, point 4) on the sample files. Every
 * expectation is computed here from the CSV with plain arithmetic or taken from R (test/fixtures/measure), not
 * from model/measure.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { datasetFigures } from '../../../electron/services/measure-figures';
import { createHandlers } from '../../../electron/services/handlers';
import type {
  MeasureDataset,
  MeasureDatasetKind,
  MeasureSettings,
} from '../../../electron/store/measure-document';
import { measureDatasetRepository } from '../../../electron/store/measure-datasets';
import { openWorkspace } from '../../../electron/store/workspace';
import type { LinkableFigure } from '../../../model/schema/figure';
import { readRCsv, readTable } from '../../model/measure/helpers';
import { datasetOf, SAMPLE_SURVEY_SCORING } from '../../renderer/measure/dataset-of';
import { tempDataDir } from '../store/support';

/** A sample file of sample-data/measure as the app's data set. */
const dataset = (
  kind: MeasureDatasetKind,
  file: string,
  settings: MeasureSettings | null,
  minGroupSize = 5,
): MeasureDataset => datasetOf(kind, readTable(`sample-data/measure/${file}`), settings, minGroupSize, file);

const byKey = (figures: readonly LinkableFigure[]) =>
  new Map(figures.map((figure) => [figure.figure, figure]));
const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

const IRI_SURVEY = SAMPLE_SURVEY_SCORING;

describe('measurement figures', () => {
  it("offers each IRI subscale's organization mean per wave and for the latest wave, as R computes them", () => {
    const figures = byKey(datasetFigures(dataset('survey', 'survey.csv', IRI_SURVEY)));
    // R's per-respondent subscale means (reference.R), averaged here over each wave's scored respondents.
    const reference = readRCsv('test/fixtures/measure/survey-scores-r.csv');
    const expected = (wave: string, subscale: string) =>
      meanOf(
        reference
          .filter(
            (row) =>
              row['wave'] === wave && row[`${subscale}_mean`] !== 'NA' && row[`${subscale}_mean`] !== '',
          )
          .map((row) => Number(row[`${subscale}_mean`])),
      );
    expect([...figures.keys()].sort()).toEqual(
      ['before', 'after', 'latest']
        .flatMap((wave) => ['PT', 'FS', 'EC', 'PD'].map((s) => `${wave}.${s}`))
        .sort(),
    );
    for (const wave of ['before', 'after'])
      for (const subscale of ['PT', 'FS', 'EC', 'PD'])
        expect(figures.get(`${wave}.${subscale}`)?.value).toBeCloseTo(expected(wave, subscale), 12);
    // "after" is the last wave in the file.
    expect(figures.get('latest.EC')?.value).toBe(figures.get('after.EC')?.value);
    expect(figures.get('after.EC')).toMatchObject({
      instrument: 'measurement',
      label: 'Empathic concern, mean per item (0-4), wave after',
      units: 'points per item (0-4)',
    });
  });

  it('keys a survey without a wave column "all", and values a QMEE without its reverse key null', () => {
    const { waveColumn: _wave, ...noWave } = IRI_SURVEY;
    const all = byKey(datasetFigures(dataset('survey', 'survey.csv', noWave)));
    expect([...all.keys()]).toEqual(['all.PT', 'all.FS', 'all.EC', 'all.PD']);
    expect(all.get('all.EC')?.label).toBe('Empathic concern, mean per item (0-4), all respondents');
    const qmee = datasetFigures(
      dataset('survey', 'survey.csv', { kind: 'survey', scale: 'qmee', columns: {}, waveColumn: 'wave' }),
    );
    expect(qmee.length).toBeGreaterThan(0);
    expect(qmee.every((figure) => figure.value === null)).toBe(true);
  });

  it('hides a survey figure over fewer respondents than the minimum group size', () => {
    // 100 respondents a wave; a minimum of 101 leaves every figure without a value.
    const figures = datasetFigures(dataset('survey', 'survey.csv', IRI_SURVEY, 101));
    expect(figures.every((figure) => figure.value === null)).toBe(true);
    expect(figures[0]?.label).toMatch(/hidden: fewer than 101 respondents/);
  });

  const kpiRows = readTable('sample-data/measure/kpi.csv').rows.map(
    ([date = '', unit = '', kpi = '', value = '']) => ({
      month: date.slice(0, 7),
      unit,
      kpi,
      value: Number(value),
    }),
  );
  const latestMonth = (kpi: string) =>
    kpiRows
      .filter((row) => row.kpi === kpi)
      .reduce((latest, row) => (row.month > latest ? row.month : latest), '');

  it("offers each KPI's latest month, over units and per unit", () => {
    const figures = byKey(datasetFigures(dataset('kpi', 'kpi.csv', { kind: 'kpi', unitSizes: {} })));
    for (const kpi of ['employee_retention', 'engagement', 'customer_retention', 'resolution_time']) {
      const month = latestMonth(kpi);
      const rows = kpiRows.filter((row) => row.kpi === kpi && row.month === month);
      expect(figures.get(`latest.${kpi}`)?.value).toBeCloseTo(meanOf(rows.map((row) => row.value)), 12);
      for (const row of rows) expect(figures.get(`latest.${row.unit}.${kpi}`)?.value).toBe(row.value);
    }
    expect(figures.get('latest.Customer Care.resolution_time')).toMatchObject({
      label: 'Resolution time, Customer Care, 2026-06',
      units: 'hours',
    });
    expect(figures.has('latest.Finance.resolution_time')).toBe(false);
  });

  it('leaves out a unit smaller than the minimum group size, from its figures and from the mean', () => {
    const small = dataset('kpi', 'kpi.csv', { kind: 'kpi', unitSizes: { Finance: 4, Sales: 18 } });
    const figures = byKey(datasetFigures(small));
    expect([...figures.keys()].some((key) => key.startsWith('latest.Finance.'))).toBe(false);
    expect(figures.has('latest.Sales.engagement')).toBe(true);
    const month = latestMonth('engagement');
    const others = kpiRows.filter(
      (row) => row.kpi === 'engagement' && row.month === month && row.unit !== 'Finance',
    );
    expect(others).toHaveLength(5);
    expect(figures.get('latest.engagement')?.value).toBeCloseTo(meanOf(others.map((row) => row.value)), 12);
    expect(figures.get('latest.engagement')?.label).toBe(
      'Engagement, mean over 5 units, 2026-06 (1 unit of fewer than 5 people left out)',
    );
    // An `n` column counts too: every Operations row says 3 people.
    const withN = dataset('kpi', 'kpi.csv', { kind: 'kpi', unitSizes: {} });
    const unitAt = withN.table.columns.indexOf('unit');
    const table = {
      columns: [...withN.table.columns, 'n'],
      rows: withN.table.rows.map((row) => [...row, row[unitAt] === 'Operations' ? '3' : '12']),
    };
    const fromN = byKey(datasetFigures({ ...withN, table, columns: table.columns }));
    expect([...fromN.keys()].some((key) => key.startsWith('latest.Operations.'))).toBe(false);
    expect(fromN.has('latest.Finance.engagement')).toBe(true);
  });

  it('computes the NPS of the latest quarter from the answers, per unit and over every unit', () => {
    const answers = readTable('sample-data/measure/nps-answers.csv').rows.map(
      ([date = '', unit = '', answer = '']) => ({
        quarter: `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`,
        unit,
        answer: Number(answer),
      }),
    );
    const latest = answers.reduce((last, row) => (row.quarter > last ? row.quarter : last), '');
    // Reichheld (2003): % promoters (9-10) minus % detractors (0-6).
    const nps = (list: readonly number[]) =>
      (100 * (list.filter((answer) => answer >= 9).length - list.filter((answer) => answer <= 6).length)) /
      list.length;
    const figures = byKey(datasetFigures(dataset('nps', 'nps-answers.csv', null)));
    const inQuarter = answers.filter((row) => row.quarter === latest);
    expect(figures.get('latest.nps')?.value).toBeCloseTo(nps(inQuarter.map((row) => row.answer)), 12);
    for (const unit of ['Customer Care', 'Sales'])
      expect(figures.get(`latest.${unit}.nps`)?.value).toBeCloseTo(
        nps(inQuarter.filter((row) => row.unit === unit).map((row) => row.answer)),
        12,
      );
    expect(figures.get('latest.Sales.nps')?.label).toBe(`Net Promoter Score, Sales, ${latest} (90 answers)`);
  });

  it('reaches the Dynamics view through links.figures', async () => {
    const workspace = openWorkspace({ dataDir: tempDataDir() });
    const project = workspace.projects.create({ name: 'Care' });
    const survey = dataset('survey', 'survey.csv', IRI_SURVEY);
    const stored = measureDatasetRepository(workspace.db).create(
      {
        projectId: project.id,
        name: 'Empathy survey',
        kind: 'survey',
        fileName: 'survey.csv',
        table: survey.table,
        settings: IRI_SURVEY,
        privacy: { pseudonymized: false, idColumn: 'id', droppedColumns: [] },
      },
      null,
    );
    const handlers = createHandlers({ workspace, host: 'test' });
    const answer = await dispatch(handlers, 'links.figures', { projectId: project.id });
    if (!answer.ok) throw new Error(answer.error.message);
    const figures = (answer.value as LinkableFigure[]).filter(
      (figure) => figure.instrument === 'measurement',
    );
    expect(figures).toHaveLength(12);
    expect(
      figures.every((figure) => figure.documentId === stored.id && figure.documentName === 'Empathy survey'),
    ).toBe(true);
    // A new minimum group size or name reaches the figures at once (they are cached per version of the set).
    const repository = measureDatasetRepository(workspace.db);
    repository.updatePrivacy(stored.id, { minGroupSize: 101 });
    repository.rename(stored.id, 'Survey 2026');
    const again = await dispatch(handlers, 'links.figures', { projectId: project.id });
    if (!again.ok) throw new Error(again.error.message);
    const changed = (again.value as LinkableFigure[]).filter((figure) => figure.instrument === 'measurement');
    expect(changed.every((figure) => figure.value === null && figure.documentName === 'Survey 2026')).toBe(
      true,
    );
    workspace.close();
  });
});
