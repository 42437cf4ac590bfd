import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost } from './web-host';

/**
 * What the Present specs share: a web host on the sample project, opening one of its sections, a new story, and
 * the story's live-chart page (the empathy reference model from the Empathy programme scenario, Employee
 * retention, with Leadership commitment as its lever).
 */
export { expect, test };

export const SAMPLE_PROJECT = 'Sample: empathy in a small service business';

export async function openSampleProject(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: `Open ${SAMPLE_PROJECT}` }).click();
}

/** Goes to a section of the open project by the navigation and waits for its heading. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** A new story, named in the editor; its button appears in the list of stories. */
export async function newStory(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByRole('textbox', { name: 'Story name' }).fill(name);
  await page.getByRole('textbox', { name: 'Story name' }).blur();
  await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
}

/** Fills a "Dynamics chart with sliders" page's form: Employee retention, Leadership commitment its lever. */
export async function fillRetentionChart(form: Locator): Promise<void> {
  await form.getByRole('textbox', { name: 'Title' }).fill('Retention follows empathy');
  await form
    .getByRole('combobox', { name: 'Model', exact: true })
    .selectOption({ label: 'Empathy reference model' });
  await form
    .getByRole('combobox', { name: 'Starting scenario' })
    .selectOption({ label: 'Empathy programme' });
  await form.getByRole('listbox', { name: 'Variables on the chart' }).selectOption(['Employee retention']);
  await form.getByRole('listbox', { name: 'Levers (sliders)' }).selectOption(['Leadership commitment']);
}

/** The presentation dialog. */
export const presentation = (page: Page): Locator => page.getByRole('dialog', { name: /^Presenting/ });

/** The page shown in the presentation: the others stay mounted, hidden. */
export const shown = (page: Page): Locator => presentation(page).locator('.presentation-slot:not([hidden])');
