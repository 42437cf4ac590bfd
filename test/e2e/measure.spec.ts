import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startWebHost } from './web-host';

/**
 * The Measure section's shell (issue 10; issue 11 points 1-2) end to end in Chromium through the web host: the
 * sample survey imported through the dialog with pseudonyms (the table then shows P-… ids, never the file's p001),
 * a bad survey refused with its row and column and nothing saved, the people-data panel, the CSV export's name,
 * the dialog by keyboard, and a data set deleted. Screenshots in light and dark go to the test's output folder.
 */
const SURVEY = resolve(import.meta.dirname, '../../sample-data/measure/survey.csv');

async function createProject(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Two named respondents answering the 28 IRI items; the second wrote "often" for item 5 (row 3, column IRI5).
 */
function writeBadSurvey(folder: string): string {
  const items = Array.from({ length: 28 }, (_unused, index) => `IRI${index + 1}`);
  const answers = (changed?: string) =>
    items.map((_item, index) => (index === 4 && changed !== undefined ? changed : String(index % 5)));
  const path = join(folder, 'bad-survey.csv');
  writeFileSync(
    path,
    [
      ['id', 'name', 'team', ...items].join(','),
      ['r1', 'Rae Ng', 'Care', ...answers()].join(','),
      ['r2', 'Sol Ito', 'Care', ...answers('often')].join(','),
      '',
    ].join('\n'),
  );
  return path;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('a survey imported with pseudonyms: its table and export; then deleted', async ({ page, host }) => {
  // The file's ids, counted independently of the app: 100 people in two waves, ids p001..p100.
  const fileIds = readFileSync(SURVEY, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]);
  expect(fileIds).toHaveLength(200);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.url);
  await createProject(page, 'Measured');
  await page.getByRole('link', { name: 'Measure' }).click();
  await expect(page.getByRole('heading', { name: 'Measure', level: 1 })).toBeVisible();

  // The empty state says what each kind of file holds.
  await expect(page.getByRole('heading', { name: 'No data set in this project yet' })).toBeVisible();
  await expect(page.getByText('date, unit (or team), kpi, value', { exact: false })).toBeVisible();
  await shot(page, 'measure-empty');

  // By keyboard: the import button opens the dialog, Escape closes it.
  await page.getByRole('button', { name: 'Import a file…' }).first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import a data set' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The sample survey: kind guessed, pseudonyms on by default, key not kept.
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  await dialog.getByTestId('measure-file').setInputFiles(SURVEY);
  await expect(dialog.getByRole('radio', { name: 'Survey' })).toBeChecked();
  await expect(dialog.getByLabel('Name')).toHaveValue('survey');
  await expect(dialog.getByLabel('Replace ids with pseudonyms')).toBeChecked();
  await expect(dialog.getByLabel('Keep the key to look people up later', { exact: false })).not.toBeChecked();
  await expect(dialog.getByLabel('Participants agreed to individual views')).not.toBeChecked();
  await expect(dialog.getByTestId('preview-summary')).toContainText('200 rows, 32 columns, ids in “id”');
  await expect(dialog.getByLabel('Id column')).toHaveValue('id');
  // A KPI series is not pseudonymized by default; back to survey ticks it again.
  await dialog.getByRole('radio', { name: 'KPI series' }).check();
  await expect(dialog.getByLabel('Replace ids with pseudonyms')).not.toBeChecked();
  await dialog.getByRole('radio', { name: 'Survey' }).check();
  await expect(dialog.getByLabel('Replace ids with pseudonyms')).toBeChecked();
  // A minimum group size under 3 is refused with the people-data rule's words.
  await dialog.getByLabel('Minimum group size').fill('2');
  await expect(
    dialog.getByText('The minimum group size is a whole number of at least 3 people'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByLabel('Minimum group size').fill('5');
  await shot(page, 'measure-import-preview');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The list, grouped by kind, with its badge; the table shows pseudonyms and none of the file's ids.
  const surveys = page.getByRole('region', { name: 'Surveys' });
  const item = surveys.locator('li[data-dataset="survey"]');
  await expect(item).toContainText('200 rows');
  await expect(item).toContainText('from survey.csv');
  await expect(item.getByText('pseudonyms', { exact: true })).toBeVisible();
  const table = page.locator('.measure-detail table');
  await expect(table.locator('thead th').first()).toHaveText('id');
  const shownIds = await table.locator('tbody tr td:first-child').allTextContents();
  expect(shownIds).toHaveLength(200);
  for (const id of shownIds) expect(id).toMatch(/^P-/);
  // Each person answered twice (before and after): 100 distinct pseudonyms, none of them a file id.
  expect(new Set(shownIds).size).toBe(100);
  await expect(table).not.toContainText('p001');
  await expect(page.getByText('All 200 rows.')).toBeVisible();

  // The export's name says it holds pseudonyms.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('survey (pseudonyms).csv');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported.split('\n')).toHaveLength(201);
  expect(exported).not.toContain('p001');

  // Deleted, after a confirmation that speaks of the backups.
  await page.getByRole('button', { name: 'Delete survey' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete data set?' });
  await expect(confirm).toContainText('older backups at the next backup');
  await confirm.getByRole('button', { name: 'Delete data set' }).click();
  await expect(page.getByRole('heading', { name: 'No data set in this project yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No data set in this project yet' })).toBeVisible();
});

test('a kept key shown and deleted, a KPI series kept as imported, a rename that clashes refused', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.url);
  await createProject(page, 'Keys');
  await page.getByRole('link', { name: 'Measure' }).click();

  // The survey with its key kept: the key maps the file's first id (p001) to the table's first pseudonym.
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a data set' });
  await dialog.getByTestId('measure-file').setInputFiles(SURVEY);
  await dialog.getByLabel('Keep the key to look people up later', { exact: false }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  const firstPseudonym = await page.locator('.measure-detail table tbody tr td').first().textContent();
  expect(firstPseudonym).toMatch(/^P-/);
  await expect(page.getByTestId('key-status')).toContainText('The key that maps each pseudonym back');
  await page.getByRole('button', { name: 'Show the key' }).click();
  const key = page.getByRole('table', { name: 'Pseudonym key' });
  await page.getByLabel('Find a person').fill('p001');
  await expect(key.locator('tbody tr')).toHaveCount(1);
  await expect(key.locator('tbody tr th')).toHaveText(firstPseudonym ?? '');
  await page.getByRole('button', { name: 'Delete key' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the pseudonym key?' });
  await confirm.getByRole('button', { name: 'Delete key' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('key-status')).toContainText('No key is kept in this workspace');

  // A KPI series: guessed, not pseudonymized by default, exported under its plain name.
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  await dialog.getByTestId('measure-file').setInputFiles(resolve(SURVEY, '../kpi.csv'));
  await expect(dialog.getByRole('radio', { name: 'KPI series' })).toBeChecked();
  await expect(dialog.getByLabel('Replace ids with pseudonyms')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  const kpi = page.getByRole('region', { name: 'KPI series' }).locator('li[data-dataset="kpi"]');
  // 577 lines: the header and 576 rows (counted with wc -l).
  await expect(kpi).toContainText('576 rows');
  await expect(kpi.getByText('pseudonyms', { exact: true })).toHaveCount(0);
  await expect(page.getByText('The first 200 of 576 rows; the export holds them all.')).toBeVisible();
  await expect(page.getByTestId('export-names')).toHaveText(
    'The file holds the table as imported; it has no column of people’s ids or names.',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kpi.csv');

  // Renamed: a name another data set has is refused in place; another is saved.
  await page.getByRole('button', { name: 'Rename kpi' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename data set' });
  await rename.getByLabel('Name').fill('survey');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByRole('alert')).toContainText('already has a data set named "survey"');
  await rename.getByLabel('Name').fill('KPIs 2024-2026');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await page.reload();
  await expect(page.locator('li[data-dataset]')).toHaveCount(2);
  await expect(page.locator('li[data-dataset="KPIs 2024-2026"]')).toBeVisible();
  await shot(page, 'measure-two-kinds');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'measure-two-kinds-dark');
});

test('a bad survey refused with its row and column, and nothing saved', async ({ page, host }) => {
  const badSurvey = writeBadSurvey(test.info().outputPath());
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.url);
  await createProject(page, 'Refused');
  await page.getByRole('link', { name: 'Measure' }).click();
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a data set' });
  await dialog.getByTestId('measure-file').setInputFiles(badSurvey);
  await expect(dialog.getByRole('radio', { name: 'Survey' })).toBeChecked();
  const problems = dialog.getByRole('table', { name: 'Problems found' });
  await expect(problems.getByRole('row').nth(1)).toHaveText(/bad-survey\.csv\s*3\s*"?IRI5"?\s*.*often/);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  // The name column is the one a pseudonymized import drops; kept when pseudonyms are off.
  await expect(dialog.getByTestId('preview-summary')).toContainText(
    'Identifying columns dropped at import: name.',
  );
  await dialog.getByLabel('Replace ids with pseudonyms').uncheck();
  await expect(dialog.getByTestId('preview-summary')).toContainText(
    'Identifying columns kept (no pseudonyms): name.',
  );
  await dialog.getByLabel('Replace ids with pseudonyms').check();
  // The cell is marked in the first rows too: "often", in the second data row.
  await expect(dialog.locator('td.problem-cell')).toHaveText(['often']);
  await page.screenshot({ path: test.info().outputPath('measure-import-problems.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('measure-import-problems-dark.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No data set in this project yet' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('measure-empty-dark.png') });
});

test('a data set’s people data: consent and minimum group size saved, a size under 3 refused', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.url);
  await createProject(page, 'People data');
  await page.getByRole('link', { name: 'Measure' }).click();
  await page.getByRole('button', { name: 'Import a file…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a data set' });
  await dialog.getByTestId('measure-file').setInputFiles(SURVEY);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The people-data panel: pseudonyms, no key, consent saved.
  await expect(page.getByTestId('privacy-names')).toContainText('Pseudonyms.');
  await expect(page.getByTestId('key-status')).toContainText('No key is kept in this workspace');
  const consent = page.getByRole('checkbox', { name: 'Participants agreed to individual views' });
  await expect(consent).not.toBeChecked();
  // Saved first, then shown: a click, not check(), which wants the box ticked at once.
  await consent.click();
  await expect(consent).toBeChecked();
  await page.getByRole('spinbutton', { name: 'Minimum group size' }).fill('2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('The minimum group size is a whole number of at least 3 people')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Minimum group size' }).fill('6');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('(now 6; at least 3)', { exact: false })).toBeVisible();
  await page
    .locator('.privacy-panel')
    .screenshot({ path: test.info().outputPath('measure-people-data.png') });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Participants agreed to individual views' })).toBeChecked();
  await expect(page.getByText('(now 6; at least 3)', { exact: false })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'measure-list');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page
    .locator('.privacy-panel')
    .screenshot({ path: test.info().outputPath('measure-people-data-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the sample project’s data sets, one group per kind, with their files’ row counts', async ({
  page,
  dataDir,
}) => {
  const host = await startWebHost(dataDir, { samples: true });
  try {
    // Rows counted from the files here (non-empty lines after the header), not taken from the app.
    const rows = (file: string) =>
      readFileSync(resolve(SURVEY, '..', file), 'utf8')
        .split('\n')
        .slice(1)
        .filter((line) => line.trim() !== '').length;
    const expected: readonly (readonly [string, string, string])[] = [
      ['Surveys', 'Empathy survey (IRI)', 'survey.csv'],
      ['KPI series', 'KPIs by team', 'kpi.csv'],
      ['NPS answers', 'NPS answers', 'nps-answers.csv'],
      ['Initiatives', 'Initiatives', 'initiatives.csv'],
      ['Experiments', 'Script A/B test', 'script-test.csv'],
    ];
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open Sample: empathy in a small service business' }).click();
    await page.getByRole('link', { name: 'Measure' }).click();
    await expect(page.locator('.measure-kind h2')).toHaveText(expected.map(([group]) => group));
    for (const [group, name, file] of expected) {
      const item = page.getByRole('region', { name: group }).locator(`li[data-dataset="${name}"]`);
      const count = rows(file);
      await expect(item).toContainText(`${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`);
      await expect(item).toContainText(`from ${file}`);
    }
    await shot(page, 'measure-sample-list');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Show Script A/B test' }).click();
    await expect(page.getByText(`The first 200 of ${rows('script-test.csv')} rows`)).toBeVisible();
    await shot(page, 'measure-sample-list-dark');
  } finally {
    await host.stop();
  }
});
