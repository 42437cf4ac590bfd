import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 4, points 4-9 end to end in Chromium through the web host, on the sample project (the empathy reference
 * model and its shipped scenarios): move a slider and see the chart redraw over the baseline, save a scenario and
 * find it after a reload, compare two scenarios (chart and KPI table), import a test-model XMILE, export a run
 * as CSV and read it back, export a chart as SVG and PNG.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const TEACUP = resolve(
  import.meta.dirname,
  '../fixtures/sd-test-models/core-xmile/sample_teacup/teacup.xmile',
);

async function openSampleModel(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Dynamics', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
  await expect(page.locator('path.series.main').first()).toBeVisible();
}

/** The `d` of the first chart's current-run path: changes when the run it draws changes. */
const firstPath = (page: Page) => page.locator('.charts path.series.main').first().getAttribute('d');

test('a slider redraws the chart over the baseline, and a saved scenario survives a reload', async ({
  page,
  sampleHost,
}) => {
  await openSampleModel(page, sampleHost);
  const whatIf = page.getByRole('region', { name: 'What if' });
  await expect(whatIf.getByRole('group', { name: 'Levers' })).toBeVisible();
  await expect(whatIf.getByRole('group', { name: 'Finance' })).toBeHidden();
  const training = whatIf.getByRole('slider', { name: 'Training budget' });
  await expect(training).toHaveAttribute('max', '0.05');
  // The worker runs the model's whole step loop in WebAssembly: the CSP lets it compile that, and only that.
  await expect(whatIf.locator('.whatif-summary')).toHaveAttribute('data-engine', 'webassembly loop');

  const before = await firstPath(page);
  await training.focus();
  await page.keyboard.press('End');
  await expect(whatIf.getByRole('spinbutton', { name: 'Training budget value' })).toHaveValue('0.05');
  await expect.poll(() => firstPath(page)).not.toBe(before);
  // The baseline stays drawn behind the current run, one faded line per variable, now apart from it.
  const mainCount = await page.locator('.charts path.series.main').count();
  await expect(page.locator('.charts path.series.reference')).toHaveCount(mainCount);
  const baselinePath = await page.locator('.charts path.series.reference').first().getAttribute('d');
  expect(baselinePath).not.toBe(await firstPath(page));
  const kpis = page.getByRole('region', { name: /Key figures at/ });
  await expect(kpis.locator('[data-kpi="empathy-roi"] .kpi-value')).not.toHaveText('—');

  // The hover read-out shows every line's value at one time.
  const overlay = page.locator('.charts rect.chart-overlay').first();
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  if (box === null) throw new Error('the chart has no overlay');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.locator('.charts .chart-readout').first()).toContainText('baseline');
  await page
    .locator('.charts figure.chart')
    .first()
    .screenshot({ path: test.info().outputPath('chart-hover-readout.png') });
  await page.screenshot({ path: test.info().outputPath('whatif-slider-moved.png'), fullPage: true });

  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('button', { name: 'Save as scenario…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as scenario' });
  await dialog.getByLabel('Name').fill('Double training');
  await dialog.getByRole('button', { name: 'Save scenario' }).click();
  await expect(dialog).toBeHidden();
  const saved = scenarios.locator('li[data-scenario="Double training"]');
  await expect(saved).toContainText('applied');

  await page.reload();
  await expect(page.locator('path.series.main').first()).toBeVisible();
  await expect(scenarios.locator('li[data-scenario="Double training"]')).toContainText('applied');
  await expect(scenarios.locator('li[data-scenario="Status quo"]')).toBeVisible();
  await expect(whatIf.getByRole('spinbutton', { name: 'Training budget value' })).toHaveValue('0.05');

  // Moving another slider leaves the scenario; Update saves the change into it.
  await whatIf.getByRole('slider', { name: 'Leadership commitment' }).focus();
  await page.keyboard.press('End');
  await expect(scenarios.getByText('Changed from “Double training”, not saved')).toBeVisible();
  await scenarios.getByRole('button', { name: 'Update Double training with the current what-if' }).click();
  await expect(saved).toContainText('applied');
  await expect(saved).toContainText('2 changes');

  // Applying the status quo puts every slider back in one undo step.
  await scenarios.getByRole('button', { name: 'Apply Status quo' }).click();
  await expect(whatIf.getByRole('spinbutton', { name: 'Training budget value' })).not.toHaveValue('0.05');
  await page.getByRole('toolbar', { name: 'Model' }).getByRole('button', { name: 'Undo' }).click();
  await expect(whatIf.getByRole('spinbutton', { name: 'Training budget value' })).toHaveValue('0.05');
});

