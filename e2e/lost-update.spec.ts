import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { ADMIN_STATE } from '../playwright.config';
import { createMailbox, generalTab, unique } from './fixtures';

// Two administrators, each in a browser context of their own, open the same object; the first
// one's Apply is saved, the second one's is not until they have seen what changed (issue 5).
const SITE = 'REDMOND';
const IMS_API = `/api/v1/sites/${SITE}/internet-mail-service`;
const IMS_GENERAL = `/sites/${SITE}/configuration/connections/internet-mail-service/general`;

type StoredRecipient = { displayName: string; firstName: string; lastName: string; version: number };
type InternetMailService = { hostName: string; administrator: string | null; rerouteIncoming: boolean; routes: { sentTo: string; routeTo: string }[]; version: number };

const sheet = (page: Page) => page.getByRole('dialog', { name: /Properties$/ });
const changedDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Microsoft Exchange Administrator' });

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

const contexts: BrowserContext[] = [];

/** A page in a browser context of its own: another administrator at another desk. */
async function admin(browser: Browser, baseURL: string | undefined, path: string): Promise<Page> {
  // Signed in as the e2e administrator (a context made by hand does not get the config's state).
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, storageState: ADMIN_STATE });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: test.info().outputPath(name) });
}

test.describe('[LOST UPDATE] recipient property sheet', () => {
  test('[LOST UPDATE] Apply after another admin renamed the mailbox shows the change; Cancel and Escape save nothing; Reload shows their name', async ({ browser, baseURL, request }) => {
    const alias = unique('lost');
    const opened = `Opened ${alias}`;
    const renamed = `Renamed ${alias}`;
    const mailbox = await createMailbox(request, { alias, displayName: opened, firstName: 'Ann' });
    const a = await admin(browser, baseURL, generalTab(mailbox));
    const b = await admin(browser, baseURL, generalTab(mailbox));
    await expect(sheet(b).getByLabel('Display:')).toHaveValue(opened);

    // A renames the mailbox and applies.
    await sheet(a).getByLabel('Display:').fill(renamed);
    await sheet(a).getByRole('button', { name: 'Apply' }).click();
    await expect(sheet(a).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect((await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).displayName).toBe(renamed);

    // B, still on what they opened, changes the first name and applies.
    await sheet(b).getByLabel('First:').fill('Beatrice');
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    const dialog = changedDialog(b);
    await expect(dialog).toContainText(`${opened} was changed by someone else after you opened it.`);
    const row = dialog.getByRole('row', { name: /^Display name/ });
    await expect(row.getByRole('cell').nth(0)).toHaveText(opened);
    await expect(row.getByRole('cell').nth(1)).toHaveText(renamed);
    // Only what A changed is listed: B's own first name is not someone else's change.
    await expect(dialog.getByRole('row', { name: /^First name/ })).toHaveCount(0);
    await screenshot(b, 'recipient-changed-elsewhere.png');

    // Modal: focus on the first button, Tab stays inside, Escape is Cancel.
    await expect(dialog.getByRole('button', { name: 'Reload' })).toBeFocused();
    await b.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Overwrite' })).toBeFocused();
    await b.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await b.keyboard.press('Tab');
    await expect(dialog.getByRole('region', { name: 'Changes' })).toBeFocused();
    await b.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Reload' })).toBeFocused();
    await b.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByLabel('First:')).toHaveValue('Beatrice');
    await expect(sheet(b).getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Ann' });

    // Apply again: the same question; Cancel keeps the edit and saves nothing.
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByLabel('First:')).toHaveValue('Beatrice');
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Ann' });

    // Reload: B's edit is dropped and the sheet shows what A saved.
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByLabel('Display:')).toHaveValue(renamed);
    await expect(sheet(b).getByLabel('First:')).toHaveValue('Ann');
    await expect(sheet(b).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await expect(b.getByRole('dialog', { name: `${renamed} Properties` })).toBeVisible();
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Ann' });

    // The reloaded sheet holds the current version: its next Apply is saved.
    await sheet(b).getByLabel('Last:').fill('Kelly');
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    await expect(sheet(b).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await expect(dialog).toBeHidden();
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Ann', lastName: 'Kelly' });
  });

  test('[LOST UPDATE] Overwrite saves the second change on top of the first; OK then closes the sheet', async ({ browser, baseURL, request }) => {
    const alias = unique('over');
    const opened = `Opened ${alias}`;
    const renamed = `Renamed ${alias}`;
    const mailbox = await createMailbox(request, { alias, displayName: opened, firstName: 'Ann' });
    const a = await admin(browser, baseURL, generalTab(mailbox));
    const b = await admin(browser, baseURL, generalTab(mailbox));
    await expect(sheet(b).getByLabel('Display:')).toHaveValue(opened);

    await sheet(a).getByLabel('Display:').fill(renamed);
    await sheet(a).getByRole('button', { name: 'OK' }).click();
    await expect(sheet(a)).toBeHidden();

    await sheet(b).getByLabel('First:').fill('Beatrice');
    await sheet(b).getByRole('button', { name: 'OK' }).click();
    const dialog = changedDialog(b);
    await expect(dialog.getByRole('row', { name: /^Display name/ })).toContainText(renamed);
    // Nothing is saved while the question is open.
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Ann' });
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b)).toBeHidden();
    // B's first name on top of A's display name: A's change is not undone.
    expect(await getJson<StoredRecipient>(request, `/api/v1/recipients/${mailbox.id}`)).toMatchObject({ displayName: renamed, firstName: 'Beatrice' });
  });
});

