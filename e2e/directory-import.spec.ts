import fs from 'node:fs';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { type Recipient, createMailbox, emailTab, getRecipient, unique } from './fixtures';

// The demo organization seeded by scripts/prepare-db.mjs.
const SITE = 'REDMOND';
const IMPORT = `/sites/${SITE}/directory-import`;

const fileField = (page: Page) => page.getByLabel('Import file:');
const importButton = (page: Page) => page.getByRole('button', { name: 'Import', exact: true });
const progressBar = (page: Page) => page.getByRole('progressbar');
const reportHeading = (page: Page) => page.getByRole('heading', { level: 2 });
const count = (page: Page, label: string) => page.locator('.import-count').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}:$`) }) }).getByRole('definition');
const problemRows = (page: Page) => page.getByRole('table', { name: 'Problems' }).getByRole('row');
const sheet = (page: Page) => page.getByRole('dialog', { name: /Properties$/ });

/** A CSV file as a spreadsheet saves it: CRLF line ends. */
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

async function openFromToolsMenu(page: Page) {
  await page.goto(`/sites/${SITE}`);
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Directory Import...' }).click();
  await expect(page).toHaveURL(IMPORT);
}

/** 98.css draws a radio button or check box on its label (the input is transparent): click the label, as a user does. */
async function choose(page: Page, label: string) {
  await page.locator('label').filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }).click();
}

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await fileField(page).setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.locator('.import-file-name')).toContainText(name);
}

/** Waits for the job: the URL carries its id, the bar reaches 100%, focus lands on the report's heading. */
async function expectFinished(page: Page) {
  await expect(page).toHaveURL(new RegExp(`${IMPORT}\\?job=[\\w-]+$`));
  await expect(progressBar(page)).toHaveAttribute('aria-valuenow', '100');
  await expect(reportHeading(page)).toBeFocused();
}

async function secondaryAddresses(request: APIRequestContext, id: number) {
  return (await getRecipient(request, id)).proxyAddresses.filter((p) => !p.primary).map((p) => `${p.type}:${p.address}`.toLowerCase());
}

const newAddress = () => `${unique('imp')}@fabrikam.com`;
const addressRow = (page: Page, address: string) => sheet(page).getByRole('row').filter({ hasText: address });

test('[DIRECTORY IMPORT] importing a small file adds a secondary address', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  const address = newAddress();
  await openFromToolsMenu(page);

  // Nothing chosen yet: the dialog opens on the file, and Import says why it cannot run.
  await expect(fileField(page)).toBeFocused();
  await expect(page.getByLabel('Container:')).toHaveValue(SITE);
  await expect(page.getByRole('radio', { name: 'Append' })).toBeChecked();
  await expect(importButton(page)).toBeDisabled();
  await importButton(page).click({ force: true });
  await expect(page.getByText('Choose the file to import first')).toBeVisible();
  await expect(fileField(page)).toBeFocused();

  await chooseFile(page, 'add-address.csv', csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${mailbox.directoryName},SMTP:${address}`));
  await expect(page.getByText('Choose the file to import first')).toBeHidden();
  await expect(importButton(page)).toBeEnabled();
  await importButton(page).click();

  await expectFinished(page);
  await expect(page.locator('.import-outcome-word')).toHaveText('Imported');
  await expect(count(page, 'Modified')).toHaveText('1');
  await expect(count(page, 'Created')).toHaveText('0');
  await expect(count(page, 'Rejected')).toHaveText('0');
  await expect(page.getByRole('heading', { name: 'No problems' })).toBeVisible();
  // The form is still there for another import, with the file still chosen.
  await expect(page.locator('.import-file-name')).toContainText('add-address.csv');

  // A reload reattaches to the finished job and shows the same report.
  await page.reload();
  await expect(count(page, 'Modified')).toHaveText('1');
  await expect(progressBar(page)).toHaveAttribute('aria-valuenow', '100');

  await page.goto(emailTab(mailbox));
  await expect(addressRow(page, address)).toBeVisible();
  await expect(addressRow(page, address).getByRole('cell').first()).toHaveText('smtp');
  expect(await secondaryAddresses(request, mailbox.id)).toContain(`smtp:${address}`.toLowerCase());
});