test('two scenarios compared on the same axes with a KPI table of differences', async ({
  page,
  sampleHost,
}) => {
  await openSampleModel(page, sampleHost);
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('checkbox', { name: 'Compare Empathy programme' }).check();
  await scenarios.getByRole('checkbox', { name: 'Compare Status quo' }).check();

  const comparison = page.getByRole('region', { name: 'Scenario comparison' });
  const table = comparison.getByRole('table');
  await expect(table).toContainText('against “Status quo”');
  await expect(table.getByRole('columnheader', { name: /Empathy programme/ })).toBeVisible();
  for (const kpi of [
    'Employee retention',
    'Customers',
    'Innovations',
    'Revenue',
    'Cumulative profit',
    'Return on empathy spend',
  ]) {
    await expect(table.getByRole('rowheader', { name: kpi })).toBeVisible();
  }
  // Each chart draws one line per scenario on the same axes.
  const firstChart = comparison.locator('svg[data-chart]').first();
  await expect(firstChart.locator('path.series.main')).toHaveCount(2);
  await expect(firstChart.locator('.chart-legend')).toContainText('Empathy programme');
  await comparison.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('scenario-comparison.png'), fullPage: true });

  // Rename and duplicate go through the store; delete asks first.
  await scenarios.getByRole('button', { name: 'Duplicate Empathy programme' }).click();
  await expect(scenarios.locator('li[data-scenario="Empathy programme (copy)"]')).toBeVisible();
  await scenarios.getByRole('button', { name: 'Rename Empathy programme (copy)' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename scenario' });
  await rename.getByLabel('Name').fill('Programme, second try');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(scenarios.locator('li[data-scenario="Programme, second try"]')).toBeVisible();
  await scenarios.getByRole('button', { name: 'Delete Programme, second try' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete scenario?' });
  await expect(confirm).toContainText('will be deleted');
  await confirm.getByRole('button', { name: 'Delete scenario' }).click();
  await expect(scenarios.locator('li[data-scenario="Programme, second try"]')).toHaveCount(0);
});

test('an imported test model runs, and its run exports as a stamped CSV', async ({ page, sampleHost }) => {
  await openSampleModel(page, sampleHost);
  await page.getByTestId('xmile-file').setInputFiles(TEACUP);
  await expect(page.getByRole('heading', { name: /teacup/i, level: 2 })).toBeVisible();
  const whatIf = page.getByRole('region', { name: 'What if' });
  await expect(whatIf.getByRole('slider', { name: 'Room Temperature' })).toHaveAttribute('max', '140');
  await expect(page.locator('.charts svg[data-chart="Teacup Temperature"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('teacup-imported.png'), fullPage: true });

  const exports = page.getByRole('group', { name: 'Export the current run' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/teacup.*\.csv$/i);
  const path = await download.path();
  const csv = readFileSync(path, 'utf8');
  const lines = csv.trimEnd().split('\n');
  expect(lines).toContain('# scenario: Model as saved');
  expect(csv).toMatch(/^# model_sha256: [0-9a-f]{64}$/m);
  expect(csv).toMatch(/^# seed: none/m);
  expect(csv).toMatch(/^# app_version: \d+\.\d+\.\d+/m);
  const header = lines.find((line) => !line.startsWith('#'));
  expect(header).toBe(
    'scenario,time,Heat Loss to Room,Room Temperature,Teacup Temperature,Characteristic Time',
  );
  // The test-models' own output (output.csv, from a peer tool): 178.625 degrees after one step of 0.125.
  const row = lines.find((line) => line.startsWith('Model as saved,0.125,'));
  expect(row?.split(',')[4]).toBe('178.625');
});

test('a chart exports as SVG with its styles and as PNG', async ({ page, sampleHost }) => {
  await openSampleModel(page, sampleHost);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('.charts')
      .getByRole('button', { name: /as SVG$/ })
      .first()
      .click(),
  ]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toMatch(/<path[^>]*stroke-width="2(px)?"/);
  expect(svg).not.toContain('chart-overlay');

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('.charts')
      .getByRole('button', { name: /as PNG$/ })
      .first()
      .click(),
  ]);
  const png = readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});
