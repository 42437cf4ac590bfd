import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 6, point 6 end to end in Chromium through the web host, on the sample project: the sample network's
 * `latest.reciprocity` bound, from the Network page, to the empathy model's Leadership commitment in the
 * "Empathy programme" scenario; the scenario applied in Dynamics takes the figure; a new wave with another
 * reciprocity is added on the Network page; back in Dynamics the scenario runs again with the new value and the
 * chart changes.
 *
 * Reference values, worked by hand or with networkx 2.8.8 (overall_reciprocity: the share of ties returned):
 * the sample's "after" wave, 0.8673469388 (sample-data/network, 588 ties of which 510 returned); the wave this
 * test writes, 3 ties of which 2 (p001 -> p002 and back) are returned: 2/3.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const AFTER_RECIPROCITY = 0.8673469388;
const NEW_RECIPROCITY = 2 / 3;

/** The constant's value as the What-if input writes it back (10 significant digits). */
const inputValue = (value: number) => String(Number(value.toPrecision(10)));

/** The `d` of the first chart's current-run path: changes when the run it draws changes. */
const firstPath = (page: Page) => page.locator('.charts path.series.main').first().getAttribute('d');

async function openNetworkTab(page: Page, tab: string) {
  await page.getByRole('link', { name: 'Network' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a network figure bound to a model constant: the scenario follows a new wave', async ({
  page,
  sampleHost,
}) => {
  const newWave = join(test.info().outputPath(), 'wave-3.csv');
  writeFileSync(newWave, 'source,target,weight\np001,p002,2\np002,p001,3\np003,p004,1\n');

  await page.goto(sampleHost.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();

  // Network page, Use in a model: the figures with their values, and the binding.
  await openNetworkTab(page, 'Use in a model');
  const latest = page.getByRole('table', { name: 'Latest wave figures' });
  const reciprocity = latest.locator('tr[data-figure="latest.reciprocity"] td').nth(1);
  await expect(reciprocity).toHaveText('0.8673');
  const bind = page.getByRole('region', { name: 'Bind a figure to a model constant' });
  await bind.getByLabel('Model').selectOption({ label: 'Empathy reference model' });
  await bind.getByLabel('Scenario').selectOption({ label: 'Empathy programme' });
  await bind.getByRole('button', { name: 'Link a constant…' }).click();
  // The Dynamics view's own link form, the latest reciprocity offered first.
  const form = page.getByRole('dialog', { name: 'Link a constant of “Empathy programme” to a figure' });
  await form.getByLabel('Model constant').selectOption('Leadership commitment');
  await expect(form.getByLabel('Figure')).toHaveValue('0');
  await expect(form.getByLabel('Figure').locator('option').first()).toContainText(
    'Reciprocity: share of ties that are returned (latest wave, now after) = 0.8673',
  );
  await expect(form.getByText('“Leadership commitment” will be 0.8673')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('network-link-form.png') });
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(form).toBeHidden();
  await expect(bind.getByRole('status')).toContainText(
    '“Empathy programme” now sets “Leadership commitment” from latest.reciprocity (now 0.8673)',
  );
  const bound = bind.getByRole('table', { name: 'Bound scenarios' });
  await expect(bound.getByRole('row', { name: /Empathy programme/ })).toContainText('0.8673');
  await page.screenshot({ path: test.info().outputPath('network-link.png'), fullPage: true });

  // Dynamics: the scenario applied takes the figure's value.
  await bind.getByRole('button', { name: 'Open “Empathy reference model” in Dynamics' }).click();
  await expect(page.getByRole('heading', { name: 'Dynamics', level: 1 })).toBeVisible();
  const scenarios = page.getByRole('region', { name: 'Scenarios' });
  const whatIf = page.getByRole('region', { name: 'What if' });
  const leadership = whatIf.getByRole('spinbutton', { name: 'Leadership commitment value' });
  await expect(page.locator('.charts path.series.main').first()).toBeVisible();
  await scenarios.getByRole('button', { name: 'Apply Empathy programme' }).click();
  await expect(leadership).toHaveValue(inputValue(AFTER_RECIPROCITY));
  await expect(scenarios.locator('li[data-scenario="Empathy programme"]')).toContainText('applied');
  const pathWithAfter = await firstPath(page);

  // Network page: a third wave, with fewer ties returned.
  await page.getByRole('link', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Add a wave…' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a wave to/ });
  await dialog.getByTestId('network-edges-file').setInputFiles(newWave);
  await dialog.getByLabel('Wave label (optional)').fill('follow-up');
  await expect(dialog.getByRole('table', { name: 'What the files hold' })).toContainText('follow-up');
  await dialog.getByRole('button', { name: 'Add the wave' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Use in a model' }).click();
  await expect(reciprocity).toHaveText('0.6667');
  await expect(bound.getByRole('row', { name: /Empathy programme/ })).toContainText('0.6667');

  // Back in Dynamics: the applied scenario runs again with the new figure, and the chart changes.
  await page.getByRole('link', { name: 'Dynamics' }).click();
  await expect(leadership).toHaveValue(inputValue(NEW_RECIPROCITY));
  await expect(page.getByText(/The figures linked to “Empathy programme” changed/)).toBeVisible();
  await expect.poll(() => firstPath(page)).not.toBe(pathWithAfter);
  await page.screenshot({ path: test.info().outputPath('dynamics-after-new-wave.png'), fullPage: true });
});

test('dark mode: the Use in a model panel', async ({ browser, sampleHost }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(sampleHost.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await openNetworkTab(page, 'Use in a model');
  await expect(page.getByRole('table', { name: 'Latest wave figures' })).toBeVisible();
  const bind = page.getByRole('region', { name: 'Bind a figure to a model constant' });
  await bind.getByRole('button', { name: 'Link a constant…' }).click();
  await expect(page.getByRole('dialog', { name: /Link a constant of/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('network-link-dark.png'), fullPage: true });
  await context.close();
});