test('[DIRECTORY IMPORT] a file with a bad row changes nothing and reports the line; the valid rows can then be imported', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  const address = newAddress();
  const before = await secondaryAddresses(request, mailbox.id);
  const file = csv(
    'Obj-Class,Directory Name,Secondary-Proxy-Addresses',
    `Mailbox,${mailbox.directoryName},SMTP:${address}`,
    `Mailbx,${unique('bad')},SMTP:${newAddress()}`,
  );
  await openFromToolsMenu(page);
  await chooseFile(page, 'bad-row.csv', file);
  await importButton(page).click();

  await expectFinished(page);
  await expect(page.locator('.import-outcome-word')).toHaveText('Not imported');
  await expect(reportHeading(page)).toContainText('No changes were made');
  await expect(count(page, 'Would be modified')).toHaveText('1');
  await expect(count(page, 'Would be rejected')).toHaveText('1');
  await expect(page.getByRole('heading', { name: 'Problems (1)' })).toBeVisible();
  const problem = problemRows(page).filter({ hasText: 'Mailbx' });
  await expect(problem.getByRole('cell').nth(0)).toHaveText('3');
  await expect(problem.getByRole('cell').nth(1)).toHaveText('Obj-Class');
  expect(await secondaryAddresses(request, mailbox.id)).toEqual(before);

  // The problems CSV has the same line.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download problems (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('bad-row-problems.csv');
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.split(/\r\n/)[0]).toBe('Line,Column,Value,Reason');
  expect(text).toMatch(/^3,Obj-Class,Mailbx,.+$/m);

  // The same file again, importing the valid rows: Enter on the choice presses Import.
  await choose(page, 'Import the valid rows and report the rest');
  await page.getByRole('radio', { name: 'Import the valid rows and report the rest' }).press('Enter');
  await expect(page.locator('.import-outcome-word')).toHaveText('Partly imported');
  await expect(reportHeading(page)).toBeFocused();
  await expect(count(page, 'Modified')).toHaveText('1');
  await expect(count(page, 'Rejected')).toHaveText('1');
  await expect(problemRows(page).filter({ hasText: 'Mailbx' })).toHaveCount(1);
  expect(await secondaryAddresses(request, mailbox.id)).toContain(`smtp:${address}`.toLowerCase());
});

