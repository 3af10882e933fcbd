import { execFileSync } from 'node:child_process';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { addProxy, createMailbox, emailTab, getRecipient, unique } from './fixtures';

// A View Only Admin (issue 5): the pages hide what the role cannot do — no New... or Delete, the
// configuration sheets read-only with a note naming the role, Directory Import only validates.
// Hiding is a courtesy: roles.spec.ts checks that the server refuses the change anyway.
const PORT = process.env.XADM_E2E_PORT || '3100';
const DATABASE_URL = `file:./data/${PORT === '3100' ? 'e2e.db' : `e2e-${PORT}.db`}`;
const SITE = 'REDMOND';
const NOTE = `You are a View Only Admin of site ${SITE}`;

/** A new View Only Admin (organisation-wide), signed in in a fresh context, on `url`. */
async function viewerOn(browser: Browser, baseURL: string | undefined, url: string): Promise<Page> {
  const username = unique('viewer').toLowerCase();
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/admin.ts', 'create', username, '--role', 'view-only'], {
    env: { ...process.env, DATABASE_URL, XADM_NEW_PASSWORD: 'view only password', NODE_OPTIONS: '' },
    stdio: 'pipe',
  });
  // Signed out: a context made in a test otherwise starts from the config's signed-in state.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('User name:').fill(username);
  await page.getByLabel('Password:').fill('view only password');
  await page.getByLabel('Password:').press('Enter');
  await expect(page).toHaveURL(url);
  return page;
}

test('[VIEW ONLY] the File menu and the toolbar offer no New... or Delete, and the Delete key asks nothing', async ({ browser, baseURL, request }) => {
  const mailbox = await createMailbox(request);
  const page = await viewerOn(browser, baseURL, `/sites/${SITE}/recipients?q=${mailbox.alias}`);
  const row = page.getByRole('row', { name: new RegExp(mailbox.displayName) });
  await row.click();

  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  const file = page.getByRole('menu', { name: 'File' });
  await expect(file.getByRole('menuitem')).toHaveText([/^Properties\.\.\./, 'Sign Out']);
  await page.keyboard.press('Escape');
  // The toolbar: Properties only (its buttons are icons, named by their labels).
  await expect(page.getByRole('toolbar').getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Properties' })).toBeVisible();
  await expect(page.getByRole('toolbar').getByRole('link')).toHaveCount(0);

  await row.click();
  await page.keyboard.press('Delete');
  // Properties (Enter) still opens: proof that the row had the keyboard when Delete did nothing.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `${mailbox.displayName} Properties` })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect((await getRecipient(request, mailbox.id)).displayName).toBe(mailbox.displayName);

  // New... opened by its URL: a message instead of the form; OK goes back to the list.
  await page.goto(`/sites/${SITE}/recipients/new?kind=mailbox`);
  const message = page.getByRole('alertdialog');
  await expect(message).toContainText(`${NOTE}: you can see its recipients, but not create them.`);
  await expect(page.getByLabel('Alias:')).toHaveCount(0);
  await message.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(`/sites/${SITE}/recipients`);
  await page.context().close();
});

test('[VIEW ONLY] the Internet Mail Service Routing tab is read-only, with the note', async ({ browser, baseURL }) => {
  const url = `/sites/${SITE}/configuration/connections/internet-mail-service/routing`;
  const page = await viewerOn(browser, baseURL, url);
  const sheet = page.getByRole('dialog', { name: 'Internet Mail Service Properties' });
  await expect(sheet.getByRole('note')).toHaveText(`${NOTE}: you can see the Internet Mail Service, but not change it.`);
  await expect(sheet.getByRole('radio', { name: 'Do not reroute incoming SMTP mail' })).toBeDisabled();
  await expect(sheet.getByRole('radio', { name: /^Reroute incoming SMTP mail/ })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Add...' })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // The other tabs too: the host name cannot be typed into.
  await sheet.getByRole('tab', { name: 'General' }).click();
  await expect(sheet.getByLabel('Host name:')).toBeDisabled();
  await expect(sheet.getByRole('note')).toBeVisible();
  // OK closes, saving nothing.
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(`/sites/${SITE}/configuration/connections`);
  await page.context().close();
});

test('[VIEW ONLY] Site Addressing is read-only: no rule can be edited or switched off', async ({ browser, baseURL }) => {
  const page = await viewerOn(browser, baseURL, `/sites/${SITE}/configuration/site-addressing`);
  const sheet = page.getByRole('dialog', { name: 'Site Addressing Properties' });
  await expect(sheet.getByRole('note')).toHaveText(`${NOTE}: you can see its Site Addressing, but not change it.`);
  await expect(sheet.getByRole('button', { name: 'Edit...' })).toBeDisabled();
  await expect(sheet.getByRole('checkbox', { name: /Internet address/i })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // Double click and Space, which edit and switch a rule for an Admin, do nothing.
  const smtp = sheet.getByRole('row', { name: /SMTP/ });
  await smtp.dblclick();
  await smtp.press(' ');
  await expect(page.getByRole('dialog', { name: /Generation Rule/ })).toHaveCount(0);
  await expect(sheet.getByRole('checkbox', { name: /Internet address/i })).toBeChecked();
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(page).toHaveURL(`/sites/${SITE}/configuration`);
  await page.context().close();
});

test('[VIEW ONLY] Directory Import only validates: Validate only is on and cannot be switched off', async ({ browser, baseURL, request }) => {
  const mailbox = await createMailbox(request);
  const page = await viewerOn(browser, baseURL, `/sites/${SITE}/directory-import`);
  const validateOnly = page.getByRole('checkbox', { name: 'Validate only (check the file, change nothing)' });
  await expect(validateOnly).toBeChecked();
  await expect(validateOnly).toBeDisabled();
  await expect(page.getByRole('note')).toHaveText(`${NOTE}: you can validate an import file against it, but not import into it.`);
  await expect(page.getByRole('radio', { name: 'Change nothing' })).toBeDisabled();

  const address = `${unique('viewonly')}@fabrikam.com`;
  await page.getByLabel('Import file:').setInputFiles({
    name: 'viewer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Obj-Class,Directory Name,Secondary-Proxy-Addresses\r\nMailbox,${mailbox.directoryName},SMTP:${address}\r\n`),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.import-outcome-word')).toHaveText('Validate only');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Nothing was changed');
  const stored = await getRecipient(request, mailbox.id);
  expect(stored.proxyAddresses.map((p) => p.address)).not.toContain(address);
  await page.context().close();
});

test('[VIEW ONLY] the E-mail Addresses list opens no edit dialog and removes nothing', async ({ browser, baseURL, request }) => {
  const mailbox = await createMailbox(request);
  const secondary = `${mailbox.alias}@fabrikam.com`;
  await addProxy(request, mailbox.id, 'SMTP', secondary);
  const page = await viewerOn(browser, baseURL, emailTab(mailbox));
  const sheet = page.getByRole('dialog', { name: `${mailbox.displayName} Properties` });
  const address = sheet.getByRole('row', { name: new RegExp(secondary.replace(/\./g, '\\.')) });
  // For an Admin: double click and Enter open the address, Delete removes it (held until Apply).
  await address.dblclick();
  await address.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Internet Address Properties' })).toHaveCount(0);
  await address.press('Delete');
  await expect(address).toBeVisible();
  await page.context().close();
});
