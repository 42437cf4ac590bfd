import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 10, point 4 end to end in Chromium through the web host: the sample project's measurement data sets
 * (electron/services/measure-samples.ts) offer their figures in the Dynamics view's link form, grouped by data
 * set, with their values; the NPS over every unit in the latest quarter binds to a constant. Light and dark.
 *
 * Reference value, computed here from sample-data/measure/nps-answers.csv with plain arithmetic: the answers of
 * 2026-Q2 (both units), % promoters (9-10) minus % detractors (0-6) (Reichheld 2003).
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';

function latestQuarterNps(): number {
  const answers = readFileSync(
    resolve(import.meta.dirname, '../../sample-data/measure/nps-answers.csv'),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([date = '']) => date >= '2026-04-01' && date < '2026-07-01')
    .map(([, , answer]) => Number(answer));
  const promoters = answers.filter((answer) => answer >= 9).length;
  const detractors = answers.filter((answer) => answer <= 6).length;
  return (100 * (promoters - detractors)) / answers.length;
}

async function openLinkForm(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'Link a constant…' }).click();
  return page.getByRole('dialog', { name: 'Link a constant to a figure' });
}

test('the sample data sets offer their figures to the model, and the latest NPS binds to a constant', async ({
  page,
  sampleHost,
}) => {
  const dialog = await openLinkForm(page, sampleHost);
  const figure = dialog.getByLabel('Figure');
  for (const name of ['Empathy survey (IRI)', 'KPIs by team', 'NPS answers'])
    await expect(figure.locator(`optgroup[label="Measurement: ${name}"]`)).toHaveCount(1);
  // Initiatives and the A/B test offer none.
  await expect(figure.locator('optgroup[label="Measurement: Initiatives"]')).toHaveCount(0);
  await expect(figure.locator('optgroup[label="Measurement: Script A/B test"]')).toHaveCount(0);
  const nps = figure
    .locator('optgroup[label="Measurement: NPS answers"] option')
    .filter({ hasText: "every unit's answers" });
  await expect(nps).toHaveCount(1);
  const expected = latestQuarterNps();
  await expect(nps).toContainText('2026-Q2 (180 answers)');
  await expect(nps).toContainText(`= ${Number(expected.toPrecision(4))}`);
  await dialog.getByLabel('Model constant').selectOption('Leadership commitment');
  await figure.selectOption({ label: (await nps.textContent())?.trim() ?? '' });
  await dialog.getByLabel('Scale').fill('0.01');
  await expect(
    dialog.getByText(`“Leadership commitment” will be ${Number((expected / 100).toPrecision(4))}`),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('measure-link-form-light.png') });
  await dialog.getByRole('button', { name: 'Save link' }).click();
  await expect(dialog).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('measure-linked-light.png'), fullPage: true });
});

test('dark mode: the link form and the link with a measurement figure', async ({ browser, sampleHost }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const dialog = await openLinkForm(page, sampleHost);
  const figure = dialog.getByLabel('Figure');
  const engagement = figure
    .locator('optgroup[label="Measurement: KPIs by team"] option')
    .filter({ hasText: /Engagement, mean over 6 units, 2026-06/ });
  await expect(engagement).toHaveCount(1);
  await dialog.getByLabel('Model constant').selectOption('Leadership commitment');
  await figure.selectOption({ label: (await engagement.textContent())?.trim() ?? '' });
  await dialog.getByLabel('Scale').fill('0.2');
  await page.screenshot({ path: test.info().outputPath('measure-link-form-dark.png') });
  await dialog.getByRole('button', { name: 'Save link' }).click();
  await expect(dialog).toBeHidden();
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await expect(scenarios).toContainText('Engagement, mean over 6 units, 2026-06');
  await scenarios.screenshot({ path: test.info().outputPath('measure-linked-dark.png') });
  await context.close();
});