test.describe('[LOST UPDATE] Internet Mail Service property sheet', () => {
  let original: Omit<InternetMailService, 'version'>;

  test.beforeAll(async ({ request }) => {
    const { hostName, administrator, rerouteIncoming, routes } = await getJson<InternetMailService>(request, IMS_API);
    original = { hostName, administrator, rerouteIncoming, routes };
  });

  // The IMS is the site's one object shared by every spec: put it back.
  test.afterEach(async ({ request }) => {
    const response = await request.put(IMS_API, { data: { ...original, confirmLoops: true } });
    expect(response.status(), await response.text()).toBe(200);
  });

  test('[LOST UPDATE] two admins change the host name: the second sees both values; Cancel saves nothing, Overwrite saves theirs', async ({ browser, baseURL, request }) => {
    const a = await admin(browser, baseURL, IMS_GENERAL);
    const b = await admin(browser, baseURL, IMS_GENERAL);
    const hostA = `${unique('a')}.adatum.com`.toLowerCase();
    const hostB = `${unique('b')}.adatum.com`.toLowerCase();
    await expect(sheet(b).getByLabel('Host name:')).toHaveValue(original.hostName);

    await sheet(a).getByLabel('Host name:').fill(hostA);
    await sheet(a).getByRole('button', { name: 'Apply' }).click();
    await expect(sheet(a).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect((await getJson<InternetMailService>(request, IMS_API)).hostName).toBe(hostA);

    await sheet(b).getByLabel('Host name:').fill(hostB);
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    const dialog = changedDialog(b);
    await expect(dialog).toContainText('The Internet Mail Service was changed by someone else after you opened it.');
    const cells = dialog.getByRole('row', { name: /^Host name/ }).getByRole('cell');
    await expect(cells).toHaveText([original.hostName, hostA, hostB]);
    await screenshot(b, 'ims-changed-elsewhere.png');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByLabel('Host name:')).toHaveValue(hostB);
    expect((await getJson<InternetMailService>(request, IMS_API)).hostName).toBe(hostA);

    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect((await getJson<InternetMailService>(request, IMS_API)).hostName).toBe(hostB);

    // And now A is the one whose sheet is out of date.
    const hostC = `${unique('c')}.adatum.com`.toLowerCase();
    await sheet(a).getByLabel('Host name:').fill(hostC);
    await sheet(a).getByRole('button', { name: 'Apply' }).click();
    await expect(changedDialog(a).getByRole('row', { name: /^Host name/ }).getByRole('cell')).toHaveText([hostA, hostB, hostC]);
    await changedDialog(a).getByRole('button', { name: 'Reload' }).click();
    await expect(sheet(a).getByLabel('Host name:')).toHaveValue(hostB);
    expect((await getJson<InternetMailService>(request, IMS_API)).hostName).toBe(hostB);
  });
});

test.describe('[LOST UPDATE] MS Mail Connector property sheet', () => {
  const CONNECTOR_API = `/api/v1/sites/${SITE}/msmail-connector`;
  type MsMailConnector = { postoffice: string; postoffices: { network: string; postoffice: string; connection: string }[]; version: number };
  let original: Omit<MsMailConnector, 'version'>;

  test.beforeAll(async ({ request }) => {
    const { postoffice, postoffices } = await getJson<MsMailConnector>(request, CONNECTOR_API);
    original = { postoffice, postoffices };
  });

  test.afterEach(async ({ request }) => {
    const response = await request.put(CONNECTOR_API, { data: original });
    expect(response.status(), await response.text()).toBe(200);
  });

  test('[LOST UPDATE] Overwrite keeps the postoffice another admin added and saves the local postoffice changed here', async ({ browser, baseURL, request }) => {
    const b = await admin(browser, baseURL, `/sites/${SITE}/configuration/connections/msmail-connector/local-postoffice`);
    await expect(sheet(b).getByLabel('Postoffice:')).toHaveValue(original.postoffice.split('/')[1]);
    // Another admin (a script, with the version it read) adds a postoffice.
    const { version } = await getJson<MsMailConnector>(request, CONNECTOR_API);
    const added = { network: 'NEWNET', postoffice: 'PO9', connection: 'direct' };
    const response = await request.put(CONNECTOR_API, { data: { ...original, postoffices: [...original.postoffices, added], version } });
    expect(response.status(), await response.text()).toBe(200);

    await sheet(b).getByLabel('Postoffice:').fill('SEATTLE');
    await sheet(b).getByRole('button', { name: 'Apply' }).click();
    const dialog = changedDialog(b);
    await expect(dialog.getByRole('row', { name: /^Connections/ }).getByRole('cell')).toHaveText(['—', 'NEWNET/PO9 (direct)']);
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await expect(dialog).toBeHidden();
    await expect(sheet(b).getByRole('button', { name: 'Apply' })).toBeDisabled();
    const saved = await getJson<MsMailConnector>(request, CONNECTOR_API);
    expect(saved.postoffice).toBe(`${original.postoffice.split('/')[0]}/SEATTLE`);
    expect(saved.postoffices).toContainEqual(added);
  });
});
