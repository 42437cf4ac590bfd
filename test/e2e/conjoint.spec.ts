import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 7 end to end in Chromium through the web host: the sample study (design with D-efficiency, MNL with
 * coefficients and WTP, HB with a progress bar and cancel, the simulator's shares, a JSON export checked against
 * the CLI's numbers), a ratings file refused for a bad column and then imported, and the regression page on
 * R's swiss data. Screenshots in light and dark are written to the test's output folder.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const SWISS = resolve(import.meta.dirname, '../fixtures/stats/swiss.csv');
const SWISS_EXPECTED = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/stats/regression_swiss_expected.json'), 'utf8'),
) as {
  swiss: {
    coefficients_classical: Record<string, { estimate: number; std_error: number }>;
    coefficients_HC1?: Record<string, { estimate: number; std_error: number }>;
  };
};

async function openConjoint(page: Page, host: RunningHost, projectName: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${projectName}` }).click();
  await page.getByRole('link', { name: 'Conjoint' }).click();
  await expect(page.getByRole('heading', { name: 'Conjoint', level: 1 })).toBeVisible();
}

async function createProject(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
}

const step = (page: Page, name: RegExp) => page.getByRole('tab', { name });

test('the sample study: design, MNL with WTP, HB progress and cancel, simulator, JSON export', async ({
  page,
  sampleHost,
}) => {
  await openConjoint(page, sampleHost, SAMPLE_PROJECT);
  await expect(page.getByRole('heading', { name: 'Empathetic service', level: 2 })).toBeVisible();
  await expect(page.getByText('200 respondents (choices)')).toBeVisible();
  await step(page, /Study/).click();
  await expect(page.getByText('Never show agent = bot and follow_up = personal call')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-sample-study.png'), fullPage: true });

  // Design: the imported one first, then a generated one with its D-efficiency.
  await step(page, /Design/).click();
  await expect(page.locator('[data-figure="d-efficiency"] .figure-value')).toHaveText(/\d+\.\d%/);
  await page.getByLabel('Versions').fill('4');
  await page.getByLabel('Tasks per version').fill('8');
  await page.getByRole('button', { name: 'Generate a new design' }).click();
  await expect(page.getByText(/balanced-overlap choice tasks, seed 1/)).toBeVisible();
  await expect(page.getByText('4 × 8 tasks')).toBeVisible();
  const efficiency = await page.locator('[data-figure="d-efficiency"] .figure-value').textContent();
  expect(Number(efficiency?.replace('%', ''))).toBeGreaterThan(80);
  await page.screenshot({ path: test.info().outputPath('conjoint-design.png'), fullPage: true });

  // MNL: coefficients and WTP, saved with the study.
  await step(page, /Estimation/).click();
  await page.getByRole('radio', { name: /Multinomial logit/ }).check();
  await page.getByRole('button', { name: 'Run Multinomial logit (MNL)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'estimated and saved' })).toBeVisible();
  const fully = page.locator('tr[data-coefficient="understood:fully understood"]');
  await expect(fully).toBeVisible();
  const wtpRow = page.locator('tr[data-wtp="understood:fully understood"]');
  await expect(wtpRow).toBeVisible();
  const wtp = Number((await wtpRow.locator('td').first().textContent())?.replace('−', '-'));
  // README: about 11.5 EUR a month (true 11.67).
  expect(wtp).toBeGreaterThan(10.5);
  expect(wtp).toBeLessThan(12.5);
  await expect(page.getByText('From the aggregate part-worths')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-mnl-results.png'), fullPage: true });

  // JSON export: stamped, and its coefficient is the one on screen.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
    study: string;
    kind: string;
    dataHash: string;
    appVersion: string;
    coefficients: Record<string, { estimate: number; stdError: number; z: number }>;
    willingnessToPay: { attribute: string; level?: string; value: number }[];
  };
  expect(exported).toMatchObject({ study: 'Empathetic service', kind: 'choice' });
  expect(exported.dataHash).toMatch(/^[0-9a-f]{64}$/);
  expect(exported.appVersion).not.toBe('');
  const coefficient = exported.coefficients['understood:fully understood'];
  expect(coefficient?.estimate).toBeGreaterThan(1);
  expect(coefficient?.estimate).toBeLessThan(1.4);
  const shown = (await fully.locator('td').first().textContent())?.replace('−', '-');
  expect(Number(shown)).toBeCloseTo(coefficient?.estimate ?? Number.NaN, 3);
  const exportedWtp = exported.willingnessToPay.find(
    (entry) => entry.attribute === 'understood' && entry.level === 'fully understood',
  );
  expect(exportedWtp?.value).toBeCloseTo(wtp, 2);

  // Link to model: the WTP figures the Dynamics scenarios panel offers, with the value just estimated.
  await page.getByRole('button', { name: 'Link to model…' }).click();
  const link = page.getByRole('dialog', { name: 'Link to the model' });
  await expect(link).toContainText('Dynamics → Scenarios');
  await expect(
    link.getByRole('listitem').filter({
      hasText: 'Willingness to pay for "understood: fully understood" over "scripted answer" (MNL)',
    }),
  ).toContainText(/11\.\d+ EUR per month/);
  await link.getByRole('button', { name: 'Close' }).click();

  // The estimate survives a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Conjoint' }).click();
  await expect(page.locator('tr[data-coefficient="understood:fully understood"]')).toBeVisible();

  // HB: a progress bar that moves, and cancel.
  await page.getByRole('radio', { name: /Hierarchical Bayes/ }).check();
  await page.getByLabel('Iterations').fill('20000');
  await page.getByLabel('Burn-in').fill('10000');
  await page.getByRole('button', { name: 'Run Hierarchical Bayes' }).click();
  const progress = page.getByRole('progressbar', { name: 'Estimation progress' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await expect(page.getByText(/Hierarchical Bayes: iteration [\d,]+ of 20,000/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-hb-progress.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Cancelled\. Nothing was saved/)).toBeVisible();
  await expect(progress).toBeHidden();
  // Only the MNL estimate is saved: the cancelled run left nothing behind.
  await expect(page.getByText(/200 respondents \(choices\) · estimated: MNL$/)).toBeVisible();

  // Simulator: shares of three offers and None add up to 100%.
  await step(page, /Simulator/).click();
  await expect(page.getByTestId('share-total')).toContainText('Total 100.0%');
  const bars = page.locator('svg.bars.shares g.bar');
  await expect(bars).toHaveCount(4);
  await page.getByLabel('agent of Offer B').selectOption('human');
  await page.getByLabel('agent of Offer C').selectOption('bot');
  await page.getByLabel('follow_up of Offer C').selectOption('personal call');
  await expect(page.getByRole('note')).toContainText('Shows a prohibited combination');
  await page.getByLabel('follow_up of Offer C').selectOption('none');
  await expect(page.getByRole('note')).toBeHidden();
  await page.getByLabel('Rule').selectOption('first-choice');
  await expect(page.getByTestId('share-total')).toContainText('Total 100.0%');
  await page.getByLabel('Rule').selectOption('share-of-preference');
  await page.getByLabel('Exponent (scale)').fill('0.5');
  await expect(page.getByTestId('share-total')).toContainText('Total 100.0%');
  await page.screenshot({ path: test.info().outputPath('conjoint-simulator.png'), fullPage: true });
});

test('a ratings file with a bad column is refused naming it, then a good one is imported and estimated', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createProject(page, 'Care desk');
  await page.getByRole('link', { name: 'Conjoint' }).click();
  await expect(page.getByRole('heading', { name: 'No conjoint study in this project yet' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-empty.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create a study' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Reply speed');
  await page.getByRole('button', { name: 'Create study' }).click();
  await expect(page.getByRole('heading', { name: 'Reply speed', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Price attribute')).toHaveValue(/.+/);
  // An edit with nothing to drop saves at once.
  await page.getByLabel('Unit').fill('EUR per month');
  await expect(page.getByText('Unsaved changes.')).toBeVisible();
  await page.getByRole('button', { name: 'Save study' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-editor.png'), fullPage: true });

  // Six respondents rate the six profiles of reply_time x price.
  const rows = ['respondent,rating,reply_time,price'];
  for (let respondent = 1; respondent <= 6; respondent++)
    for (const reply of ['within 1 hour', 'next day'])
      for (const price of [0, 5, 10])
        rows.push(
          `${respondent},${8 - (reply === 'next day' ? 3 : 0) - price * 0.3 + ((respondent * 7 + price) % 3) * 0.5},${reply},${price}`,
        );
  const good = join(test.info().outputPath(), 'ratings.csv');
  const bad = join(test.info().outputPath(), 'ratings-bad.csv');
  writeFileSync(good, `${rows.join('\n')}\n`);
  writeFileSync(
    bad,
    `${rows.map((row, index) => (index === 3 ? row.replace(/,10$/, ',cheap') : row)).join('\n')}\n`,
  );

  await step(page, /Responses/).click();
  await page.getByTestId('responses-file').setInputFiles(bad);
  await expect(page.getByLabel('Format')).toHaveValue('ratings-long');
  await page.getByRole('button', { name: 'Import responses' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'The file was not imported' });
  await expect(problems).toContainText(
    'row 4, column "price": "cheap" is not a number (the attribute is numeric)',
  );
  await page.screenshot({ path: test.info().outputPath('conjoint-import-error.png'), fullPage: true });

  await page.getByTestId('responses-file').setInputFiles(good);
  await page.getByRole('button', { name: 'Import responses' }).click();
  await expect(page.getByText('Imported ratings.csv.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saved responses' })).toContainText(
    '36 ratings (long format)',
  );

  await step(page, /Estimation/).click();
  await page.getByRole('button', { name: 'Run Ratings OLS' }).click();
  await expect(page.locator('tr[data-coefficient="reply_time:next day"]')).toBeVisible();
  await expect(page.locator('tr[data-wtp="reply_time:next day"]')).toBeVisible();
  await expect(page.getByText('Average of each respondent’s importances')).toBeVisible();

  // An edit that would make the responses describe another study asks first, and can be abandoned.
  await step(page, /Study/).click();
  await page.getByRole('group', { name: 'Levels of price' }).getByRole('button', { name: '+ Level' }).click();
  await page.getByRole('textbox', { name: 'price level 4' }).fill('15');
  await page.getByRole('button', { name: 'Save study' }).click();
  const confirm = page.getByRole('dialog', { name: 'Save this change?' });
  await expect(confirm).toContainText('This change drops the responses and the estimates');
  await page.screenshot({ path: test.info().outputPath('conjoint-edit-confirm.png') });
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('textbox', { name: 'price level 4' })).toHaveCount(0);
  await step(page, /Estimation/).click();
  await expect(page.locator('tr[data-coefficient="reply_time:next day"]')).toBeVisible();
});

test('the regression page on R’s swiss data shows R’s coefficients and reads them out', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createProject(page, 'KPIs');
  await page.getByRole('link', { name: 'Conjoint' }).click();
  await page.getByRole('tab', { name: 'Regression' }).click();
  await expect(page.getByRole('heading', { name: 'No data open' })).toBeVisible();
  await page.getByTestId('regression-file').setInputFiles(SWISS);
  await expect(page.getByLabel('Outcome (KPI)')).toHaveValue('Fertility');
  await page.getByLabel('Empathy score (read first)').selectOption('Education');
  const expected = SWISS_EXPECTED.swiss.coefficients_classical;
  for (const [name, want] of Object.entries(expected)) {
    const cells = page.locator(`tr[data-coefficient="${name}"] td`);
    await expect(cells.first()).toBeVisible();
    const estimate = Number((await cells.nth(0).textContent())?.replace('−', '-').replace(/,/g, ''));
    const stdError = Number((await cells.nth(1).textContent())?.replace('−', '-').replace(/,/g, ''));
    // The table shows 6 significant digits.
    expect(Math.abs(estimate - want.estimate) / Math.abs(want.estimate), name).toBeLessThan(1e-5);
    expect(Math.abs(stdError - want.std_error) / want.std_error, name).toBeLessThan(1e-5);
  }
  await expect(page.getByLabel('In plain words')).toContainText(
    'Each one-unit increase in Education goes with Fertility',
  );
  await expect(page.getByLabel('In plain words')).toContainText(
    'This is an association, not proof of cause.',
  );
  await page.screenshot({ path: test.info().outputPath('regression-swiss.png'), fullPage: true });
  await page.getByLabel('Standard errors').selectOption('hc1');
  await expect(page.getByText(/Wald F \(HC1\)/)).toBeVisible();
});

test('dark mode: results, simulator and regression read on a dark background', async ({
  browser,
  sampleHost,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openConjoint(page, sampleHost, SAMPLE_PROJECT);
  await step(page, /Estimation/).click();
  await page.getByRole('button', { name: 'Run Multinomial logit (MNL)' }).click();
  await expect(page.locator('tr[data-coefficient="understood:fully understood"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('conjoint-results-dark.png'), fullPage: true });
  await step(page, /Simulator/).click();
  await expect(page.getByTestId('share-total')).toContainText('Total 100.0%');
  await page.screenshot({ path: test.info().outputPath('conjoint-simulator-dark.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Regression' }).click();
  await page.getByTestId('regression-file').setInputFiles(SWISS);
  await expect(page.locator('tr[data-coefficient="Agriculture"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('regression-dark.png'), fullPage: true });
  await context.close();
});
