import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 10, point 4 end to end in Chromium through the web host, on the sample project: Customer Care's measured
 * customer retention (sample-data/measure/kpi.csv) drawn as dots on the empathy model's Customer retention chart,
 * in the legend, the hover read-out and the SVG export; one constant calibrated to that series; and the survey's
 * latest empathic concern bound to a model constant, the scenario running again with it.
 *
 * Reference values, worked by hand from the sample's files:
 * - Customer Care's monthly customer_retention from 2024-07 to 2026-06: 24 months, so 24 dots in the middle of
 *   model months 0..23, at 0.5..23.5 (time 0 = 2024-07-01, the first date); its first value 90.9 % is 0.909 as a
 *   model fraction.
 * - By quarter: 8 quarters, their middles from 1.5 to 22.5 months; 2024-Q3 = (90.9 + 91.1 + 90.7) / 3 = 90.9 %.
 * - Empathic concern (IRI items 2, 4, 9, 14, 18, 20, 22; 4, 14 and 18 reverse-keyed as 4 - x), mean per item
 *   of each respondent answering at least 6 of the 7, averaged over the 100 respondents of the "after" wave:
 *   2.932857142857 (computed with a few lines of Python's csv module, not with this project's code).
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const EC_AFTER = 2.932857142857;
const SCALE = 0.2;
const LEGEND = 'Measured: Customer retention, Customer Care';

/** The constant's value as the What-if input writes it back (10 significant digits). */
const inputValue = (value: number) => String(Number(value.toPrecision(10)));

async function openSample(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
  await expect(page.locator('.charts path.series.main').first()).toBeVisible();
}

