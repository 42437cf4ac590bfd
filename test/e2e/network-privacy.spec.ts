import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startWebHost } from './web-host';

/**
 * Issue 11, points 1 to 3 end to end in Chromium through the web host, on a fresh project (the sample's people
 * are fictional and seeded with real names and consent): a network imported with the default "Replace names
 * with pseudonyms" holds no real name; its team of 2 is hidden from the team figures with the note; per-person
 * views are absent until the participants' consent is recorded; a key kept at import can be viewed and deleted,
 * after which adding a wave is refused. Screenshots in light and dark are written to the test's output folder.
 */

const PEOPLE = [
  ['ana', 'Ana Silva', 'Care'],
  ['ben', 'Ben Okoro', 'Care'],
  ['cai', 'Cai Lund', 'Care'],
  ['dan', 'Dan Berg', 'Care'],
  ['eva', 'Eva Noor', 'Care'],
  ['fay', 'Fay Ruiz', 'Sales'],
  ['gus', 'Gus Hale', 'Sales'],
  ['hal', 'Hal Moss', 'Sales'],
  ['ivy', 'Ivy Park', 'Sales'],
  ['jon', 'Jon Reyes', 'Sales'],
  // The team of 2: under the default minimum group size of 5.
  ['kim', 'Kim Osei', 'Audit'],
  ['lou', 'Lou Varga', 'Audit'],
] as const;

/** Ties "giver, receiver, weight" in two waves; every team has ties inside it and across. */
const TIES: readonly (readonly [string, string, number])[] = [
  ['ana', 'ben', 3],
  ['ben', 'ana', 2],
  ['cai', 'dan', 2],
  ['dan', 'eva', 1],
  ['eva', 'ana', 2],
  ['fay', 'gus', 2],
  ['gus', 'hal', 1],
  ['hal', 'ivy', 3],
  ['ivy', 'jon', 1],
  ['jon', 'fay', 2],
  ['kim', 'lou', 2],
  ['lou', 'kim', 1],
  ['kim', 'ana', 1],
  ['fay', 'ana', 1],
];

function writeFiles(folder: string) {
  const path = (name: string) => join(folder, name);
  writeFileSync(
    path('people.csv'),
    ['id,name,team', ...PEOPLE.map((person) => person.join(',')), ''].join('\n'),
  );
  const rows = [
    ...TIES.map(([from, to, weight]) => `${from},${to},${weight},before`),
    // The second wave: the same ties, a few of them returned.
    ...TIES.map(([from, to, weight]) => `${from},${to},${weight},after`),
    'dan,cai,2,after',
    'gus,fay,1,after',
    'lou,ana,1,after',
  ];
  writeFileSync(path('ties.csv'), ['source,target,weight,wave', ...rows, ''].join('\n'));
  writeFileSync(path('wave-3.csv'), 'source,target,weight\nana,ben,1\nben,cai,2\n');
  return { people: path('people.csv'), ties: path('ties.csv'), third: path('wave-3.csv') };
}

