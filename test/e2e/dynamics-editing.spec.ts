/**
 * Editing a model through the Dynamics view in Chromium: the diagram drawn from the XMILE view, selecting
 * and editing an equation (saved, errors shown as typed, undone with Ctrl+Z), renaming with references
 * following, adding and deleting a variable, and the automatic layout of a file without a view.
 * Screenshots are kept in the test's output folder.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startWebHost } from './web-host';

const SAMPLE_TEACUP = resolve(import.meta.dirname, '../fixtures/sd-test-models/core-xmile/sample_teacup');
const TEACUP_WITH_DIAGRAM = resolve(SAMPLE_TEACUP, 'teacup_w_diagram.xmile');
const TEACUP_WITHOUT_VIEW = resolve(SAMPLE_TEACUP, 'teacup.xmile');
const ZEROLED_WITHOUT_VIEW = resolve(
  import.meta.dirname,
  '../fixtures/sd-test-models/core-xmile/zeroled_decimals/test_zeroled_decimals.xmile',
);

async function openProjectWithModel(page: Page, url: string, file: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill('Teacup');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Dynamics' }).click();
  await page.getByTestId('xmile-file').setInputFiles(file);
  await expect(page.getByRole('group', { name: 'Stock-and-flow diagram' })).toBeVisible();
}

const diagram = (page: Page) => page.getByRole('group', { name: 'Stock-and-flow diagram' });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const saved = (page: Page) => expect(page.locator('.save-state')).toHaveText('Saved');

test('the diagram and the inspector edit the teacup model', async ({ page, host }) => {
  await openProjectWithModel(page, host.url, TEACUP_WITH_DIAGRAM);

  // The diagram: one stock, one flow (with its pipe and cloud), two auxiliaries, three links.
  await expect(diagram(page).locator('.sd-node.sd-stock')).toHaveCount(1);
  await expect(diagram(page).locator('.sd-node.sd-flow')).toHaveCount(1);
  await expect(diagram(page).locator('.sd-node.sd-aux')).toHaveCount(2);
  await expect(diagram(page).locator('.sd-pipe .sd-cloud')).toHaveCount(1);
  await expect(diagram(page).locator('.sd-link')).toHaveCount(3);
  await expect(inspector(page)).toContainText('Stocks');
  await page.screenshot({ path: test.info().outputPath('diagram.png'), fullPage: true });

  // Select Characteristic Time and change its equation; it is saved.
  await diagram(page).getByRole('button', { name: 'Auxiliary characteristic time' }).click();
  const equation = inspector(page).getByLabel('Equation');
  await expect(equation).toHaveValue('10');
  await equation.fill('12');
  await equation.blur();
  await saved(page);
  await page.reload();
  await diagram(page).getByRole('button', { name: 'Auxiliary characteristic time' }).click();
  await expect(inspector(page).getByLabel('Equation')).toHaveValue('12');
  await page.screenshot({ path: test.info().outputPath('inspector-selected.png'), fullPage: true });

  // A broken equation shows the error and where it is, as it is typed.
  await inspector(page).getByLabel('Equation').fill('12 *');
  const problem = inspector(page).getByRole('alert');
  await expect(problem).toContainText('At column 5');
  await expect(problem).toContainText('expected a number, a name or "("');
  await expect(
    diagram(page).getByRole('button', { name: /characteristic time \(has an error\)/ }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('equation-error.png'), fullPage: true });
  await inspector(page).getByLabel('Equation').blur();

  // Ctrl+Z undoes the whole edit: the equation as it was before typing.
  await page.keyboard.press('Control+z');
  await expect(inspector(page).getByLabel('Equation')).toHaveValue('12');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(inspector(page).getByLabel('Equation')).toHaveValue('12 *');
  await page.keyboard.press('Control+z');
  await expect(inspector(page).getByLabel('Equation')).toHaveValue('12');

  // Rename Room Temperature: the flow's equation follows; a clash is refused with the reason.
  await diagram(page).getByRole('button', { name: 'Auxiliary room temperature' }).click();
  const name = inspector(page).getByLabel('Name');
  await name.fill('Teacup Temperature');
  await name.press('Enter');
  await expect(inspector(page).getByRole('alert')).toContainText('already the name of the stock');
  await name.fill('Ambient Temperature');
  await name.press('Enter');
  await expect(diagram(page).getByRole('button', { name: 'Auxiliary Ambient Temperature' })).toBeVisible();
  await diagram(page).getByRole('button', { name: 'Flow heat loss to room' }).click();
  await expect(inspector(page).getByLabel('Equation')).toHaveValue(
    '(teacup_temperature-Ambient_Temperature)/characteristic_time',
  );
  await saved(page);
  await page.screenshot({ path: test.info().outputPath('renamed.png'), fullPage: true });

  // Add a stock from the menu: it is placed in view and selected; then delete it after confirming.
  await page.getByRole('button', { name: 'Add ▾' }).click();
  await page.getByRole('menuitem', { name: 'Stock' }).click();
  await expect(diagram(page).locator('.sd-node.sd-stock')).toHaveCount(2);
  await expect(diagram(page).locator('.sd-link')).toHaveCount(3);
  await expect(inspector(page).getByLabel('Name')).toHaveValue('New stock');
  await expect(diagram(page).getByRole('button', { name: 'Stock New stock' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: test.info().outputPath('added-stock.png'), fullPage: true });
  await inspector(page).getByRole('button', { name: 'Delete variable…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete variable?' });
  await expect(confirm).toContainText('“New stock” will be deleted');
  await confirm.getByRole('button', { name: 'Delete variable' }).click();
  await expect(diagram(page).locator('.sd-node.sd-stock')).toHaveCount(1);
  await expect(inspector(page).getByRole('heading', { name: 'Model' })).toBeVisible();
  await saved(page);
});

test('a stock dragged in the diagram moves in one undo step, and the keyboard reaches every variable', async ({
  page,
  host,
}) => {
  await openProjectWithModel(page, host.url, TEACUP_WITH_DIAGRAM);
  const stock = diagram(page).getByRole('button', { name: 'Stock teacup temperature' });
  const box = await stock.locator('.sd-stock-box').boundingBox();
  if (box === null) throw new Error('the stock is not drawn');
  const before = await diagram(page).locator('.sd-pipe').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(box.x + box.width / 2 - step * 8, box.y + box.height / 2 + step * 4);
  }
  await page.mouse.up();
  // The pipe to the cloud moves with its stock.
  const after = await diagram(page).locator('.sd-pipe').boundingBox();
  expect((after?.y ?? 0) - (before?.y ?? 0)).toBeGreaterThan(30);
  expect((after?.x ?? 0) - (before?.x ?? 0)).toBeLessThan(-60);
  await saved(page);
  await page.screenshot({ path: test.info().outputPath('dragged.png'), fullPage: true });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await diagram(page).locator('.sd-pipe').boundingBox())?.y)
    .toBeCloseTo(before?.y ?? 0, 0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Keyboard: Tab to a variable, Enter selects it; Delete asks first.
  await stock.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByLabel('Name')).not.toHaveValue('');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete variable?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Delete variable?' })).toBeHidden();
});

test('a new flow is connected to the stock it fills from the inspector', async ({ page, host }) => {
  await openProjectWithModel(page, host.url, TEACUP_WITH_DIAGRAM);
  await page.getByRole('button', { name: 'Add ▾' }).click();
  await page.getByRole('menuitem', { name: 'Flow' }).click();
  await expect(inspector(page).getByLabel('Name')).toHaveValue('New flow');
  await expect(diagram(page).locator('.sd-pipe .sd-cloud')).toHaveCount(3);
  await inspector(page).getByLabel('Fills').selectOption({ label: 'teacup temperature' });
  await expect(diagram(page).locator('.sd-pipe .sd-cloud')).toHaveCount(2);
  await inspector(page).getByLabel('Equation').fill('heat_loss_to_room / 2');
  await inspector(page).getByLabel('Equation').blur();
  await expect(diagram(page).locator('.sd-link')).toHaveCount(4);
  await saved(page);
  await page.getByRole('button', { name: 'Fit' }).click();
  await page.screenshot({ path: test.info().outputPath('connected-flow.png'), fullPage: true });
  await diagram(page).getByRole('button', { name: 'Stock teacup temperature' }).click();
  await expect(inspector(page)).toContainText('New flow');
});

test('a model without a view gets a readable automatic layout', async ({ page, host }) => {
  await openProjectWithModel(page, host.url, TEACUP_WITHOUT_VIEW);
  await expect(diagram(page).locator('.sd-node')).toHaveCount(4);
  await expect(page.getByText('Laid out automatically')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('automatic-layout.png'), fullPage: true });
  await diagram(page).screenshot({ path: test.info().outputPath('automatic-layout-diagram.png') });

  // The dark theme, with a variable selected.
  await page.emulateMedia({ colorScheme: 'dark' });
  await diagram(page).getByRole('button', { name: 'Flow Heat Loss to Room' }).click();
  await page.screenshot({ path: test.info().outputPath('automatic-layout-dark.png'), fullPage: true });

  // A larger model without a view: six stocks in chains, ten auxiliaries.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('xmile-file').setInputFiles(ZEROLED_WITHOUT_VIEW);
  await expect(diagram(page).locator('.sd-node.sd-stock')).toHaveCount(6);
  await diagram(page).screenshot({ path: test.info().outputPath('automatic-layout-larger.png') });
});

test('the sample empathy model shows its groups, ghosts and links', async ({ page, dataDir }) => {
  const host = await startWebHost(dataDir, { samples: true });
  try {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(host.url);
    await page.getByRole('button', { name: /^Open Sample/ }).click();
    await expect(diagram(page)).toBeVisible();
    await expect(diagram(page).locator('.sd-group')).toHaveCount(7);
    await expect(diagram(page).locator('.sd-node.sd-stock:not(.sd-alias)')).toHaveCount(14);
    await expect(diagram(page).locator('.sd-node.sd-alias').first()).toBeVisible();
    await diagram(page).getByRole('button', { name: 'Stock Perceived Care' }).click();
    await expect(inspector(page).getByLabel('Name')).toHaveValue('Perceived Care');
    await page.screenshot({ path: test.info().outputPath('sample-model.png'), fullPage: true });
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await diagram(page).screenshot({ path: test.info().outputPath('sample-model-zoomed.png') });

    // A graphical function shows its points.
    await inspector(page).getByRole('button', { name: 'Effect of perceived care on churn' }).click();
    await expect(inspector(page).getByRole('table')).toBeVisible();
    await expect(diagram(page).locator('.sd-node.selected .sd-graphical-mark')).toHaveCount(1);
    await inspector(page).screenshot({ path: test.info().outputPath('graphical-function.png') });
  } finally {
    await host.stop();
  }
});
