import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 5, points 1 and 3 end to end in Chromium through the web host, on the sample project (the empathy
 * reference model): a 200-run sensitivity in the workers with its progress, fan charts, tornado and summary,
 * one run cancelled, the run saved and opened again, its CSV exported; a calibration to the sample data CSV
 * that recovers the parameters the data was generated with. Screenshots in the light and the dark theme.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';

async function openAnalysis(page: Page, host: RunningHost, tab: 'Sensitivity' | 'Calibration') {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
  const analysis = page.getByRole('region', { name: 'Analysis' });
  await analysis.getByRole('tab', { name: tab }).click();
  return analysis;
}

test('a sensitivity run: progress, fan charts, tornado and summary; cancel; save, reopen and export', async ({
  page,
  sampleHost,
}) => {
  // Hundreds of model runs on a shared machine: more time than a click-through test needs.
  test.slow();
  const analysis = await openAnalysis(page, sampleHost, 'Sensitivity');
  const form = analysis.getByRole('form', { name: 'Sensitivity run' });
  // The model's six levers are ticked, with their <range> as the uniform's bounds.
  await expect(form.getByRole('checkbox', { name: 'Training budget', exact: true })).toBeChecked();
  await expect(form.getByRole('textbox', { name: 'Training budget max' })).toHaveValue('0.05');
  await expect(form.getByRole('checkbox', { name: 'Hiring policy', exact: true })).toBeChecked();

  // A long run, cancelled while it runs: the progress bar shows, and nothing is kept.
  await form.getByLabel('Runs', { exact: true }).fill('20000');
  await form.getByRole('button', { name: /^Run/ }).click();
  const progress = analysis.getByRole('progressbar', { name: 'Sensitivity progress' });
  await expect(progress).toBeVisible();
  await expect(analysis.getByText(/of 20,000 runs on \d worker/)).toBeVisible();
  await analysis.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(
    analysis.getByText(/^Cancelled after [\d,]+ of 20,000 runs; nothing was kept\./),
  ).toBeVisible();
  await expect(analysis.getByRole('region', { name: 'Sensitivity results' })).toHaveCount(0);

  // 200 runs, triangular on one lever.
  await form.getByLabel('Runs', { exact: true }).fill('200');
  await form.getByLabel('Distribution of Leadership commitment').selectOption('triangular');
  await expect(form.getByRole('textbox', { name: 'Leadership commitment mode' })).toBeVisible();
  await form.getByRole('button', { name: 'Run 200 runs', exact: true }).click();
  const results = analysis.getByRole('region', { name: 'Sensitivity results' });
  await expect(results).toBeVisible({ timeout: 60_000 });
  // How long the run took in the workers, for the record (not a limit).
  const finished = await analysis.getByText(/^Finished in [\d.]+ s\.$/).textContent();
  test.info().annotations.push({ type: 'sensitivity time (200 runs)', description: finished ?? '' });
  await expect(
    results.getByText(/^200 runs \(Latin hypercube\), seed 20251125, 6 parameters varied/),
  ).toBeVisible();
  // Tornado on cumulative profit, one bar per lever, the largest swing on top.
  const tornado = results.locator('.tornado-chart');
  await expect(tornado.locator('.tornado-row')).toHaveCount(6);
  await expect(tornado.getByText('Tornado: Cumulative profit (final)')).toBeVisible();
  // A fan chart per charted variable: two nested bands and a median.
  const fans = results.locator('figure.fan-chart');
  expect(await fans.count()).toBeGreaterThanOrEqual(2);
  await expect(fans.first().locator('path.fan-band')).toHaveCount(2);
  await expect(fans.first().locator('path.fan-median')).toHaveCount(1);
  const summary = results.getByRole('table', { name: /Cumulative profit \(final\) over the runs/ });
  await expect(summary.getByRole('cell').first()).toHaveText('200');
  const median = await summary.getByRole('cell').nth(5).textContent();
  await page.screenshot({ path: test.info().outputPath('sensitivity-light.png'), fullPage: true });
  await results.screenshot({ path: test.info().outputPath('sensitivity-results-light.png') });

  // The CSV of every run: the CLI's format, stamped.
  const download = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Export runs (CSV)', exact: true }).click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('# empathy-workbench/sensitivity@1');
  expect(lines).toContain('# seed: 20251125');
  const header = lines.find((line) => line.startsWith('run,'));
  expect(header?.split(',')).toEqual([
    'run',
    'Overtime policy',
    'Hiring policy',
    'Training budget',
    'Leadership commitment',
    'Automation level',
    'Human handoff',
    'Cumulative profit (final)',
  ]);
  expect(lines.filter((line) => /^\d+,/.test(line))).toHaveLength(200);

  // Saved, listed, and opened again after a reload with the same numbers.
  await results.getByLabel('Name of the saved run').fill('Levers, 200 runs');
  await results.getByRole('button', { name: 'Save to workspace', exact: true }).click();
  await expect(results.getByText(/saved as “Levers, 200 runs”/)).toBeVisible();
  await page.reload();
  const again = page.getByRole('region', { name: 'Analysis' });
  await again.getByRole('tab', { name: 'Sensitivity' }).click();
  const saved = again.getByRole('region', { name: 'Saved sensitivity runs' });
  await saved.getByRole('button', { name: 'Levers, 200 runs', exact: true }).click();
  const reopened = again.getByRole('region', { name: 'Sensitivity results' });
  await expect(reopened.locator('.tornado-chart .tornado-row')).toHaveCount(6);
  const reopenedSummary = reopened.getByRole('table', { name: /over the runs/ });
  await expect(reopenedSummary.getByRole('cell').nth(5)).toHaveText(median ?? '');

  await page.emulateMedia({ colorScheme: 'dark' });
  await reopened.screenshot({ path: test.info().outputPath('sensitivity-results-dark.png') });
  await page.screenshot({ path: test.info().outputPath('sensitivity-dark.png'), fullPage: true });

  // Deleted after confirming.
  page.once('dialog', (dialog) => void dialog.accept());
  await saved.getByRole('button', { name: 'Delete Levers, 200 runs', exact: true }).click();
  await expect(saved.getByText(/None yet/)).toBeVisible();
});

