import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  fillRetentionChart,
  newStory,
  openSampleProject,
  openSection,
  presentation,
  SAMPLE_PROJECT,
  shown,
  test as base,
} from './present-helpers';
import { startWebHost, type RunningHost } from './web-host';

/**
 * Issue 9, point 1, the later page kinds, end to end in Chromium through the web host on the sample project: a
 * story of a live chart with its lever, the loop-dominance chart, the sample network's graph and the sample
 * conjoint study's market simulator (from the MNL estimate it ships with). Presented with the arrow keys: each page keeps the
 * presenter's changes when revisited, R resets the page shown; the handout in print media; light and dark; and
 * the network page again once the network's participants no longer agree to individual views; and the story
 * after the project travels to another workspace in a project file, its pages naming the imported documents.
 */
const test = base.extend<{ freshHost: RunningHost }>({
  // Another machine: an empty workspace the project file is imported into.
  // eslint-disable-next-line no-empty-pattern
  freshHost: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'empathy-e2e-fresh-'));
    const host = await startWebHost(dataDir);
    await use(host);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

const SAMPLE_NETWORK = 'Example organization: support ties';
const SAMPLE_STUDY = 'Empathetic service';
const SHOTS = process.env['PRESENT_SHOTS'];

/** A screenshot in the test's output, and in PRESENT_SHOTS too when set (to look at after the run). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${name}` });
}

const shareText = (page: Page) => shown(page).locator('svg.bars.shares').getAttribute('aria-label');

test('loop dominance, network and simulator pages, presented, reset and printed', async ({
  page,
  sampleHost,
  freshHost,
  browser,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1400, height: 900 });
  await openSampleProject(page, sampleHost);

  // The sample study comes estimated by MNL: the simulator has its part-worths.
  await openSection(page, 'Present');
  await newStory(page, 'Workshop');

  const addPage = async (kind: string) => {
    await page.getByRole('combobox', { name: 'New page' }).selectOption({ label: kind });
    await page.getByRole('button', { name: 'Add page' }).click();
  };
  await addPage('Dynamics chart with sliders');
  await fillRetentionChart(page.getByRole('listitem', { name: 'Page 1' }));

  await addPage('Loop dominance');
  const loopsForm = page.getByRole('listitem', { name: 'Page 2' });
  await loopsForm.getByRole('textbox', { name: 'Title' }).fill('Which loop drives it');
  await loopsForm
    .getByRole('combobox', { name: 'Model', exact: true })
    .selectOption({ label: 'Empathy reference model' });
  await loopsForm
    .getByRole('combobox', { name: 'Starting scenario' })
    .selectOption({ label: 'Empathy programme' });
  // A loop page has no variables or levers to choose.
  await expect(loopsForm.getByRole('listbox')).toHaveCount(0);

  await addPage('Network graph');
  const networkForm = page.getByRole('listitem', { name: 'Page 3' });
  await networkForm.getByRole('textbox', { name: 'Title' }).fill('Who supports whom');
  await expect(networkForm.getByRole('combobox', { name: 'Network' })).toHaveValue(/.+/);
  await expect(networkForm.getByRole('combobox', { name: 'Network' }).locator('option:checked')).toHaveText(
    SAMPLE_NETWORK,
  );
  await networkForm
    .getByRole('combobox', { name: 'Colour by' })
    .selectOption({ label: 'Community (Louvain)' });
  // The sample's participants agreed to individual views: a person's own figures are offered too.
  await expect(networkForm.getByRole('combobox', { name: 'Colour by' }).locator('option')).not.toHaveCount(2);

  await addPage('Conjoint market simulator');
  const simulatorForm = page.getByRole('listitem', { name: 'Page 4' });
  await simulatorForm.getByRole('textbox', { name: 'Title' }).fill('What customers would choose');
  await expect(
    simulatorForm.getByRole('combobox', { name: 'Conjoint study' }).locator('option:checked'),
  ).toHaveText(SAMPLE_STUDY);
  await expect(page.getByRole('button', { name: 'Workshop', exact: true }).locator('..')).toContainText(
    '4 pages',
  );
  await page.screenshot({ path: test.info().outputPath('present-kinds-editor.png'), fullPage: true });

  // Presenting: page 1, the chart; its lever moved.
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(presentation(page)).toBeVisible();
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 4');
  const slider = shown(page).getByRole('slider', { name: 'Leadership commitment' });
  await expect(slider).toHaveValue('0.8');
  await slider.fill('0.1');
  await expect(slider).toHaveValue('0.1');
  await presentation(page).focus();

  // Page 2: the dominance chart, its bands drawn, the legend naming the loops.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('page-counter')).toHaveText('2 / 4');
  await expect(shown(page).getByRole('heading', { name: 'Which loop drives it' })).toBeVisible();
  const bands = shown(page).locator('path.dominance-band');
  await expect(bands.first()).toHaveAttribute('d', /\d/);
  expect(await bands.count()).toBeGreaterThan(1);
  const legend = shown(page).getByRole('list', { name: 'Loops on the chart' });
  await expect(legend.getByRole('listitem')).toHaveCount(await bands.count());
  await expect(shown(page).locator('.present-source')).toContainText('starting from “Empathy programme”');
  // Large type: the legend is read from the back of the room.
  const legendSize = await legend.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(legendSize).toBeGreaterThanOrEqual(20);
  await shot(page, 'present-loops-light.png');

  // Page 3: the network, read-only, with its legend; with consent the people are named.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('page-counter')).toHaveText('3 / 4');
  const network = shown(page).locator('.present-network');
  await expect(network).toHaveAttribute('data-consent', 'individual');
  await expect(network.getByTestId('network-canvas')).toBeVisible();
  await expect(network.getByRole('heading', { name: 'Colour: community (Louvain)' })).toBeVisible();
  await expect(network.locator('.legend-groups li').first()).toBeVisible();
  await expect(network.locator('.present-source')).toContainText(SAMPLE_NETWORK);
  await shot(page, 'present-network-light.png');

  // Page 4: the simulator; an offer changed moves the shares, which still add up to 100%.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('page-counter')).toHaveText('4 / 4');
  await expect(shown(page).getByTestId('share-total')).toContainText('Total 100.0%');
  const startShares = await shareText(page);
  expect(startShares).toMatch(/Offer A \d/);
  await shown(page).getByLabel('agent of Offer B').selectOption('human');
  await expect.poll(() => shareText(page)).not.toBe(startShares);
  const changedShares = await shareText(page);
  await expect(shown(page).getByTestId('share-total')).toContainText('Total 100.0%');
  await shot(page, 'present-simulator-light.png');

  // Back to page 1 and forward again: every page as the presenter left it.
  await presentation(page).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 4');
  await expect(shown(page).getByRole('slider', { name: 'Leadership commitment' })).toHaveValue('0.1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('page-counter')).toHaveText('4 / 4');
  expect(await shareText(page)).toBe(changedShares);
  await expect(shown(page).getByLabel('agent of Offer B')).toHaveValue(/.+/);

  // R resets the page shown only: the simulator's starting offers come back, the chart's lever stays moved.
  await page.keyboard.press('r');
  await expect.poll(() => shareText(page)).toBe(startShares);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 4');
  await expect(shown(page).getByRole('slider', { name: 'Leadership commitment' })).toHaveValue('0.1');
  await page.keyboard.press('R');
  await expect(shown(page).getByRole('slider', { name: 'Leadership commitment' })).toHaveValue('0.8');
  // The Reset button does the same as R, on a page that has something to reset.
  await page.keyboard.press('ArrowRight');
  await expect(presentation(page).getByRole('button', { name: 'Reset' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(presentation(page)).toBeHidden();

  // The handout: four sheets; the loop chart drawn, the network as a picture, the simulator's starting shares.
  await page.evaluate(() => document.body.classList.add('story-printing'));
  await page.emulateMedia({ media: 'print' });
  const sheets = page.locator('.story-sheet');
  await expect(sheets).toHaveCount(4);
  await expect(sheets.nth(1).locator('path.dominance-band').first()).toHaveAttribute('d', /\d/);
  const picture = sheets.nth(2).locator('img.present-network-picture');
  await expect(picture).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect
    .poll(() => picture.evaluate((image) => (image as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  await expect(sheets.nth(3).getByTestId('share-total')).toContainText('Total 100.0%');
  expect(await sheets.nth(3).locator('svg.bars.shares').getAttribute('aria-label')).toBe(startShares);
  await expect(sheets.nth(3).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Workbench' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('present-kinds-handout.png'), fullPage: true });
  if (SHOTS !== undefined)
    await page.screenshot({ path: `${SHOTS}/present-kinds-handout.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('story-printing'));

  // Dark: the saved story in a new window, each kind looked at.
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 900 } });
  const dark = await context.newPage();
  await openSampleProject(dark, sampleHost);
  await openSection(dark, 'Present');
  await dark.getByRole('button', { name: 'Workshop', exact: true }).click();
  await dark.getByRole('button', { name: 'Present', exact: true }).click();
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).locator('path.dominance-band').first()).toHaveAttribute('d', /\d/);
  await shot(dark, 'present-loops-dark.png');
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).getByTestId('network-canvas')).toBeVisible();
  await expect(shown(dark).locator('.legend-groups li').first()).toBeVisible();
  await shot(dark, 'present-network-dark.png');
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).getByTestId('share-total')).toContainText('Total 100.0%');
  await shot(dark, 'present-simulator-dark.png');
  await dark.keyboard.press('Escape');

  // Consent withdrawn on the People data tab: the network page names no one and sizes everyone the same.
  await openSection(dark, 'Network');
  await dark.getByRole('tab', { name: 'People data' }).click();
  const consent = dark.getByLabel('Participants agreed to individual views');
  await expect(consent).toBeChecked();
  await consent.click();
  await expect(consent).not.toBeChecked();
  await openSection(dark, 'Present');
  await dark.getByRole('button', { name: 'Workshop', exact: true }).click();
  await expect(dark.getByRole('listitem', { name: 'Page 3' })).toContainText(
    'have not agreed to individual views',
  );
  await dark.getByRole('button', { name: 'Present', exact: true }).click();
  await dark.keyboard.press('End');
  await dark.keyboard.press('ArrowLeft');
  const withoutConsent = shown(dark).locator('.present-network');
  await expect(withoutConsent).toHaveAttribute('data-consent', 'none');
  await expect(withoutConsent.getByTestId('present-network-privacy')).toContainText('no one is named');
  await expect(withoutConsent.getByRole('heading', { name: 'Size: the same for everyone' })).toBeVisible();
  await shot(dark, 'present-network-no-consent-dark.png');
  await dark.keyboard.press('Escape');

  // The project file: the preview counts the story; on the other machine its pages show the imported network
  // (still without consent), study (with its estimate) and model.
  await dark.getByRole('link', { name: 'Projects' }).click();
  const downloading = dark.waitForEvent('download');
  await dark.getByRole('button', { name: `Export ${SAMPLE_PROJECT}` }).click();
  const file = test.info().outputPath('workshop.ewproject.json');
  await (await downloading).saveAs(file);
  await dark.goto(freshHost.url);
  await dark.getByTestId('project-file').setInputFiles(file);
  await expect(dark.getByRole('status')).toContainText(/Imported ".*": .*2 stories/);
  await openSampleProject(dark, freshHost);
  await openSection(dark, 'Present');
  await dark.getByRole('button', { name: 'Workshop', exact: true }).click();
  await dark.getByRole('button', { name: 'Present', exact: true }).click();
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).locator('path.dominance-band').first()).toHaveAttribute('d', /\d/);
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).locator('.present-network')).toHaveAttribute('data-consent', 'none');
  await expect(shown(dark).getByTestId('network-canvas')).toBeVisible();
  await dark.keyboard.press('ArrowRight');
  await expect(shown(dark).getByTestId('share-total')).toContainText('Total 100.0%');
  expect(await shareText(dark)).toBe(startShares);
  await context.close();
});
