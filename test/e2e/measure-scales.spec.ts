import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callHost, type RunningHost } from './web-host';

/**
 * Issue 10, point 1 (issue 11, points 2-3) end to end in Chromium through the web host, on the sample project
 * with the sample survey imported through the API without settings: the Scales tab finds the IRI and the team
 * and wave columns and saves them, shows each subscale's alpha (perspective taking's checked against Cronbach's
 * formula computed here from the CSV), hides Finance (10 people per wave) once the minimum group size is raised
 * to 11 with the note saying so, shows per-person scores only with consent, and exports team scores whose stamp
 * says what was hidden. Screenshots in light and dark go to the test's output folder.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const SURVEY_TEXT = readFileSync(resolve(ROOT, 'sample-data/measure/survey.csv'), 'utf8');
const SURVEY_NAME = 'Staff survey for the Scales tab';

const api = callHost;

/**
 * Perspective taking's alpha from the CSV, written out here: items 3, 8, 11, 15, 21, 25, 28 (Davis 1980), 3 and
 * 15 reverse-keyed (4 - x), respondents who answered all seven (listwise), Cronbach (1951) with sample variances.
 */
function perspectiveTakingAlpha(): { alpha: number; n: number } {
  const [header, ...lines] = SURVEY_TEXT.trim().split('\n');
  const columns = (header ?? '').split(',');
  const items = [3, 8, 11, 15, 21, 25, 28];
  const rows = lines
    .map((line) => {
      const cells = line.split(',');
      return items.map((item) => {
        const cell = (cells[columns.indexOf(`IRI${item}`)] ?? '').trim();
        if (cell === '') return Number.NaN;
        return item === 3 || item === 15 ? 4 - Number(cell) : Number(cell);
      });
    })
    .filter((row) => row.every((value) => Number.isFinite(value)));
  const variance = (values: number[]) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  };
  const k = items.length;
  let itemVariances = 0;
  for (let j = 0; j < k; j++) itemVariances += variance(rows.map((row) => row[j] as number));
  const total = variance(rows.map((row) => row.reduce((sum, value) => sum + value, 0)));
  return { alpha: (k / (k - 1)) * (1 - itemVariances / total), n: rows.length };
}

async function importSurvey(host: RunningHost): Promise<string> {
  const projects = await api<{ id: string; name: string }[]>(host, 'projects.list', {});
  const project = projects.find((candidate) => candidate.name === SAMPLE_PROJECT);
  if (project === undefined) throw new Error('no sample project');
  const survey = await api<{ id: string }>(host, 'measure.import', {
    projectId: project.id,
    name: SURVEY_NAME,
    kind: 'survey',
    fileName: 'survey.csv',
    text: SURVEY_TEXT,
    individualConsent: true,
    minGroupSize: 5,
  });
  return survey.id;
}

