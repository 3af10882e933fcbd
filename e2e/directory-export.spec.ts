import fs from 'node:fs/promises';
import { type Download, type Page, expect, test } from '@playwright/test';
import { addProxy, createMailbox, unique } from './fixtures';

// The demo organization seeded by scripts/prepare-db.mjs.
const SITE = 'REDMOND';
const EXPORT_PAGE = `/sites/${SITE}/directory-export`;

const form = (page: Page) => page.getByRole('form', { name: 'Directory Export' });
const filter = (page: Page) => form(page).getByRole('textbox', { name: 'Display name, alias or address begins with:' });
const count = (page: Page) => form(page).locator('.export-count-value');

/** 98.css draws a check box on its label (the input itself is transparent): click the label, as a user does. */
async function setChecked(page: Page, name: string, checked: boolean) {
  const box = form(page).getByRole('checkbox', { name, exact: true });
  if ((await box.isChecked()) !== checked) await form(page).locator('label').filter({ hasText: new RegExp(`^${name}$`) }).click();
  await expect(box).toBeChecked({ checked });
}

/** The downloaded file's name and lines (CRLF line ends, the last line terminated). */
async function readFile(download: Download) {
  const text = await fs.readFile(await download.path(), 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return { name: download.suggestedFilename(), lines: text.slice(0, -2).split('\r\n') };
}

test('[DIRECTORY EXPORT] Tools menu opens it; the chosen objects, filter and columns are what the file holds', async ({ page, request }) => {
  const alias = unique('exp');
  const mailbox = await createMailbox(request, { alias, displayName: `Export, ${alias}`, firstName: 'Ann', lastName: 'Export' });
  const smtp = mailbox.proxyAddresses.find((p) => p.type === 'SMTP' && p.primary)!.address;

  await page.goto(`/sites/${SITE}`);
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Directory Export...' }).click();
  await expect(page).toHaveURL(EXPORT_PAGE);
  await expect(page.getByRole('heading', { name: `Directory Export - ${SITE}` })).toBeVisible();
  await expect(form(page).getByRole('combobox', { name: 'Container:' })).toHaveValue(SITE);
  // Every kind and the default columns; Obj-Class and Directory Name always, and cannot be cleared.
  for (const kind of ['Mailboxes', 'Custom recipients', 'Distribution lists']) await expect(form(page).getByRole('checkbox', { name: kind })).toBeChecked();
  for (const always of ['Obj-Class', 'Directory Name']) {
    await expect(form(page).getByRole('checkbox', { name: always })).toBeChecked();
    await expect(form(page).getByRole('checkbox', { name: always })).toBeDisabled();
  }
  await expect(form(page).getByRole('checkbox', { name: 'Secondary-Proxy-Addresses' })).not.toBeChecked();

  await setChecked(page, 'Distribution lists', false);
  await setChecked(page, 'Custom recipients', false);
  await setChecked(page, 'Members', false);
  await setChecked(page, 'E-mail Address', false);
  await setChecked(page, 'Secondary-Proxy-Addresses', true);
  await filter(page).fill(alias);
  await expect(count(page)).toHaveText('1');

  // Enter in the filter presses Export, the default button.
  const downloading = page.waitForEvent('download');
  await filter(page).press('Enter');
  const file = await readFile(await downloading);
  expect(file.name).toBe(`${SITE}.csv`);
  expect(file.lines).toHaveLength(2);
  expect(file.lines[0]).toBe('Obj-Class,Directory Name,First Name,Last Name,Initials,Display Name,Alias Name,Proxy-Addresses,Secondary-Proxy-Addresses');
  expect(file.lines[1]).toMatch(new RegExp(`^Mailbox,${alias},Ann,Export,,"Export, ${alias}",${alias},X400:[^,]*%MS:[^,]*%SMTP:${smtp.replace('.', '\\.')},$`));
  await expect(form(page).getByRole('status')).toHaveText(`Exported 1 recipient to ${SITE}.csv.`);

  // The URL keeps the choices: a reload shows them again.
  await expect(page).toHaveURL(`${EXPORT_PAGE}?kind=mailbox&q=${alias}&columns=firstName%2ClastName%2Cinitials%2CdisplayName%2Calias%2CproxyAddresses%2CsecondaryProxyAddresses`);
  await page.reload();
  await expect(filter(page)).toHaveValue(alias);
  await expect(form(page).getByRole('checkbox', { name: 'Distribution lists' })).not.toBeChecked();
  await expect(form(page).getByRole('checkbox', { name: 'Secondary-Proxy-Addresses' })).toBeChecked();
});

test('[DIRECTORY EXPORT] a filter that matches nothing writes the header alone; Alt+letter and Enter work from the keyboard', async ({ page }) => {
  await page.goto(`${EXPORT_PAGE}?q=${unique('nobody')}&columns=alias,Display%20Name`);
  await expect(count(page)).toHaveText('0');
  const box = form(page).getByRole('checkbox', { name: 'Alias Name' });
  await expect(box).toBeChecked();
  await expect(form(page).getByRole('checkbox', { name: 'First Name' })).not.toBeChecked();
  // Alt with an underlined letter moves to its control (focus starts on the Container list).
  await expect(form(page).getByRole('combobox', { name: 'Container:' })).toBeFocused();
  await page.keyboard.press('Alt+A');
  await expect(filter(page)).toBeFocused();
  await page.keyboard.press('Alt+L');
  await expect(form(page).getByRole('checkbox', { name: 'First Name' })).toBeFocused();
  await box.focus();
  const downloading = page.waitForEvent('download');
  await box.press('Enter');
  const file = await readFile(await downloading);
  expect(file.lines).toEqual(['Obj-Class,Directory Name,Display Name,Alias Name']);
  await expect(form(page).getByRole('status')).toHaveText(`Exported 0 recipients to ${SITE}.csv.`);
});

test("[DIRECTORY EXPORT] a '%' inside an address is shown as a problem instead of a broken file; without that column the file is written", async ({ page, request }) => {
  const alias = unique('pct');
  const mailbox = await createMailbox(request, { alias });
  await addProxy(request, mailbox.id, 'SMTP', `${alias}%relay@domain2.com`);
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));

  await page.goto(`${EXPORT_PAGE}?q=${alias}`);
  await expect(count(page)).toHaveText('1');
  await form(page).getByRole('button', { name: 'Export' }).click();
  const problems = form(page).getByRole('alert');
  await expect(problems).toContainText('The file was not written: 1 value cannot be written to an export file.');
  const row = problems.getByRole('row').filter({ hasText: alias });
  await expect(row.getByRole('cell')).toHaveText([alias, 'Proxy-Addresses', `'smtp:${alias}%relay@domain2.com' contains '%', which separates the values of a multi-valued attribute and cannot be escaped in an export file.`]);
  await expect(row.getByRole('link', { name: alias })).toHaveAttribute('href', `/sites/${SITE}/recipients?q=${alias}`);
  expect(downloads).toEqual([]);

  await setChecked(page, 'Proxy-Addresses', false);
  const downloading = page.waitForEvent('download');
  await form(page).getByRole('button', { name: 'Export' }).click();
  const file = await readFile(await downloading);
  expect(file.lines).toEqual([
    'Obj-Class,Directory Name,First Name,Last Name,Initials,Display Name,Alias Name,E-mail Address,Members',
    `Mailbox,${alias},,,,E2E ${alias},${alias},,`,
  ]);
  await expect(form(page).getByRole('alert')).toBeHidden();
});
