/**
 * Nothing edited is lost when the page goes away, in the browser host (issue 9, point 5). The save request is
 * held with page.route so that "an edit still waiting to be saved" lasts as long as the test needs, whatever the
 * machine's speed: leaving the model saves it at once, and leaving the page while a save is outstanding asks first.
 */
import { resolve } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

const TEACUP = resolve(
  import.meta.dirname,
  '../fixtures/sd-test-models/core-xmile/sample_teacup/teacup_w_diagram.xmile',
);

async function openTeacup(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill('Teacup');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Dynamics' }).click();
  await page.getByTestId('xmile-file').setInputFiles(TEACUP);
  await expect(page.getByRole('group', { name: 'Stock-and-flow diagram' })).toBeVisible();
}

async function editCharacteristicTime(page: Page, value: string): Promise<void> {
  const diagram = page.getByRole('group', { name: 'Stock-and-flow diagram' });
  await diagram.getByRole('button', { name: 'Auxiliary characteristic time' }).click();
  const equation = page.getByRole('region', { name: 'Inspector' }).getByLabel('Equation');
  await equation.fill(value);
  await equation.blur();
}

async function characteristicTime(page: Page): Promise<string> {
  const diagram = page.getByRole('group', { name: 'Stock-and-flow diagram' });
  await diagram.getByRole('button', { name: 'Auxiliary characteristic time' }).click();
  return page.getByRole('region', { name: 'Inspector' }).getByLabel('Equation').inputValue();
}

test('an edit is saved when the model is left before its save was due', async ({ page, host }) => {
  // The page's clock stands still (Playwright's fake timers) from the edit on: the debounced save, due 400 ms
  // after the edit, never comes due, so a save that goes out can only be the one made on leaving the model.
  await page.clock.install();
  await openTeacup(page, host.url);
  await page.clock.pauseAt(new Date('2030-01-01T00:00:00Z'));
  const held: Route[] = [];
  await page.route('**/api/models.save', (route) => {
    held.push(route);
  });
  await editCharacteristicTime(page, '13');
  expect(held).toHaveLength(0);
  await page.getByRole('link', { name: 'Projects' }).click();
  await expect.poll(() => held.length).toBe(1);
  await page.clock.resume();
  expect(held.at(-1)?.request().postDataJSON()).toMatchObject({ xmile: expect.stringContaining('13') });
  for (const route of held.splice(0)) await route.continue();
  await page.unroute('**/api/models.save');

  await page.reload();
  await page.getByRole('link', { name: 'Dynamics' }).click();
  expect(await characteristicTime(page)).toBe('13');
});

test('leaving the page while an edit is being saved asks first, and not once it is saved', async ({
  page,
  host,
}) => {
  await openTeacup(page, host.url);
  const held: Route[] = [];
  await page.route('**/api/models.save', (route) => {
    held.push(route);
  });
  await editCharacteristicTime(page, '14');
  await expect.poll(() => held.length).toBeGreaterThan(0);

  // The browser's own "Leave site?" question; staying keeps the page and the edit.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const question = await asked;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
  expect(page.isClosed()).toBe(false);

  for (const route of held.splice(0)) await route.continue();
  await page.unroute('**/api/models.save');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.reload();
  await page.getByRole('link', { name: 'Dynamics' }).click();
  expect(await characteristicTime(page)).toBe('14');
});
