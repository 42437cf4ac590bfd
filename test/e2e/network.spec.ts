import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * Issue 6, point 4 end to end in Chromium through the web host: the sample organization's Graph tab (nodes
 * drawn, coloured by team and sized by betweenness, a person found by search with their ego panel, a team
 * filter, PNG and SVG exports) and the findings that tell its story (the burnt-out broker, the siloed Finance
 * team). Screenshots in light and dark are written to the test's output folder.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const SAMPLE_NETWORK = 'Example organization: support ties';

async function openSampleNetwork(page: Page, host: RunningHost, wave: 'before' | 'after'): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  await page.getByRole('link', { name: 'Network' }).click();
  await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: SAMPLE_NETWORK, level: 2 })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Wave', exact: true });
  const option = picker.locator('option', { hasText: new RegExp(`^${wave} `) });
  await picker.selectOption((await option.getAttribute('value')) ?? '');
  // Drawn: the canvas reports what it shows once the layout is in and the figures are computed.
  await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-visible-nodes', '100');
  await expect(page.getByRole('heading', { name: 'What the ties show' })).toBeVisible();
}

test('the sample organization: graph, search and ego panel, team filter, exports, and its story', async ({
  page,
  sampleHost,
}) => {
  await openSampleNetwork(page, sampleHost, 'before');
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Colour by')).toHaveValue('team');
  await expect(page.getByLabel('Size by')).toHaveValue('betweennessWeighted');
  const legend = page.locator('.network-legend');
  for (const team of ['Customer Care', 'Sales', 'Engineering', 'Operations', 'Finance', 'People & Culture'])
    await expect(legend.getByText(team, { exact: true })).toBeVisible();
  await expect(legend).toContainText('Size: Betweenness (by strength)');

  // The story in plain words: Maya brokers between every team; Finance keeps its ties inside.
  const findings = page.locator('.network-insights');
  await expect(findings.locator('[data-kind="broker"]').first()).toContainText('Maya Okafor connects');
  await expect(findings.locator('[data-kind="silo"]')).toContainText('Finance works as a silo');
  await expect(findings).not.toContainText(/low empathy|unempathetic|poor performer/i);
  await page.screenshot({ path: test.info().outputPath('network-before-light.png'), fullPage: true });

  // Choosing the silo finding marks the team on the graph.
  await findings.locator('[data-kind="silo"]').click();
  await expect(findings.locator('[data-kind="silo"]')).toHaveAttribute('aria-pressed', 'true');

  // "/" focuses the search; the person's panel gives their numbers, first in betweenness by strength.
  await page.locator('body').press('/');
  await expect(page.getByPlaceholder(/Find a person/)).toBeFocused();
  await page.keyboard.type('Maya Okafor');
  await page.keyboard.press('Enter');
  const panel = page.locator('.person-panel');
  await expect(panel.getByRole('heading', { name: 'Maya Okafor' })).toBeVisible();
  await expect(panel).toContainText('Customer Care');
  const betweenness = panel.locator('tr[data-metric="betweennessWeighted"]');
  await expect(betweenness).toContainText('#1');
  // README of sample-data/network: 0.86 before the programme.
  const value = Number((await betweenness.locator('td').first().innerText()).replace('−', '-'));
  expect(value).toBeGreaterThan(0.8);
  await page.screenshot({ path: test.info().outputPath('network-ego-maya.png'), fullPage: true });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Only Finance: its 10 people and the ties among them.
  for (const team of ['Customer Care', 'Sales', 'Engineering', 'Operations', 'People & Culture'])
    await page.locator('.team-filter').getByLabel(team, { exact: true }).uncheck();
  await expect(page.getByTestId('network-canvas')).toHaveAttribute('data-visible-nodes', '10');
  await expect(page.getByTestId('graph-counts')).toContainText('10 of 100 people');
  await page.screenshot({ path: test.info().outputPath('network-finance-only.png'), fullPage: true });

  // SVG export: a valid file with one circle per person shown, and arrowheads on the directed ties.
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe('Example organization_ support ties - before.svg');
  const svg = readFileSync((await svgFile.path()) ?? '', 'utf8');
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg.match(/<circle /g)).toHaveLength(10);
  expect(svg).toContain('Priya Yilmaz');
  expect(svg).toContain('<polygon ');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync((await (await pngDownload).path()) ?? '');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('after the programme, in the dark: the broker relieved, figures by colour', async ({
  browser,
  sampleHost,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openSampleNetwork(page, sampleHost, 'after');
  await page.getByLabel('Colour by').selectOption('inStrength');
  await expect(page.locator('.network-legend')).toContainText('Colour: Support received (strength)');
  await page.screenshot({ path: test.info().outputPath('network-after-dark.png'), fullPage: true });
  await page.getByLabel('Colour by').selectOption('team');
  await page.getByPlaceholder(/Find a person/).fill('p001');
  await page.getByPlaceholder(/Find a person/).press('Enter');
  const panel = page.locator('.person-panel');
  await expect(panel.getByRole('heading', { name: 'Maya Okafor' })).toBeVisible();
  // README: 0.03 after the hand-over.
  const value = Number(
    (await panel.locator('tr[data-metric="betweennessWeighted"] td').first().innerText()).replace('−', '-'),
  );
  expect(value).toBeLessThan(0.1);
  await page.screenshot({ path: test.info().outputPath('network-ego-dark.png'), fullPage: true });
  await context.close();
});