test('[DIRECTORY IMPORT] Validate only reports what would be modified and changes nothing', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  const before = await secondaryAddresses(request, mailbox.id);
  await openFromToolsMenu(page);
  await chooseFile(page, 'validate.csv', csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${mailbox.directoryName},SMTP:${newAddress()}`));
  await choose(page, 'Validate only (check the file, change nothing)');
  await expect(page.getByRole('checkbox', { name: 'Validate only (check the file, change nothing)' })).toBeChecked();
  // A dry run changes nothing anyway, so what to do with problem rows does not apply.
  await expect(page.getByRole('radio', { name: 'Change nothing' })).toBeDisabled();
  // Enter on the check box presses the default button, as in a Windows dialog.
  await page.getByRole('checkbox', { name: 'Validate only (check the file, change nothing)' }).press('Enter');

  await expectFinished(page);
  await expect(page.locator('.import-outcome-word')).toHaveText('Validate only');
  await expect(reportHeading(page)).toContainText('Nothing was changed');
  await expect(count(page, 'Would be modified')).toHaveText('1');
  await expect(count(page, 'Would be created')).toHaveText('0');
  expect(await secondaryAddresses(request, mailbox.id)).toEqual(before);
});

test("[DIRECTORY IMPORT] Q155594's example creates a custom recipient with three secondary addresses", async ({ page, request }) => {
  // The article's file, with a unique name in place of User1 so that reruns do not collide.
  const name = unique('User');
  const file = csv(
    'Obj-Class,First Name,Last name,Display Name,Alias Name,Directory Name,E-mail Address,Secondary-Proxy-Addresses',
    `Remote,User,1,${name},${name},${name},SMTP:${name}@org.com,SMTP:${name}@org2.com%SMTP:${name}@org3.com%SMTP:${name}2@org2.com`,
  );
  await openFromToolsMenu(page);
  await chooseFile(page, 'q155594.csv', file);
  await importButton(page).click();
  await expectFinished(page);
  await expect(count(page, 'Created')).toHaveText('1');

  // The new recipient is in the Recipients container the report links to.
  await page.getByRole('link', { name: `open the Recipients container of ${SITE}` }).click();
  await page.getByLabel('Find:').fill(name);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(`${name}@org.com`);

  const found = await (await request.get(`/api/v1/recipients?q=${name}`)).json();
  expect(found.rows).toHaveLength(1);
  expect(found.rows[0]).toMatchObject({ kind: 'custom', directoryName: name, displayName: name, alias: name });
  const recipient: Recipient = await getRecipient(request, found.rows[0].id);
  await page.goto(emailTab(recipient));
  for (const address of [`${name}@org2.com`, `${name}@org3.com`, `${name}2@org2.com`]) {
    await expect(addressRow(page, address).getByRole('cell').first()).toHaveText('smtp');
  }
});

test('[DIRECTORY IMPORT] a job the server no longer knows is reported without breaking the page', async ({ page }) => {
  await page.goto(`${IMPORT}?job=no-such-job`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Import no-such-job is no longer known.');
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(fileField(page)).toBeEnabled();
  await expect(page.getByLabel('Container:')).toHaveValue(SITE);
});

test('[DIRECTORY IMPORT] a refused option is shown next to its field, and the chosen file stays chosen', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  await openFromToolsMenu(page);

  // An empty file is refused before it is sent.
  await chooseFile(page, 'empty.csv', Buffer.alloc(0));
  await importButton(page).click();
  await expect(fileField(page)).toHaveAccessibleDescription(/empty\.csv is empty/);
  await expect(fileField(page)).toBeFocused();
  await expect(page).toHaveURL(IMPORT);

  await chooseFile(page, 'refused.csv', csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${mailbox.directoryName},SMTP:${newAddress()}`));
  // The site chosen in the Container list was removed after the page was opened: the API's 404
  // (its answer for an unknown site) names the field.
  const refusal = { error: { code: 'not_found', message: `There is no site named '${SITE}'.`, fields: { site: 'No such site.' } } };
  await page.route('**/api/v1/directory/import-jobs?*', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 404, json: refusal }) : route.continue()));
  await importButton(page).click();
  const container = page.getByLabel('Container:');
  await expect(container).toHaveAttribute('aria-invalid', 'true');
  await expect(container).toHaveAccessibleDescription(new RegExp(`There is no site named '${SITE}'\\.`));
  await expect(page).toHaveURL(IMPORT);
  await expect(page.locator('.import-file-name')).toContainText('refused.csv');
  expect(await fileField(page).evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('refused.csv');

  // With the site back, the same file imports without choosing it again.
  await page.unroute('**/api/v1/directory/import-jobs?*');
  await importButton(page).click();
  await expectFinished(page);
  await expect(count(page, 'Modified')).toHaveText('1');
  await expect(container).not.toHaveAttribute('aria-invalid');

  // Refused again: the last report stays, and focus stays on Import rather than jumping to it.
  await page.route('**/api/v1/directory/import-jobs?*', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 404, json: refusal }) : route.continue()));
  await importButton(page).click();
  await expect(container).toHaveAttribute('aria-invalid', 'true');
  await expect(count(page, 'Modified')).toHaveText('1');
  await expect(importButton(page)).toBeFocused();
});

test('[DIRECTORY IMPORT] a reload while an import runs finds the same job again', async ({ page }) => {
  // Big enough to take a moment to read and check; Validate only, so the directory is left as it
  // was. The row number leads each name so that the names differ in their first 10 characters
  // (the MS Mail mailbox name Site Addressing generates from them).
  const tag = unique('reload');
  const rows = Array.from({ length: 60_000 }, (_, i) => `Remote,${i}${tag},${i}${tag},SMTP:${i}${tag}@partner.example`);
  await openFromToolsMenu(page);
  await chooseFile(page, 'long.csv', csv('Obj-Class,Display Name,Directory Name,E-mail Address', ...rows));
  await choose(page, 'Validate only (check the file, change nothing)');
  await importButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${IMPORT}\\?job=[\\w-]+$`));
  const url = page.url();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(progressBar(page)).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });
  await expect(reportHeading(page)).toBeFocused();
  await expect(page.locator('.import-outcome-word')).toHaveText('Validate only');
  await expect(count(page, 'Would be created')).toHaveText('60,000');
  await expect(page.locator('.import-file-name')).toHaveText('No file chosen');
});
