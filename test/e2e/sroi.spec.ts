import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 8, points 1, 3, 4 and 5 end to end in Chromium through the web host, on the sample project (the empathy
 * reference model, its scenarios and the sample SROI analysis linked to them): the headline ratio, editing a
 * deadweight with the ratio following, an impossible value shown next to its cell, undo, the tornado, linking the
 * staff-retention outcome to the model with its quantities following the scenario, CSV and JSON exports with the
 * JSON opened again, and the printable report, in light and dark.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const SAMPLE_ANALYSIS = 'Empathy training for customer-service staff';

async function openSampleAnalysis(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await page.getByRole('link', { name: 'SROI' }).click();
  await expect(page.getByRole('heading', { name: 'SROI', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Open ${SAMPLE_ANALYSIS}` }).click();
  await expect(page.getByRole('heading', { name: SAMPLE_ANALYSIS, level: 2 })).toBeVisible();
}

const headline = (page: Page) => page.getByRole('status', { name: 'Headline ratio' });
/** The ratio the headline shows, as a number (its data attribute carries it unrounded). */
async function ratioShown(page: Page): Promise<number> {
  const value = await headline(page).locator('[data-ratio]').getAttribute('data-ratio');
  return Number(value);
}

async function screenshotsInDarkToo(browser: Browser, name: string, open: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await open(page);
  await page.screenshot({ path: test.info().outputPath(`${name}-dark.png`), fullPage: true });
  await context.close();
}

test('the sample analysis: ratio, an edited deadweight, an impossible value next to its cell, undo', async ({
  page,
  sampleHost,
  browser,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSampleAnalysis(page, sampleHost);
  await expect(headline(page)).toContainText('of social value for every $1 invested');
  // The linked quantities come from the model's runs; once they are in, the headline says so.
  await expect(headline(page)).toContainText('2 of 2 linked quantities follow the Dynamics scenarios');
  const before = await ratioShown(page);
  expect(before).toBeGreaterThan(0.5);
  await page.screenshot({ path: test.info().outputPath('sroi-impact-map.png'), fullPage: true });
  await screenshotsInDarkToo(browser, 'sroi-impact-map', async (dark) => {
    await openSampleAnalysis(dark, sampleHost);
    await expect(headline(dark)).toContainText('2 of 2 linked');
  });

  const deadweight = page.getByRole('textbox', { name: 'Deadweight of staff-wellbeing' });
  await expect(deadweight).toHaveValue('20');
  await deadweight.fill('50');
  await deadweight.press('Tab');
  await expect.poll(() => ratioShown(page)).toBeLessThan(before);
  const edited = await ratioShown(page);

  await deadweight.fill('120');
  const cell = page.locator('tr[data-outcome="staff-wellbeing"] .cell', { has: deadweight });
  await expect(cell.locator('.cell-issue')).toHaveText('Must be between 0% and 100% (got 120%)');
  await expect(deadweight).toHaveAttribute('aria-invalid', 'true');
  await expect(headline(page)).toContainText('1 problem stops the calculation');
  await page.locator('tr[data-outcome="staff-wellbeing"]').screenshot({
    path: test.info().outputPath('sroi-cell-issue.png'),
  });
  await deadweight.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Undo twice: 120% goes, then 50% goes, back to the file's 20%.
  const toolbar = page.getByRole('toolbar', { name: 'SROI analysis' });
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(deadweight).toHaveValue('50');
  await expect.poll(() => ratioShown(page)).toBeCloseTo(edited, 10);
  await page.keyboard.press('Control+z');
  await expect(deadweight).toHaveValue('20');
  await expect.poll(() => ratioShown(page)).toBeCloseTo(before, 10);
  await page.keyboard.press('Control+Shift+z');
  await expect(deadweight).toHaveValue('50');

  // What is saved is what is shown: after a reload the last state is back.
  await expect(toolbar.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Deadweight of staff-wellbeing' })).toHaveValue('50');
});

test('results, the tornado and switching values', async ({ page, sampleHost, browser }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSampleAnalysis(page, sampleHost);
  await expect(headline(page)).toContainText('2 of 2 linked');
  // The tabs by keyboard: the arrow keys move between them (WAI-ARIA tabs pattern).
  await page.getByRole('tab', { name: 'Impact map' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Results' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Value by stakeholder', exact: true })).toContainText(
    'The business',
  );
  await expect(
    page.locator('svg[aria-label^="Value by stakeholder and year"] rect.bar').first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sroi-results.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Sensitivity' }).click();
  const tornado = page.getByRole('region', { name: 'Tornado chart' });
  await expect(tornado.locator('g[data-bar]').first()).toBeVisible();
  expect(await tornado.locator('g[data-bar]').count()).toBeGreaterThan(5);
  await expect(page.locator('table.switching-values')).toContainText('Switching value');
  await page.screenshot({ path: test.info().outputPath('sroi-sensitivity.png'), fullPage: true });

  await screenshotsInDarkToo(browser, 'sroi-sensitivity', async (dark) => {
    await openSampleAnalysis(dark, sampleHost);
    await dark.getByRole('tab', { name: 'Sensitivity' }).click();
    await expect(
      dark.getByRole('region', { name: 'Tornado chart' }).locator('g[data-bar]').first(),
    ).toBeVisible();
  });
});

test('linking the staff-retention outcome to the model: its quantities follow the scenario', async ({
  page,
  sampleHost,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSampleAnalysis(page, sampleHost);
  await page.getByRole('tab', { name: 'Dynamics link' }).click();
  const card = page.getByRole('listitem', { name: 'Link of staff-retention' });
  const quantities = card.getByRole('table', { name: 'Linked quantities of staff-retention' });
  // The sample's link: quits avoided, Empathy programme against Status quo (README: 1.15 in year 1).
  await expect(quantities.locator('tbody td').first()).toHaveText('1.15');

  await card.getByRole('button', { name: 'Unlink' }).click();
  await expect(quantities).toBeHidden();
  await expect(card).toContainText('Quantity from the impact map: 1.15 every year.');
  await expect(headline(page)).toContainText('1 of 1 linked quantity follows');

  await card.getByRole('button', { name: 'Link to a model…' }).click();
  const form = card.getByRole('form', { name: 'Link the quantity of staff-retention' });
  await expect(form.getByRole('combobox', { name: 'Variable' })).toBeEnabled();
  await form.getByRole('combobox', { name: 'Model' }).selectOption('Empathy reference model');
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption('Empathy programme');
  await form.getByRole('combobox', { name: 'Baseline' }).selectOption('Status quo');
  await form.getByRole('combobox', { name: 'Variable' }).selectOption('Total quits');
  await expect(form.getByRole('combobox', { name: 'Aggregation' })).toHaveValue('annual-sum');
  await form.getByRole('textbox', { name: 'Scale' }).fill('-1');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(quantities.locator('tbody td').first()).toHaveText('1.15');
  const withProgramme = await ratioShown(page);
  const programmeYears = await quantities.locator('tbody td').allTextContents();
  await expect(page.getByRole('note').filter({ hasText: 'follow the scenarios' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sroi-link.png'), fullPage: true });

  // Another scenario: other quantities, another ratio.
  await card.getByRole('button', { name: 'Change link…' }).click();
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption('High empathy (top tenth)');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect.poll(() => quantities.locator('tbody td').allTextContents()).not.toEqual(programmeYears);
  await expect.poll(() => ratioShown(page)).not.toBeCloseTo(withProgramme, 6);
  await expect(card).toContainText('“High empathy (top tenth)” against “Status quo”');

  // The link is one undo step.
  await page.getByRole('toolbar', { name: 'SROI analysis' }).getByRole('button', { name: 'Undo' }).click();
  await expect(card).toContainText('“Empathy programme” against “Status quo”');
  await expect(quantities.locator('tbody td')).toHaveText(programmeYears);
});

test('a scenario edited elsewhere: the linked quantities and the ratio follow when the page is back in view', async ({
  page,
  sampleHost,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSampleAnalysis(page, sampleHost);
  await page.getByRole('tab', { name: 'Dynamics link' }).click();
  const quantities = page
    .getByRole('listitem', { name: 'Link of staff-retention' })
    .getByRole('table', { name: 'Linked quantities of staff-retention' });
  await expect(quantities.locator('tbody td').first()).toHaveText('1.15');
  const before = await ratioShown(page);

  // Another window (a colleague's browser tab on the same workspace) makes the programme do what the status quo
  // does: the scenario against its baseline then avoids no quits in any year.
  await page.evaluate(async () => {
    const post = async (operation: string, input: unknown) => {
      const response = await fetch(`api/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    const [project] = (await post('projects.list', {})) as { id: string }[];
    const [model] = (await post('models.list', { projectId: project?.id })) as { id: string }[];
    const scenarios = (await post('scenarios.list', { modelId: model?.id })) as {
      id: string;
      name: string;
    }[];
    const programme = scenarios.find((scenario) => scenario.name === 'Empathy programme');
    await post('scenarios.update', { id: programme?.id, overrides: {} });
  });
  // Coming back to the page: the models run again and the quantities follow.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(quantities.locator('tbody td').first()).toHaveText('0');
  await expect.poll(() => ratioShown(page)).toBeLessThan(before);
  await expect(headline(page)).toContainText('2 of 2 linked quantities follow the Dynamics scenarios');
});

