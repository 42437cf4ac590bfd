import { expect, test, watchOffMachineRequests } from './fixtures';

/**
 * Issue 11, "nothing leaves the machine": through every instrument of the sample project the renderer asks only its
 * own origin (strictly here; the automatic guard in fixtures.ts checks loopback for every other test too), the
 * page's Content Security Policy forbids connections anywhere else, and the host answers on loopback only.
 */
const SAMPLE_PROJECT = 'Sample: empathy in a small service business';
const INSTRUMENTS = ['Dynamics', 'Network', 'Conjoint', 'SROI', 'Measure', 'Present'] as const;

test('the renderer asks nothing but its own origin through every instrument', async ({
  page,
  sampleHost,
}) => {
  const origin = new URL(sampleHost.url).origin;
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(request.url()));
  const offMachine = watchOffMachineRequests(page);

  const response = await page.goto(sampleHost.url);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("default-src 'self'");
  expect(new URL(sampleHost.url).hostname).toBe('127.0.0.1');

  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
  for (const instrument of INSTRUMENTS) {
    await page.getByRole('link', { name: instrument }).click();
    await expect(page.getByRole('heading', { name: instrument, level: 1 })).toBeVisible();
    // Let the instrument's first loads and workers settle before the next one.
    await page.waitForLoadState('networkidle');
    if (instrument === 'Measure')
      for (const tab of ['Scales', 'KPIs', 'Compare']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForLoadState('networkidle');
      }
  }

  const foreign = requested.filter((url) => {
    const { protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return new URL(url).origin !== origin;
  });
  expect(foreign).toEqual([]);
  expect(offMachine).toEqual([]);
  expect(requested.some((url) => url.startsWith(`${origin}/api/`))).toBe(true);
});