const SAMPLE_DATA = resolve(import.meta.dirname, '../../sample-data/calibration/empathy-kpis.csv');

test('a calibration to the sample data finds the levers it was generated with; a broken CSV is refused by row and column', async ({
  page,
  sampleHost,
}) => {
  test.slow();
  const analysis = await openAnalysis(page, sampleHost, 'Calibration');
  const form = analysis.getByRole('form', { name: 'Calibration' });

  // A broken file: its problem names the row and the column.
  await form.getByLabel('Data CSV').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('time,Customers\n0,3150\n3,abc\n'),
  });
  await expect(form.getByRole('alert')).toContainText('broken.csv row 3, column Customers');

  await form.getByLabel('Data CSV').setInputFiles(SAMPLE_DATA);
  await expect(form.getByText(/^empathy-kpis\.csv: 41 times from 0 to 120, 2 columns/)).toBeVisible();
  await expect(form.getByLabel('Model variable of column Customers')).toHaveValue('Customers');
  await expect(form.getByLabel('Model variable of column Cash')).toHaveValue('Cash');
  await form.getByRole('checkbox', { name: 'Training budget', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Leadership commitment', exact: true }).check();
  await expect(form.getByRole('textbox', { name: 'Training budget max' })).toHaveValue('0.05');
  await form.getByRole('button', { name: 'Calibrate', exact: true }).click();

  const results = analysis.getByRole('region', { name: 'Calibration results' });
  await expect(results).toBeVisible({ timeout: 120_000 });
  await expect(results.getByText(/^Converged after/)).toBeVisible();
  // The data was made with 0.03 and 0.7 plus 2% noise: the estimates land within 3% of them.
  const estimates = results.getByRole('table', { name: 'Estimates' });
  const estimate = async (name: string) =>
    Number(
      (
        await estimates
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .getByRole('cell')
          .first()
          .textContent()
      )?.replace(/[^\d.]/g, ''),
    );
  expect(Math.abs((await estimate('Training budget')) / 0.03 - 1)).toBeLessThan(0.03);
  expect(Math.abs((await estimate('Leadership commitment')) / 0.7 - 1)).toBeLessThan(0.03);
  // Data against the model, before (dashed) and after, per variable.
  const charts = results.locator('figure.calibration-chart');
  await expect(charts).toHaveCount(2);
  await expect(charts.first().locator('circle.data-point')).toHaveCount(41);
  await expect(charts.first().locator('path.model-before')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('calibration-light.png'), fullPage: true });
  await results.screenshot({ path: test.info().outputPath('calibration-results-light.png') });

  // Saved and opened again; the estimates as a new scenario.
  await results.getByLabel('Name of the calibration').fill('Levers to the sample data');
  await results.getByRole('button', { name: 'Save to workspace', exact: true }).click();
  await expect(results.getByText(/Saved as “Levers to the sample data”/)).toBeVisible();
  await results.getByRole('button', { name: 'Apply estimates to a new scenario', exact: true }).click();
  await expect(results.getByText(/Scenario “Levers to the sample data” created/)).toBeVisible();
  const saved = analysis.getByRole('region', { name: 'Saved calibrations' });
  await expect(saved.getByRole('button', { name: 'Levers to the sample data', exact: true })).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  await results.screenshot({ path: test.info().outputPath('calibration-results-dark.png') });
});
