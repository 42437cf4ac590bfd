import { expect, test } from './fixtures';
import { startWebHost } from './web-host';

test('an empty workspace says what to do first', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Start with a project' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create your first project' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('empty-state.png'), fullPage: true });
});

test('a created project survives a page reload and a restart of the host', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill('Customer care 2027');
  await dialog.getByLabel(/Description/).fill('Does a care programme pay for itself?');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Projects' }).click();
  await expect(page.getByRole('heading', { name: 'Customer care 2027' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customer care 2027' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('project-list.png'), fullPage: true });

  await host.stop();
  const restarted = await startWebHost(dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByRole('heading', { name: 'Customer care 2027' })).toBeVisible();
    await expect(page.getByText('Does a care programme pay for itself?')).toBeVisible();
  } finally {
    await restarted.stop();
  }
});

test('a project can be opened, renamed, and deleted after confirmation', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  await page.getByRole('dialog', { name: 'New project' }).getByLabel('Name').fill('Pilot');
  await page.getByRole('button', { name: 'Create project' }).click();

  await page.getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Open Pilot' }).click();
  await expect(page.getByRole('heading', { name: 'Dynamics', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByText('Pilot')).toBeVisible();

  await page.getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Rename Pilot' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename project' });
  await rename.getByLabel('Name').fill('Pilot study');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'Pilot study' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Pilot study' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete project?' });
  await expect(confirm).toContainText('will be deleted');
  await page.screenshot({ path: test.info().outputPath('delete-confirmation.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Pilot study' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Pilot study' }).click();
  await confirm.getByRole('button', { name: 'Delete project' }).click();
  await expect(page.getByRole('heading', { name: 'Start with a project' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Start with a project' })).toBeVisible();
});

test('a duplicate name is refused with a message naming the clash', async ({ page, host }) => {
  await page.goto(host.url);
  for (const name of ['Alpha', 'alpha']) {
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.keyboard.press('Alt+N');
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Name').press('Enter');
    if (name === 'Alpha') await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('dialog', { name: 'New project' }).getByRole('alert')).toContainText(/Alpha/);
});

test('the workbench is usable from the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await page.keyboard.press('Alt+N');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Keyboard project');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Keyboard project' })).toBeVisible();

  // Tab order reaches the project's buttons.
  const reached: string[] = [];
  for (let step = 0; step < 15; step += 1) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      ),
    );
  }
  expect(reached).toContain('Open Keyboard project');
  expect(reached).toContain('Delete Keyboard project');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // Every view's keys, grouped by where they work.
  for (const where of ['Everywhere', 'Editing a model or an SROI analysis', 'Presenting a story'])
    await expect(sheet.getByRole('region', { name: where })).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Presenting a story' })).toContainText('Reset the page');
  await page.screenshot({ path: test.info().outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('the window follows the dark colour scheme', async ({ browser, host }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Start with a project' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(18, 21, 27)');
  await page.screenshot({ path: test.info().outputPath('dark.png'), fullPage: true });
  await context.close();
});