test('value map CSV and analysis JSON exports; the JSON opens again as it was', async ({
  page,
  sampleHost,
}) => {
  await openSampleAnalysis(page, sampleHost);
  await expect(headline(page)).toContainText('2 of 2 linked');
  const exports = page.getByRole('group', { name: 'Export the analysis' });

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Value map CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe(`${SAMPLE_ANALYSIS} value map.csv`);
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header).toMatch(/^Stakeholder,Outcome id,Intended change,Outputs,Outcome,Indicator,Quantity,/);
  expect(header).toContain('Proxy value (USD)');
  expect(header).toContain('Value year 4 (USD)');
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain('staff-retention');
  expect(rows[0]).toContain('Dynamics: Total quits in Empathy reference model');

  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Analysis JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toBe(`${SAMPLE_ANALYSIS}.sroi.json`);
  const jsonPath = await jsonDownload.path();
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
  expect(Object.keys(exported)[0]).toBe('$comment');
  expect(exported['$comment']).toContain('A Guide to Social Return on Investment');
  expect(exported['name']).toBe(SAMPLE_ANALYSIS);

  await page.getByRole('button', { name: '← All analyses' }).click();
  await page.getByTestId('sroi-file').setInputFiles(jsonPath);
  await expect(page.getByRole('heading', { name: `${SAMPLE_ANALYSIS} (2)`, level: 2 })).toBeVisible();
  await expect(headline(page)).toContainText('2 of 2 linked');
  await page.getByRole('button', { name: '← All analyses' }).click();
  await expect(page.locator(`li[data-analysis="${SAMPLE_ANALYSIS} (2)"]`)).toContainText('3 outcomes');

  // A file that is not an analysis is refused whole, naming the outcome and the field.
  const broken = structuredClone(exported) as { outcomes: Record<string, unknown>[] };
  const [first] = broken.outcomes;
  if (first !== undefined) first['deadweight'] = 'a lot';
  await page.getByTestId('sroi-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByRole('alert')).toContainText(
    'The file "broken.json" is not an SROI analysis: outcome "staff-retention" deadweight must be a finite number',
  );
  await expect(page.locator('ul.sroi-list > li')).toHaveCount(2);
});

