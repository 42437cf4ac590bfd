import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 5, point 2 end to end in Chromium through the web host, on the sample project (the empathy reference
 * model): open the Loops tab, see named loops with their polarity and the dominance chart, select a loop and
 * see it highlighted on the stock-and-flow diagram, open the causal loop diagram, and see the analysis follow
 * a what-if. Screenshots in the light and the dark theme.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';

async function openLoops(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: 'Empathy reference model', level: 2 })).toBeVisible();
  const analysis = page.getByRole('region', { name: 'Analysis' });
  await analysis.getByRole('tab', { name: 'Loops' }).click();
  await expect(analysis.getByRole('list', { name: 'Feedback loops' })).toBeVisible({ timeout: 30_000 });
}

/** The `d` of the dominance chart's first band: changes when the analysis it draws changes. */
const firstBand = (page: Page) =>
  page.locator('.dominance-chart path.dominance-band').first().getAttribute('d');

test('the Loops tab lists named loops with polarity, charts their dominance, highlights one on the diagram and draws it as a causal loop diagram', async ({
  page,
  sampleHost,
}) => {
  await openLoops(page, sampleHost);
  const analysis = page.getByRole('region', { name: 'Analysis' });
  const loops = analysis.getByRole('list', { name: 'Feedback loops' });

  // The empathy model has over 1,000 loops: the strongest-path search ran, and the panel says so.
  await expect(analysis.getByText(/strongest-path search of Eberlein & Schoenberg \(2020\)/)).toBeVisible();

  // Named loops with their polarity: the documented ones carry the model's own names.
  await analysis.getByLabel('Order').selectOption('documented');
  const hiring = loops.getByRole('button', { name: /^B2 Hiring balancing \(−\)/ });
  await expect(hiring).toBeVisible();
  await expect(loops.getByRole('button', { name: /^R2 Word of mouth reinforcing \(\+\)/ })).toBeVisible();

  // The dominance chart: stacked bands, reinforcing above zero and balancing below.
  await expect(page.locator('.dominance-chart path.dominance-band').first()).toBeVisible();
  expect(await page.locator('.dominance-chart path.dominance-band').count()).toBeGreaterThan(3);

  // Selecting B2 highlights its variables on the diagram, and the links between them.
  await hiring.click();
  await expect(hiring).toHaveAttribute('aria-pressed', 'true');
  const diagram = page.getByRole('region', { name: 'Diagram' });
  for (const id of ['hiring', 'rookie_staff', 'total_staff']) {
    await expect(diagram.locator(`g.sd-node.highlighted[data-variable="${id}"]`).first()).toBeVisible();
  }
  await expect(diagram.locator('g.sd-node.highlighted[data-variable="customers"]')).toHaveCount(0);
  expect(await diagram.locator('g.sd-link.highlighted').count()).toBeGreaterThan(0);
  // Its band in the chart is the one drawn selected.
  await expect(page.locator('.dominance-chart path.dominance-band.selected')).toHaveAttribute(
    'data-loop',
    'B2',
  );

  await diagram.scrollIntoViewIfNeeded();
  await diagram.screenshot({ path: test.info().outputPath('loops-diagram-highlighted-light.png') });
  await page.screenshot({ path: test.info().outputPath('loops-highlighted-light.png'), fullPage: true });
  await analysis.screenshot({ path: test.info().outputPath('loops-dominance-light.png') });

  // The causal loop diagram of the selected loop: its variables, + / − marks, and the loop's marker.
  await analysis.getByRole('button', { name: 'Causal loop diagram' }).click();
  const cld = analysis.getByRole('img', { name: /^Causal loop diagram: B2 Hiring, balancing/ });
  await expect(cld).toBeVisible();
  const variables = await page.locator('.cld-node').count();
  expect(variables).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.cld-link')).toHaveCount(variables);
  await expect(page.locator('.cld-marker text').first()).toHaveText('B2');
  expect(await page.locator('.cld-mark').allTextContents()).toContain('−');
  await analysis.screenshot({ path: test.info().outputPath('loops-cld-light.png') });

  // Adding a second loop draws both.
  await loops.getByRole('button', { name: /^R2 Word of mouth/ }).click({ modifiers: ['Control'] });
  await expect(
    analysis.getByRole('img', { name: /^Causal loop diagram: (B2 .*; R2 |R2 .*; B2 )/ }),
  ).toBeVisible();
  await expect(page.locator('.cld-marker')).toHaveCount(2);

  await page.emulateMedia({ colorScheme: 'dark' });
  await analysis.screenshot({ path: test.info().outputPath('loops-cld-dark.png') });
  await analysis.getByRole('button', { name: 'Dominance' }).click();
  await expect(page.locator('.dominance-chart path.dominance-band').first()).toBeVisible();
  await analysis.screenshot({ path: test.info().outputPath('loops-dominance-dark.png') });
  await diagram.screenshot({ path: test.info().outputPath('loops-diagram-highlighted-dark.png') });
});

test('the loop analysis follows the what-if', async ({ page, sampleHost }) => {
  await openLoops(page, sampleHost);
  await expect(page.locator('.dominance-chart path.dominance-band').first()).toBeVisible();
  const before = await firstBand(page);
  const whatIf = page.getByRole('region', { name: 'What if' });
  const hiringPolicy = whatIf.getByRole('slider', { name: 'Hiring policy' });
  await hiringPolicy.focus();
  await page.keyboard.press('End');
  await expect.poll(() => firstBand(page), { timeout: 30_000 }).not.toBe(before);
  await expect(page.getByRole('list', { name: 'Feedback loops' }).getByRole('button').first()).toBeVisible();
});
