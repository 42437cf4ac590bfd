import type { Page } from '@playwright/test';
import {
  expect,
  fillRetentionChart,
  newStory,
  openSampleProject,
  openSection,
  presentation,
  shown,
  test,
} from './present-helpers';
import type { RunningHost } from './web-host';

/**
 * Issue 9, point 1 end to end in Chromium through the web host, on the sample project: a story built from a live
 * Dynamics chart (the empathy reference model from the Empathy programme scenario, Employee retention, with
 * Leadership commitment as its lever) and the sample SROI analysis's headline; presented with the arrow keys, a
 * slider moving the chart and R bringing it back; in light and dark.
 */
const SAMPLE_ANALYSIS = 'Empathy training for customer-service staff';
const SAMPLE_STORY = 'Workshop: what empathy does to the business';

async function openPresent(page: Page, host: RunningHost): Promise<void> {
  await openSampleProject(page, host);
  await openSection(page, 'Present');
}

const chartLine = (page: Page) => presentation(page).locator('path.series.main').first();

test('a story of a live chart and the SROI headline, presented with the keyboard', async ({
  page,
  sampleHost,
  browser,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1400, height: 900 });
  await openPresent(page, sampleHost);
  // A new workspace's sample project comes with its workshop story (presented in the next test).
  await expect(page.getByRole('button', { name: SAMPLE_STORY })).toBeVisible();

  await newStory(page, 'Board meeting');

  await page.getByRole('button', { name: 'Add page' }).click();
  await fillRetentionChart(page.getByRole('listitem', { name: 'Page 1' }));

  await page.getByRole('combobox', { name: 'New page' }).selectOption({ label: 'SROI headline' });
  await page.getByRole('button', { name: 'Add page' }).click();
  const headlineForm = page.getByRole('listitem', { name: 'Page 2' });
  await headlineForm
    .getByRole('combobox', { name: 'SROI analysis' })
    .selectOption({ label: SAMPLE_ANALYSIS });
  await headlineForm.getByRole('textbox', { name: 'Title' }).fill('The social return');
  await expect(page.getByRole('button', { name: 'Board meeting' }).locator('..')).toContainText('2 pages');
  await page.screenshot({ path: test.info().outputPath('present-editor.png'), fullPage: true });

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(presentation(page)).toBeVisible();
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 2');
  await expect(presentation(page).getByRole('heading', { name: 'Retention follows empathy' })).toBeVisible();
  await expect(chartLine(page)).toHaveAttribute('d', /\d/);
  const start = await chartLine(page).getAttribute('d');
  const slider = presentation(page).getByRole('slider', { name: 'Leadership commitment' });
  await expect(slider).toHaveValue('0.8');
  await page.screenshot({ path: test.info().outputPath('present-chart-light.png') });

  // Moving the lever runs the model again: the line changes.
  await slider.fill('0.1');
  await expect(chartLine(page)).not.toHaveAttribute('d', start ?? '');
  // R (with the focus off the slider) brings the page back to the Empathy programme.
  await presentation(page).focus();
  await page.keyboard.press('r');
  await expect(slider).toHaveValue('0.8');
  await expect(chartLine(page)).toHaveAttribute('d', start ?? '');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('page-counter')).toHaveText('2 / 2');
  const figures = presentation(page).locator('.present-headline');
  await expect(figures).toContainText('SROI ratio');
  await expect(figures).toContainText('of social value for every $1 invested');
  await page.screenshot({ path: test.info().outputPath('present-headline-light.png') });
  await page.keyboard.press('Home');
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 2');
  await page.keyboard.press('End');
  await expect(page.getByTestId('page-counter')).toHaveText('2 / 2');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 2');
  await page.keyboard.press('Escape');
  await expect(presentation(page)).toBeHidden();

  // The handout: every page on its own sheet, the chart at its starting scenario, without the app around it.
  await page.evaluate(() => document.body.classList.add('story-printing'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.story-sheet')).toHaveCount(2);
  await expect(page.locator('.story-sheet path.series.main')).toHaveAttribute('d', /\d/);
  await expect(page.getByRole('navigation', { name: 'Workbench' })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('present-handout.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('story-printing'));

  // The story is saved in the workspace: a new window (in the dark theme) opens and presents it.
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 900 } });
  const dark = await context.newPage();
  await openPresent(dark, sampleHost);
  await dark.getByRole('button', { name: 'Board meeting' }).click();
  await dark.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(chartLine(dark)).toHaveAttribute('d', start ?? '');
  await dark.screenshot({ path: test.info().outputPath('present-chart-dark.png') });
  await dark.keyboard.press('PageDown');
  await expect(presentation(dark).locator('.present-headline')).toContainText('SROI ratio');
  await dark.screenshot({ path: test.info().outputPath('present-headline-dark.png') });
  await context.close();
});

test('the sample project’s workshop story: its seven live pages, presented in order', async ({
  page,
  sampleHost,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1400, height: 900 });
  await openPresent(page, sampleHost);
  await page.getByRole('button', { name: SAMPLE_STORY }).click();
  await expect(page.getByRole('button', { name: SAMPLE_STORY }).locator('..')).toContainText('7 pages');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByTestId('page-counter')).toHaveText('1 / 7');
  await expect(
    shown(page).getByRole('heading', { name: 'What empathy does to a small service business' }),
  ).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(shown(page).getByRole('heading', { name: 'Move the levers' })).toBeVisible();
  await expect(shown(page).locator('path.series.main').first()).toHaveAttribute('d', /\d/);
  for (const lever of ['Training budget', 'Leadership commitment', 'Overtime policy'])
    await expect(shown(page).getByRole('slider', { name: lever })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sample-story-chart.png') });

  await page.keyboard.press('ArrowRight');
  await expect(shown(page).locator('path.dominance-band').first()).toHaveAttribute('d', /\d/);
  await page.screenshot({ path: test.info().outputPath('sample-story-loops.png') });
  await page.keyboard.press('ArrowRight');
  await expect(shown(page).getByTestId('network-canvas')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sample-story-network.png') });
  await page.keyboard.press('ArrowRight');
  await expect(shown(page).getByTestId('share-total')).toContainText('Total 100.0%');
  await page.screenshot({ path: test.info().outputPath('sample-story-simulator.png') });
  await page.keyboard.press('ArrowRight');
  await expect(shown(page).locator('.present-headline')).toContainText('SROI ratio');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('page-counter')).toHaveText('7 / 7');
  await expect(shown(page).getByRole('heading', { name: 'Measure it in your business' })).toBeVisible();
});