test('the printable report, on screen, in print and as a PDF, light and dark', async ({
  page,
  sampleHost,
  browser,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSampleAnalysis(page, sampleHost);
  await expect(headline(page)).toContainText('2 of 2 linked');
  await page.getByRole('tab', { name: 'Report' }).click();
  const report = page.getByRole('article', { name: `Report: ${SAMPLE_ANALYSIS}` });
  await expect(report.locator('.report-ratio')).toContainText('of social value for every $1 invested');
  for (const heading of [
    'Value map',
    'Value by stakeholder and year',
    'Value by stakeholder',
    'Assumptions',
    'Sensitivity',
  ])
    await expect(report.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(report.locator('table.switching-values')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sroi-report.png'), fullPage: true });

  // The print stylesheet leaves the report alone on the page; Chromium's PDF is what "Save as PDF" gives.
  // An A4 page is about 794 CSS pixels wide: the charts redraw for it, as they would printed from a window
  // of that size (wider windows' charts are scaled down by their viewBox).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.getByRole('tablist', { name: 'SROI analysis views' })).toBeHidden();
  await expect(report).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sroi-report-print.png'), fullPage: true });
  const pdf = await page.pdf({ path: test.info().outputPath('sroi-report.pdf'), format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  await screenshotsInDarkToo(browser, 'sroi-report', async (dark) => {
    await openSampleAnalysis(dark, sampleHost);
    await dark.getByRole('tab', { name: 'Report' }).click();
    await expect(dark.locator('.report-ratio')).toBeVisible();
    // Printed from the dark theme, the page is still black on white: the print stylesheet sets light colours.
    await dark.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const paper = await dark
      .locator('body')
      .evaluate((body) => [getComputedStyle(body).backgroundColor, getComputedStyle(body).color]);
    expect(paper).toEqual(['rgb(255, 255, 255)', 'rgb(17, 24, 39)']);
    await dark.screenshot({
      path: test.info().outputPath('sroi-report-print-from-dark.png'),
      fullPage: true,
    });
    await dark.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  });
});

test('an empty project: the empty state, a blank analysis built from scratch', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Pilot');
  await dialog.getByRole('button', { name: /Create/ }).click();
  await page.getByRole('link', { name: 'SROI' }).click();
  await expect(page.getByRole('heading', { name: 'No SROI analysis in this project yet' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sroi-empty.png'), fullPage: true });

  await page.getByRole('button', { name: 'New analysis' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled SROI analysis', level: 2 })).toBeVisible();
  await expect(headline(page)).toContainText('1 problem stops the calculation');
  await expect(page.getByRole('textbox', { name: 'Discount rate' })).toHaveValue('3.5');

  // Issue 8, point 6: missing or zero inputs, a negative quantity, a duration under a year, each at its cell.
  const inputs = page.getByRole('region', { name: 'Inputs' });
  await expect(inputs.getByRole('note')).toHaveText(
    'Add at least one input: the SROI ratio divides the value created by their total',
  );
  await page.getByRole('button', { name: 'Add cash input' }).click();
  const inputValue = page.getByRole('textbox', { name: 'Input 1 value' });
  await expect(inputValue).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cell', { has: inputValue }).locator('.cell-issue')).toHaveText(
    'The inputs add up to zero: the SROI ratio needs inputs worth more than zero',
  );
  await inputValue.fill('1,000');
  await expect(inputValue).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add outcome' }).click();
  const row = page.locator('tr[data-outcome="outcome-1"]');
  const quantity = page.getByRole('textbox', { name: 'Quantity of outcome-1' });
  await quantity.fill('-3');
  await expect(row.locator('.cell', { has: quantity }).locator('.cell-issue')).toHaveText(
    'Must not be negative (got -3); a harm is a negative proxyValue',
  );
  const duration = page.getByRole('textbox', { name: 'Duration (years) of outcome-1' });
  await duration.fill('0.5');
  await expect(row.locator('.cell', { has: duration }).locator('.cell-issue')).toContainText(
    'Must be at least 1 and at most',
  );
  await expect(headline(page)).toContainText('2 problems stop the calculation');
  await row.screenshot({ path: test.info().outputPath('sroi-blank-issues.png') });
  await duration.fill('1');
  await quantity.fill('10');
  await page.getByRole('textbox', { name: 'Proxy value of outcome-1' }).fill('250');
  await page.getByRole('textbox', { name: 'Quantity of outcome-1' }).fill('ten');
  await expect(page.locator('tr[data-outcome="outcome-1"] .cell-issue').first()).toContainText(
    '“ten” is not a number; not saved until it is',
  );
  await page.getByRole('textbox', { name: 'Quantity of outcome-1' }).fill('10');
  // 10 × £250 for one year, discounted one year at 3.5%: £2,415.46 against £1,000.
  await expect(headline(page)).toContainText('£2.42 of social value for every £1 invested');
  await page.screenshot({ path: test.info().outputPath('sroi-blank.png'), fullPage: true });
});
