import { readFileSync } from 'node:fs';
import { generateSampleOrganization, sampleNetworkFiles } from '../sample-data/network-sample';
import { expect, test as base } from './fixtures';
import { callHost, startWebHost, type RunningHost } from './web-host';

/**
 * A network of over 500 people (issue 6, point 4): its ties are drawn by the tie layer's worker behind
 * cytoscape (renderer/src/network/graph/edge-layer.ts), and cytoscape holds and paints only the ties it must:
 * none at rest, a person's own ties once they are chosen, all of them for a PNG export. The organization is the
 * sample's seeded generator at six times its size; a person's ties are counted in the test from the CSV.
 */
const test = base.extend<{ host: RunningHost }>({
  host: async ({ dataDir }, use) => {
    const host = await startWebHost(dataDir, { samples: false });
    await use(host);
    await host.stop();
  },
});

test('600 people: ties drawn by the layer, a chosen person’s own ties painted over it, PNG whole', async ({
  page,
  host,
}) => {
  test.slow();
  const files = sampleNetworkFiles(generateSampleOrganization(undefined, 6));
  const edges = files['edges-after.csv'] ?? '';
  const people = (files['nodes.csv'] ?? '').trim().split('\n').length - 1;
  expect(people).toBeGreaterThan(500);
  // p001's ties, either way, counted from the file.
  const own = edges
    .trim()
    .split('\n')
    .slice(1)
    .filter((line) => {
      const [source, target] = line.split(',');
      return source === 'p001' || target === 'p001';
    }).length;
  expect(own).toBeGreaterThan(0);

  const project = await callHost<{ id: string }>(host, 'projects.create', { name: 'Large organization' });
  await callHost(host, 'network.import', {
    projectId: project.id,
    name: 'Organization of 600',
    format: 'csv',
    edges: { fileName: 'edges-after.csv', text: edges },
    nodes: { fileName: 'nodes.csv', text: files['nodes.csv'] ?? '' },
    wave: 'after',
    individualConsent: true,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open Large organization' }).click();
  await page.getByRole('link', { name: 'Network' }).click();

  const canvas = page.getByTestId('network-canvas');
  await expect(canvas).toHaveAttribute('data-visible-nodes', String(people), { timeout: 120_000 });
  // The people arrive in chunks across frames (graph/in-frames.ts); the progress line goes once all are in.
  await expect(canvas).toHaveAttribute('data-drawn', 'all');
  await expect(page.getByText(/^Drawing [\d,]+ of [\d,]+ people…$/)).toHaveCount(0);
  // Its picture waits until every person is in: Export PNG is offered again.
  await expect(page.getByRole('button', { name: 'Export PNG' })).toBeEnabled();
  await expect(canvas).toHaveAttribute('data-renderer', 'canvas');
  await expect(canvas).toHaveAttribute('data-tie-layer', 'on');
  await expect(canvas).toHaveAttribute('data-painted-ties', '0');
  await expect(canvas.locator('canvas.network-edge-layer')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('network-large.png') });

  await page.getByPlaceholder(/Find a person/).fill('p001');
  await page.getByPlaceholder(/Find a person/).press('Enter');
  await expect(page.locator('.person-panel')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-painted-ties', String(own));
  await page.screenshot({ path: test.info().outputPath('network-large-ego.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync((await (await download).path()) ?? '');
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // The export's extra ties are gone again: the chosen person's remain.
  await expect(canvas).toHaveAttribute('data-painted-ties', String(own));
});
