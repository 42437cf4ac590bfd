/**
 * A model the OS opened, as the page sees it (issue 9, point 4). The Electron binary cannot run here, so the
 * preload's bridge is stood in for by a script that forwards every operation to the web host over HTTP (what
 * api.ts does without a bridge) and lets the test fire `onOpenModel` as the main process would after importing a
 * file (electron/main/open-files.ts, tested with Electron mocked). What this checks is the page: it reports its
 * open project once the list has loaded, and shows an opened model (its project open, the model chosen,
 * Dynamics in front), also when that project is already open.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TEACUP = resolve(import.meta.dirname, '../fixtures/sd-test-models/core-xmile/sample_teacup');

interface StandIn {
  reported: (string | null)[];
  open: (opened: { projectId: string; modelId: string }) => void;
}
declare global {
  interface Window {
    readonly standIn?: StandIn;
  }
}

/** Installed before the page's scripts run: `window.workbench` as the preload would expose it. */
function installBridge(): void {
  const listeners = new Set<(opened: { projectId: string; modelId: string }) => void>();
  const standIn: StandIn = {
    reported: [],
    open: (opened) => {
      for (const listener of listeners) listener(opened);
    },
  };
  const own: Record<string, unknown> = {
    host: 'electron',
    onMenuCommand: () => () => undefined,
    onPrepareClose: () => () => undefined,
    onOpenModel: (listener: (opened: { projectId: string; modelId: string }) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportProject: (projectId: string | null) => {
      standIn.reported.push(projectId);
    },
  };
  const bridge = new Proxy(own, {
    get: (target, key) =>
      typeof key === 'string' && key in target
        ? target[key]
        : async (input: unknown) => {
            const response = await fetch(`api/${String(key)}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(input ?? {}),
            });
            return (await response.json()) as unknown;
          },
  });
  Object.assign(window, { workbench: bridge, standIn });
}

/** What the main process does before it tells the page: import the file through the API. */
async function importAsMainWould(page: Page, projectId: string, file: string, fileName: string) {
  return page.evaluate(
    async ([projectId, xmile, fileName]) => {
      const response = await fetch('api/models.import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ projectId, xmile, fileName }),
      });
      const result = (await response.json()) as { ok: boolean; value: { id: string } };
      return result.value.id;
    },
    [projectId, readFileSync(file, 'utf8'), fileName] as const,
  );
}

const reported = (page: Page) => page.evaluate(() => window.standIn?.reported ?? []);

test('a model opened from the OS is shown in Dynamics, in its project, chosen', async ({ page, host }) => {
  await page.addInitScript(installBridge);
  await page.goto(host.url);
  await expect(page.getByText('No project open')).toBeVisible();
  await expect.poll(() => reported(page)).toEqual([null]);

  const projectId = await page.evaluate(async () => {
    const response = await fetch('api/projects.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'teacup_w_diagram' }),
    });
    return ((await response.json()) as { value: { id: string } }).value.id;
  });
  const first = await importAsMainWould(
    page,
    projectId,
    resolve(TEACUP, 'teacup_w_diagram.xmile'),
    'teacup_w_diagram.xmile',
  );
  await page.evaluate((opened) => window.standIn?.open(opened), { projectId, modelId: first });

  await expect(page.getByRole('heading', { name: 'Dynamics' })).toBeVisible();
  await expect(page).toHaveURL(/#\/dynamics$/);
  await expect(page.locator('.current-project strong')).toHaveText('teacup_w_diagram');
  await expect(page.getByRole('group', { name: 'Stock-and-flow diagram' })).toBeVisible();
  await expect.poll(() => reported(page)).toEqual([null, projectId]);

  // A second file into the project already open: the view is rebuilt and shows the new model.
  const second = await importAsMainWould(page, projectId, resolve(TEACUP, 'teacup.xmile'), 'teacup.xmile');
  await page.evaluate((opened) => window.standIn?.open(opened), { projectId, modelId: second });
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue(second);
  await expect(page.getByRole('combobox', { name: 'Model', exact: true }).locator('option')).toHaveText([
    'teacup',
    'teacup_w_diagram',
  ]);
});