test('measured retention on the model chart, a calibration to it, and a survey figure bound to a constant', async ({
  page,
  sampleHost,
}) => {
  test.slow();
  await openSample(page, sampleHost);

  // 1. The overlay: Customer Care's monthly retention, % as a fraction, on the Customer retention chart.
  const charts = page.getByRole('region', { name: 'Charts' });
  await charts.getByText('Measured data', { exact: true }).click();
  const overlay = charts.locator('details.measured-data');
  await overlay.getByLabel('Measured data set').selectOption({ label: 'KPIs by team' });
  await expect(overlay.getByLabel('KPI', { exact: true })).toHaveValue('customer_retention');
  await expect(overlay.getByLabel('Unit', { exact: true })).toHaveValue('Customer Care');
  await expect(overlay.getByLabel('Scale', { exact: true })).toHaveValue('0.01');
  await expect(overlay.getByLabel('Compare with')).toHaveValue('Customer retention');
  await expect(overlay.getByLabel('Date at the model’s start')).toHaveValue('2024-07-01');
  await overlay.getByLabel('Period', { exact: true }).selectOption('month');
  await expect(overlay.getByRole('status')).toContainText('24 values');

  // Customer retention shares a chart with the other dimensionless retention, Employee retention.
  const chart = charts.locator('figure.chart', { has: page.locator('g.measured-series') });
  const dots = chart.locator('g.measured-series circle.measured-point');
  await expect(dots).toHaveCount(24);
  await expect(chart.locator('.chart-legend')).toContainText(LEGEND);
  // The first dot sits at model time 0.5 and 0.909 on the chart's own scales: left of the second.
  const first = Number(await dots.first().getAttribute('cx'));
  const second = Number(await dots.nth(1).getAttribute('cx'));
  expect(first).toBeLessThan(second);

  // Hover near month 1 (x of the second dot): the read-out names the measured value at its month.
  await chart.locator('.chart-overlay').hover({ position: { x: second, y: 20 } });
  const readout = chart.locator('.chart-readout');
  await expect(readout).toContainText(LEGEND);
  await expect(readout).toContainText('0.911');
  await chart.screenshot({ path: test.info().outputPath('measured-chart-light.png') });
  await page.mouse.move(0, 0);

  // The SVG export carries the dots and the legend entry.
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: /^Export .*Customer retention as SVG$/ }).click(),
  ]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg).toContain(LEGEND);
  expect(svg.match(/<circle /g)?.length ?? 0).toBeGreaterThanOrEqual(24);

  // 2. Calibration: the same series by quarter, fitted with one constant and a few iterations.
  const analysis = page.getByRole('region', { name: 'Analysis' });
  await analysis.getByRole('tab', { name: 'Calibration' }).click();
  const form = analysis.getByRole('form', { name: 'Calibration' });
  await form.getByLabel('Measured series from this project').check();
  await form.getByLabel('Measured data set').selectOption({ label: 'KPIs by team' });
  await form.getByLabel('Unit', { exact: true }).selectOption('Customer Care');
  await form.getByLabel('Period', { exact: true }).selectOption('quarter');
  await expect(form.getByLabel('Fit to model variable')).toHaveValue('Customer retention');
  const source = 'Measured: KPIs by team / Customer Care / customer_retention (quarter)';
  await expect(form.getByText(`${source}: 8 times from 1.5 to 22.5, 1 column`)).toBeVisible();
  await expect(form.getByLabel('Model variable of column customer_retention')).toHaveValue(
    'Customer retention',
  );
  await form.getByRole('checkbox', { name: 'Loyal customer base churn', exact: true }).check();
  await form.getByLabel('Iteration limit').fill('40');
  await form.getByRole('button', { name: 'Calibrate', exact: true }).click();
  const results = analysis.getByRole('region', { name: 'Calibration results' });
  await expect(results).toBeVisible({ timeout: 120_000 });
  const fitChart = results.locator('figure.calibration-chart');
  await expect(fitChart).toHaveCount(1);
  await expect(fitChart.locator('circle.data-point')).toHaveCount(8);
  await results.screenshot({ path: test.info().outputPath('measured-calibration-light.png') });
  await form.screenshot({ path: test.info().outputPath('measured-calibration-form-light.png') });
  // The name offered says where the data came from; saved under it, the workspace keeps that source.
  await expect(results.getByLabel('Name of the calibration')).toHaveValue(`Calibrated to ${source}`);
  await results.getByRole('button', { name: 'Save to workspace', exact: true }).click();
  await expect(results.getByText(`Saved as “Calibrated to ${source}”`)).toBeVisible();

  // 3. Binding: the survey's latest empathic concern sets Rookie relative empathy skill (× 0.2).
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'Apply Empathy programme' }).click();
  await expect(scenarios.locator('li[data-scenario="Empathy programme"]')).toContainText('applied');
  const pathBefore = await page.locator('.charts path.series.main').first().getAttribute('d');
  await scenarios.getByRole('button', { name: 'Link a constant…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link a constant to a figure' });
  await dialog.getByLabel('Model constant').selectOption('Rookie relative empathy skill');
  const figure = dialog.getByLabel('Figure');
  await expect(figure.locator('optgroup[label="Measurement: Empathy survey (IRI)"]')).toHaveCount(1);
  const ecOption = figure.locator('option', { hasText: /Empathic concern.*\(the latest\)/ });
  await expect(ecOption).toContainText('wave after');
  await expect(ecOption).toContainText('= 2.933');
  await figure.selectOption({ label: (await ecOption.textContent())?.trim() ?? '' });
  await dialog.getByLabel('Scale').fill(String(SCALE));
  await expect(dialog.getByText(`“Rookie relative empathy skill” will be 0.5866`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('measured-link-form-light.png') });
  await dialog.getByRole('button', { name: 'Save link' }).click();
  await expect(dialog).toBeHidden();
  const whatIf = page.getByRole('region', { name: 'What if' });
  await expect(whatIf.getByRole('spinbutton', { name: 'Rookie relative empathy skill value' })).toHaveValue(
    inputValue(EC_AFTER * SCALE),
  );
  await expect
    .poll(() => page.locator('.charts path.series.main').first().getAttribute('d'))
    .not.toBe(pathBefore);
  await page.screenshot({ path: test.info().outputPath('measured-dynamics-light.png'), fullPage: true });

  // Dark theme: the chart with its dots, and the calibration.
  await page.emulateMedia({ colorScheme: 'dark' });
  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: test.info().outputPath('measured-chart-dark.png') });
  await results.screenshot({ path: test.info().outputPath('measured-calibration-dark.png') });
  await overlay.screenshot({ path: test.info().outputPath('measured-control-dark.png') });
  await form.screenshot({ path: test.info().outputPath('measured-calibration-form-dark.png') });
  await scenarios.getByRole('button', { name: 'Link a constant…' }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('measured-link-form-dark.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