async function importNetwork(
  page: Page,
  files: ReturnType<typeof writeFiles>,
  name: string,
  keepKey: boolean,
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import a network' });
  await dialog.getByTestId('network-edges-file').setInputFiles(files.ties);
  await dialog.getByTestId('network-nodes-file').setInputFiles(files.people);
  await dialog.getByLabel('Network name').fill(name);
  // The defaults of issue 11: pseudonyms on, the key not kept.
  const pseudonyms = dialog.getByLabel('Replace names with pseudonyms');
  const key = dialog.getByLabel(/^Keep the key in this workspace/);
  await expect(pseudonyms).toBeChecked();
  await expect(key).not.toBeChecked();
  await expect(dialog.getByTestId('preview-pseudonym-note')).toContainText(
    'the saved network will hold pseudonyms',
  );
  if (keepKey) await key.check();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test('people data: pseudonyms by default, small teams hidden, per-person views only with consent, a kept key deleted', async ({
  page,
  host,
}) => {
  test.slow();
  const files = writeFiles(test.info().outputPath());
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create your first project' }).click();
  const newProject = page.getByRole('dialog', { name: 'New project' });
  await newProject.getByLabel('Name').fill('Support survey');
  await newProject.getByRole('button', { name: 'Create project' }).click();
  await expect(newProject).toBeHidden();
  await page.getByRole('link', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Import a network' }).click();
  await shot('privacy-import-dialog.png');
  await importNetwork(page, files, 'Support', false);

  // The saved network holds pseudonyms: no real name or id anywhere in the page, and the export says so.
  await expect(page.getByTestId('export-names')).toHaveText('Files hold pseudonyms');
  const noRealName = async () => {
    const text = await page.locator('body').innerText();
    for (const [, name] of PEOPLE) expect(text).not.toContain(name);
  };
  await noRealName();

  // Graph tab, without consent: no person search, findings in roles and patterns, the small-team note.
  const insights = page.getByRole('region', { name: 'What the ties show' });
  await expect(insights).toBeVisible();
  await expect(page.getByTestId('no-person-search')).toBeVisible();
  await expect(page.getByLabel('Find a person')).toHaveCount(0);
  await expect(insights.getByTestId('small-teams-hidden')).toHaveText(
    '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
  );
  await expect(insights).not.toContainText('P-');
  await noRealName();
  await shot('privacy-graph-no-consent.png');

  // Compare waves: Audit (2 people) hidden with the note; no per-person table, a sentence instead.
  await page.getByRole('tab', { name: 'Compare waves' }).click();
  const teams = page.getByRole('table', { name: 'Team figures' });
  await expect(teams.getByRole('rowheader')).toHaveText(['Care', 'Sales']);
  await expect(page.getByTestId('hidden-teams-note')).toHaveText(
    '1 team with fewer than 5 people is hidden, so no one in it can be singled out.',
  );
  await expect(page.getByRole('table', { name: 'Change per person' })).toHaveCount(0);
  await expect(page.getByTestId('no-individual-views')).toContainText(
    'Participants agreed to individual views',
  );
  await noRealName();
  await shot('privacy-compare-no-consent.png');

  // People data: pseudonyms, no key; a minimum group size under 3 is refused with the reason.
  await page.getByRole('tab', { name: 'People data' }).click();
  await expect(page.getByTestId('privacy-names')).toContainText('Pseudonyms.');
  await expect(page.getByTestId('key-status')).toContainText('No key is kept');
  // The secret behind the pseudonyms is kept for later waves, and can be forgotten (not here: a wave follows).
  await expect(page.getByRole('button', { name: 'Forget the secret' })).toBeVisible();
  const size = page.getByLabel('Minimum group size');
  await size.fill('2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 3 people');
  await size.fill('6');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('(now 6; at least 3)')).toBeVisible();
  // Consent recorded: the per-person table appears, with pseudonyms.
  // Saved first, then shown ticked (the box follows the saved setting), so a click rather than check().
  const consent = page.getByLabel('Participants agreed to individual views');
  await consent.click();
  await expect(consent).toBeChecked();
  await expect(page.getByText('Per-person figures are shown')).toBeVisible();
  await page.getByRole('tab', { name: 'Compare waves' }).click();
  const people = page.getByRole('table', { name: 'Change per person' });
  await expect(people).toBeVisible();
  await expect(people.getByRole('row').nth(1)).toContainText('P-');
  // Sales and Care have 5 people each, under the new threshold of 6: both hidden now, Audit too.
  await expect(page.getByTestId('hidden-teams-note')).toHaveText(
    '3 teams with fewer than 6 people are hidden, so no one in them can be singled out.',
  );
  await expect(page.getByTestId('no-individual-views')).toHaveCount(0);
  await noRealName();
  await shot('privacy-compare-consent.png');
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByLabel('Find a person')).toBeVisible();
  await expect(page.getByTestId('no-person-search')).toHaveCount(0);

  // A wave added without a people file: read alone, pseudonymized, and given the people of the last wave.
  await page.getByRole('button', { name: 'Add a wave…' }).click();
  const third = page.getByRole('dialog', { name: 'Add a wave to “Support”' });
  await expect(third.getByTestId('wave-pseudonyms')).toContainText('holds pseudonyms');
  await third.getByTestId('network-edges-file').setInputFiles(files.third);
  await expect(third.getByRole('table', { name: 'What the files hold' })).toContainText(
    'the people of wave “after” stand in',
  );
  await third.getByRole('button', { name: 'Add the wave' }).click();
  await expect(third).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Wave' }).locator('option')).toHaveCount(3);
  await expect(page.getByRole('combobox', { name: 'Wave' })).toContainText('12 people, 2 ties');
  await noRealName();

  // A second network with its key kept: viewed, searched, deleted; adding a wave is then refused.
  await page.getByRole('button', { name: 'Import network…' }).click();
  await importNetwork(page, files, 'Keyed', true);
  await page.getByRole('tab', { name: 'People data' }).click();
  await expect(page.getByTestId('key-status')).toContainText('is kept in this workspace');
  await page.getByRole('button', { name: 'Show the key' }).click();
  const key = page.getByRole('table', { name: 'Pseudonym key' });
  await expect(key.getByRole('row')).toHaveCount(PEOPLE.length + 1);
  await page.getByLabel('Find a person').fill('Kim');
  await expect(key.getByRole('row')).toHaveCount(2);
  await expect(key.getByRole('row').nth(1)).toContainText(/P-\S+\s*kim\s*Kim Osei/);
  await shot('privacy-key-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('privacy-key-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Delete key' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the pseudonym key?' });
  await expect(confirm).toContainText('Later waves can then no longer be matched');
  await confirm.getByRole('button', { name: 'Delete key' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('key-status')).toContainText('No key is kept');
  await expect(page.getByRole('table', { name: 'Pseudonym key' })).toHaveCount(0);
  // Deleting the key took the secret with it: nothing left to forget.
  await expect(page.getByRole('button', { name: 'Forget the secret' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Add a wave…' }).click();
  const addWave = page.getByRole('dialog', { name: 'Add a wave to “Keyed”' });
  await expect(addWave.getByTestId('wave-pseudonyms')).toContainText('holds pseudonyms');
  await addWave.getByTestId('network-edges-file').setInputFiles(files.third);
  await addWave.getByTestId('network-nodes-file').setInputFiles(files.people);
  await addWave.getByRole('button', { name: 'Add the wave' }).click();
  await expect(addWave).toContainText('pseudonym key was deleted');
  await expect(addWave).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('privacy-wave-refused-dark.png');
  await addWave.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Compare waves' }).click();
  await expect(page.getByTestId('hidden-teams-note')).toBeVisible();
  await shot('privacy-compare-dark.png');
});

test('the sample organization: real names of fictional people, said on the People data tab and the export', async ({
  page,
  dataDir,
}) => {
  const host = await startWebHost(dataDir, { samples: true });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open Sample: empathy in a small service business' }).click();
    await page.getByRole('link', { name: 'Network' }).click();
    await page.getByRole('tab', { name: 'People data' }).click();
    await expect(page.getByTestId('privacy-names')).toContainText('Real names.');
    await expect(page.getByLabel('Participants agreed to individual views')).toBeChecked();
    await expect(page.getByTestId('export-names')).toHaveText('Files hold real names');
    await expect(page.getByText(/people of this sample organization are fictional/)).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('privacy-sample.png'), fullPage: true });
  } finally {
    await host.stop();
  }
});