async function openScales(page: Page, host: RunningHost, surveyId: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await page.getByRole('link', { name: 'Measure' }).click();
  await expect(page.getByRole('heading', { name: 'Measure', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Scales' }).click();
  await page.getByLabel('Survey', { exact: true }).selectOption(surveyId);
  await expect(page.getByTestId('alpha-table')).toBeVisible();
}

async function darkScreenshot(browser: Browser, name: string, open: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await open(page);
  await page.screenshot({ path: test.info().outputPath(`${name}-dark.png`), fullPage: true });
  await page
    .getByTestId('team-change-charts')
    .screenshot({ path: test.info().outputPath(`${name}-charts-dark.png`) });
  await context.close();
}

const ptRow = (page: Page) => page.getByTestId('alpha-table').locator('tr[data-subscale="PT"]');

test('IRI scored with its alphas, a small team hidden, per-person scores only with consent', async ({
  page,
  sampleHost,
  browser,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const surveyId = await importSurvey(sampleHost);
  await openScales(page, sampleHost, surveyId);

  // The tab recognized the IRI and the label columns by their names, and saved them with the data set.
  await expect(page.getByRole('combobox', { name: 'Scale', exact: true })).toHaveValue('iri');
  await expect(page.getByLabel('Team column')).toHaveValue('team');
  await expect(page.getByLabel('Wave column')).toHaveValue('wave');
  await expect(page.getByTestId('scales-save-state')).toHaveText('Settings saved with the data set.');
  await expect
    .poll(
      async () => (await api<{ settings: unknown }>(sampleHost, 'measure.get', { id: surveyId })).settings,
    )
    .toMatchObject({ kind: 'survey', scale: 'iri', idColumn: 'id', teamColumn: 'team', waveColumn: 'wave' });

  // Scored off the page's thread (the tab's worker), so editing a setting never waits for the tables.
  expect(page.workers().map((worker) => worker.url())).toContainEqual(
    expect.stringContaining('scales.worker'),
  );
  // Four subscales; perspective taking's alpha and n as computed here from the file.
  await expect(page.getByTestId('alpha-table').locator('tbody tr')).toHaveCount(4);
  const expected = perspectiveTakingAlpha();
  await expect(ptRow(page).getByTestId('alpha-value')).toHaveText(expected.alpha.toFixed(3));
  await expect(ptRow(page).getByTestId('alpha-n')).toHaveText(String(expected.n));
  await expect(page.getByTestId('items-PT').locator('tbody tr')).toHaveCount(7);

  // With consent: each respondent's scores; every team in both waves (the smallest, Finance, has 10 people).
  await expect(page.getByTestId('respondent-table').locator('tbody tr')).toHaveCount(200);
  await expect(page.getByTestId('team-table').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('team-table').locator('tbody tr').first()).toHaveAttribute(
    'data-group',
    'Customer Care · before',
  );
  await expect(page.getByTestId('hidden-groups-note')).toHaveCount(0);
  await expect(page.getByTestId('team-change-charts').locator('svg')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('scales-consent-light.png'), fullPage: true });
  await page
    .getByTestId('team-change-charts')
    .screenshot({ path: test.info().outputPath('scales-charts-light.png') });

  // No consent, and a minimum group size above Finance's 10: Finance hidden with the note, no per-person scores.
  await api(sampleHost, 'measure.updatePrivacy', {
    id: surveyId,
    individualConsent: false,
    minGroupSize: 11,
  });
  await page.reload();
  await page.getByLabel('Survey', { exact: true }).selectOption(surveyId);
  await expect(page.getByTestId('hidden-groups-note')).toHaveText(
    '2 groups with fewer than 11 people are hidden, so no one in them can be singled out.',
  );
  await expect(page.getByTestId('team-table').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('team-table')).not.toContainText('Finance');
  await expect(page.getByTestId('respondent-table')).toHaveCount(0);
  await expect(page.getByTestId('no-individual-scores')).toContainText('Per-person scores are not shown');
  await expect(page.getByTestId('scales-export-names')).toContainText('no person ids or names');
  await page.screenshot({ path: test.info().outputPath('scales-hidden-light.png'), fullPage: true });

  // The team export leaves Finance out, holds no ids, and its stamp says so.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export team scores (CSV)' }).click(),
  ]);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text).toContain('# small_groups: 2 groups with fewer than 11 people are hidden');
  expect(text).toContain('# names: no person ids or names: team figures only');
  expect(text).toMatch(/# table_sha256: [0-9a-f]{64}/);
  const header = text.split('\n').find((line) => !line.startsWith('#')) ?? '';
  expect(header.split(',').slice(0, 3)).toEqual(['team', 'wave', 'respondents']);
  expect(text).not.toContain('Finance');
  expect(text).not.toContain('p001');

  await darkScreenshot(browser, 'scales-hidden', (dark) => openScales(dark, sampleHost, surveyId));
});

test('the QMEE asks for its reverse key before scoring, and a custom key names its mistake', async ({
  page,
  sampleHost,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const surveyId = await importSurvey(sampleHost);
  await openScales(page, sampleHost, surveyId);

  await page.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('qmee');
  await expect(page.getByTestId('scales-error')).toContainText('tick its reverse-keyed items');
  await expect(page.getByTestId('qmee-reverse')).toContainText(
    'could not be checked against a published source',
  );
  // Once an item is ticked the key is complete; the sample has no QMEE columns, and the tab says which are missing.
  await page.getByTestId('qmee-reverse').getByLabel('4', { exact: true }).check();
  await expect(page.getByTestId('scales-error')).toContainText(
    'No column for items 1, 2, 3, 4, 5, 6, 7, 8, ... of Questionnaire Measure of Emotional Empathy',
  );
  await expect(page.getByText('Item columns (33 items, 33 without a column)')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('scales-qmee-light.png'), fullPage: true });

  await page.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('custom');
  const editor = page.getByTestId('custom-scale');
  await expect(editor.getByLabel('Items', { exact: true })).toHaveValue(/^IRI1, IRI2, /);
  await expect(page.getByTestId('alpha-table').locator('tbody tr')).toHaveCount(1);
  // Answers outside a key's range are listed by row and column and counted as unanswered; the rest is scored.
  // Row 2 (p001) answered 0 to IRI4 (the file's first data line), outside 1 to 4.
  await editor.getByLabel('Answers from').fill('1');
  await expect(page.getByTestId('scales-unreadable')).toContainText(
    'survey.csv row 2, column "IRI4": "0" is not an answer from 1 to 4 (out of range)',
  );
  await expect(page.getByTestId('alpha-table')).toBeVisible();
  await editor.getByLabel('Answers from').fill('0');
  await expect(page.getByTestId('scales-unreadable')).toHaveCount(0);
  await editor.getByLabel('Subscale 1 items').fill('IRI1, IRI2, IRI99');
  await expect(page.getByTestId('custom-scale-error')).toContainText(
    'subscales.0.items.2: subscale "total" names item "IRI99", which is not in items',
  );
  await page.screenshot({ path: test.info().outputPath('scales-custom-light.png'), fullPage: true });

  // A SPEC.json as the CLI takes it: loaded into the editor, then its items looked for in the file's columns.
  await page
    .getByTestId('spec-file')
    .setInputFiles(resolve(ROOT, 'test/fixtures/measure/custom-small.spec.json'));
  await expect(editor.getByLabel('Items', { exact: true })).toHaveValue('s1, s2, s3, s4, s5');
  await expect(editor.getByLabel('Reverse-keyed items')).toHaveValue('s2, s5');
  await expect(page.getByTestId('custom-scale-error')).toHaveCount(0);
  await expect(page.getByTestId('scales-error')).toContainText(
    'No column for items s1, s2, s3, s4, s5 of Care at work (test scale)',
  );
});
