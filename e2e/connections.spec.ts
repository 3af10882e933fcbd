import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { createMailbox, getRecipient, unique } from './fixtures';

// The demo organization seeded by scripts/prepare-db.mjs: site REDMOND, site SMTP domain
// adatum.com, rerouting on with adatum.com, domain2.com, example.adatum.com and fabrikam.com
// inbound; the connector ADATUM/REDMOND knows FINNET/PO1 (direct) and OLDNET/OLDPO (indirect).
const SITE = 'REDMOND';
const IMS_API = `/api/v1/sites/${SITE}/internet-mail-service`;
const CONNECTOR_API = `/api/v1/sites/${SITE}/msmail-connector`;
const CONNECTIONS = `/sites/${SITE}/configuration/connections`;
const imsTab = (tab: 'general' | 'internet-mail' | 'routing' | 'routing-health') => `${CONNECTIONS}/internet-mail-service/${tab}`;
const connectorTab = (tab: 'local-postoffice' | 'connections') => `${CONNECTIONS}/msmail-connector/${tab}`;

type Route = { sentTo: string; routeTo: string };
type InternetMailService = { hostName: string; administrator: string | null; rerouteIncoming: boolean; routes: Route[] };
type MsMailConnector = { postoffice: string; postoffices: { network: string; postoffice: string; connection: 'direct' | 'indirect' }[] };

const imsSheet = (page: Page) => page.getByRole('dialog', { name: 'Internet Mail Service Properties' });
const connectorSheet = (page: Page) => page.getByRole('dialog', { name: /^MS Mail Connector \(.*\) Properties$/ });
const entryDialog = (page: Page) => page.getByRole('dialog', { name: 'Edit Routing Table Entry' });
// A row's name is its Sent to, then its Route to.
const routingRow = (page: Page, sentTo: string) =>
  imsSheet(page).getByRole('table', { name: 'Routing' }).getByRole('row', { name: new RegExp(`^${sentTo.replace(/[.#]/g, '\\$&')} `) });

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

async function putJson(request: APIRequestContext, url: string, data: unknown) {
  const response = await request.put(url, { data });
  expect(response.status(), await response.text()).toBe(200);
}

/** Add... on the Routing tab; a `routeTo` chooses "Should be rerouted to this domain:". */
async function fillEntry(page: Page, sentTo: string, routeTo?: string) {
  await imsSheet(page).getByRole('button', { name: 'Add...' }).click();
  const dialog = entryDialog(page);
  await dialog.getByLabel('E-mail sent to this domain:').fill(sentTo);
  if (routeTo) {
    // 98.css draws the radio on its label; the input itself is invisible.
    await dialog.getByText('Should be rerouted to this domain:').click();
    await dialog.getByLabel('Domain to reroute to:').fill(routeTo);
  }
  await dialog.getByRole('button', { name: 'OK' }).click();
}

async function addEntry(page: Page, sentTo: string, routeTo?: string) {
  await fillEntry(page, sentTo, routeTo);
  await expect(entryDialog(page)).toBeHidden();
  await expect(routingRow(page, sentTo)).toContainText(routeTo ?? '<inbound>');
}

test.describe('[CONNECTIONS]', () => {
  let ims: InternetMailService;
  let connector: MsMailConnector;
  const created: number[] = [];

  test.beforeAll(async ({ request }) => {
    const { hostName, administrator, rerouteIncoming, routes } = await getJson<InternetMailService>(request, IMS_API);
    ims = { hostName, administrator, rerouteIncoming, routes };
    const { postoffice, postoffices } = await getJson<MsMailConnector>(request, CONNECTOR_API);
    connector = { postoffice, postoffices };
  });

  // Every spec shares the server and its database: put the configuration back after each test,
  // and remove the recipients made here (a postmaster@domain2.com holder would change other
  // specs' verdicts).
  test.afterEach(async ({ request }) => {
    await putJson(request, IMS_API, { ...ims, confirmLoops: true });
    await putJson(request, CONNECTOR_API, connector);
    for (const id of created.splice(0)) await request.delete(`/api/v1/recipients/${id}`);
  });

  test('the Connections container lists the Internet Mail Service and the MS Mail Connector; Enter opens the sheet', async ({ page }) => {
    await page.goto(CONNECTIONS);
    const list = page.getByRole('grid', { name: `Contents of Connections in ${SITE}` });
    await expect(list.getByRole('row', { name: /Internet Mail Service/ })).toBeVisible();
    await expect(list.getByRole('row', { name: /MS Mail Connector \(ADATUM\/REDMOND\)/ })).toBeVisible();
    await list.getByRole('row', { name: /MS Mail Connector/ }).click();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(connectorTab('local-postoffice'));
    await expect(connectorSheet(page).getByLabel('Network:')).toHaveValue('ADATUM');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(CONNECTIONS);
    await list.getByRole('row', { name: /Internet Mail Service/ }).dblclick();
    await expect(page).toHaveURL(imsTab('general'));
    await expect(imsSheet(page).getByLabel('Host name:')).toHaveValue('mail.adatum.com');
  });

  test('[ROUTING] Q307628: the rewrites to adatum.com survive a reload, and administrator@cpandl.net is delivered to Administrator', async ({ page, request }) => {
    // Start as Q307628's reader may: rerouting off, so the tab's buttons are greyed.
    await putJson(request, IMS_API, { ...ims, rerouteIncoming: false });
    await page.goto(imsTab('routing'));
    const sheet = imsSheet(page);
    await expect(sheet.getByRole('button', { name: 'Add...' })).toBeDisabled();
    await sheet.getByText('Reroute incoming SMTP mail (required for POP3/IMAP4 support)').click();
    await expect(sheet.getByRole('button', { name: 'Add...' })).toBeEnabled();
    await expect(routingRow(page, 'adatum.com')).toContainText('<inbound>');

    await addEntry(page, 'cpandl.net', 'adatum.com');
    await addEntry(page, 'cpandl.org', 'adatum.com');
    await addEntry(page, 'internal.adatum.com', 'adatum.com');
    // Held, not saved, until Apply.
    expect((await getJson<InternetMailService>(request, IMS_API)).routes.map((r) => r.sentTo)).not.toContain('cpandl.net');
    await sheet.getByRole('button', { name: 'Apply' }).click();
    await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();

    await page.reload();
    for (const sentTo of ['cpandl.net', 'cpandl.org', 'internal.adatum.com']) await expect(routingRow(page, sentTo)).toContainText('adatum.com');
    await expect(routingRow(page, 'adatum.com')).toContainText('<inbound>');
    const saved = await getJson<InternetMailService>(request, IMS_API);
    expect(saved.rerouteIncoming).toBe(true);
    expect(saved.routes).toEqual(expect.arrayContaining([{ sentTo: 'cpandl.net', routeTo: 'adatum.com' }, { sentTo: 'internal.adatum.com', routeTo: 'adatum.com' }]));

    const response = await request.post('/api/v1/routing/preview', { data: { address: 'administrator@cpandl.net', origin: 'internet' } });
    expect(response.status(), await response.text()).toBe(200);
    const result = await response.json();
    expect(result.verdict).toBe('delivered');
    expect(result.recipient.displayName).toBe('Administrator');
  });

  test('[ROUTING] the Edit Routing Table Entry dialog refuses a duplicate Sent to and an invalid domain, naming them', async ({ page }) => {
    await page.goto(imsTab('routing'));
    const dialog = entryDialog(page);

    await fillEntry(page, 'Domain2.COM');
    await expect(dialog).toContainText('The routing table already has an entry for domain2.com.');
    await dialog.getByLabel('E-mail sent to this domain:').fill('cpandl..net');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toContainText("'cpandl..net' has an empty label");
    await dialog.getByLabel('E-mail sent to this domain:').fill('cpandl.net');
    await dialog.getByText('Should be rerouted to this domain:').click();
    await dialog.getByLabel('Domain to reroute to:').fill('adatum com');
    await dialog.getByLabel('Domain to reroute to:').press('Enter');
    await expect(dialog).toContainText("'adatum com' must not contain spaces");
    // Escape cancels the dialog, nothing was added.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(routingRow(page, 'cpandl.net')).toHaveCount(0);
    await expect(imsSheet(page).getByRole('button', { name: 'Apply' })).toBeDisabled();

    // The site SMTP domain cannot be removed, and the tab says why.
    await routingRow(page, 'adatum.com').click();
    await imsSheet(page).getByRole('button', { name: 'Remove' }).click();
    await expect(imsSheet(page).getByRole('alert').first()).toContainText('adatum.com is the site SMTP domain (Site Addressing)');
    await expect(routingRow(page, 'adatum.com')).toBeVisible();

    // Keyboard: arrows move the selection, Enter edits, Delete removes.
    await routingRow(page, 'adatum.com').focus();
    await page.keyboard.press('ArrowDown');
    await expect(routingRow(page, 'domain2.com')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('E-mail sent to this domain:')).toHaveValue('domain2.com');
    await page.keyboard.press('Escape');
    await routingRow(page, 'domain2.com').focus();
    await page.keyboard.press('Delete');
    await expect(routingRow(page, 'domain2.com')).toHaveCount(0);
    await expect(imsSheet(page).getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  test('[ROUTING] a rewrite loop is named before saving; No keeps the sheet open and nothing is saved', async ({ page, request }) => {
    await page.goto(imsTab('routing'));
    await addEntry(page, 'cpandl.net', 'cpandl.org');
    await addEntry(page, 'cpandl.org', 'cpandl.net');
    await imsSheet(page).getByRole('button', { name: 'Apply' }).click();

    const warning = page.getByRole('alertdialog');
    await expect(warning).toContainText('cpandl.net → cpandl.org → cpandl.net');
    await expect(warning.getByRole('button', { name: 'No' })).toBeFocused();
    await warning.getByRole('button', { name: 'No' }).click();
    await expect(warning).toBeHidden();
    await expect(imsSheet(page)).toBeVisible();
    await expect(routingRow(page, 'cpandl.org')).toContainText('cpandl.net');
    await expect(imsSheet(page).getByRole('button', { name: 'Apply' })).toBeEnabled();
    expect((await getJson<InternetMailService>(request, IMS_API)).routes.map((r) => r.sentTo)).not.toContain('cpandl.net');

    // OK asks again; Yes saves it, and Routing Health then reports the loop.
    await imsSheet(page).getByRole('button', { name: 'OK' }).click();
    await warning.getByRole('button', { name: 'Yes' }).click();
    await expect(page).toHaveURL(CONNECTIONS);
    expect((await getJson<InternetMailService>(request, IMS_API)).routes).toContainEqual({ sentTo: 'cpandl.net', routeTo: 'cpandl.org' });
    await page.goto(imsTab('routing-health'));
    await expect(imsSheet(page).getByRole('list', { name: 'Routing health problems' })).toContainText('rewrites in a circle: cpandl.net → cpandl.org → cpandl.net');
  });

  test('[ROUTING HEALTH] postmaster@domain2.com held by nobody is reported (Q242387); adding it to a mailbox clears it', async ({ page, request }) => {
    // This test's own administrator's mailbox, so the fix lands on a recipient made here.
    const alias = unique('Postmaster');
    const mailbox = await createMailbox(request, { alias, displayName: `Postmaster ${alias}` });
    created.push(mailbox.id);
    await putJson(request, IMS_API, { ...ims, administrator: mailbox.directoryName });

    await page.goto(imsTab('general'));
    await expect(imsSheet(page).getByRole('tab', { name: /Routing Health \(\d+\)/ })).toBeVisible();
    await imsSheet(page).getByRole('tab', { name: /Routing Health/ }).click();
    await expect(imsSheet(page)).toContainText("xadm's addition");
    const problem = imsSheet(page).getByRole('listitem').filter({ hasText: 'No recipient holds postmaster@domain2.com' });
    await expect(problem).toContainText('KB Q242387');
    await expect(problem.getByRole('img', { name: 'Warning' })).toBeVisible();

    await problem.getByRole('link', { name: `Open the E-mail Addresses of Postmaster ${alias}` }).click();
    await expect(page).toHaveURL(new RegExp(`/recipients/${mailbox.id}/email-addresses$`));
    const recipientSheet = page.getByRole('dialog', { name: `Postmaster ${alias} Properties` });
    await recipientSheet.getByRole('button', { name: 'New...' }).click();
    const chooser = page.getByRole('dialog', { name: 'New E-mail Address' });
    await chooser.getByRole('option', { name: 'Internet Address' }).click();
    await chooser.getByRole('button', { name: 'OK' }).click();
    const address = page.getByRole('dialog', { name: 'Internet Address Properties' });
    await address.getByLabel('E-mail address:').fill('postmaster@domain2.com');
    await address.getByRole('button', { name: 'OK' }).click();
    await expect(address).toBeHidden();
    await recipientSheet.getByRole('button', { name: 'OK' }).click();
    await expect(recipientSheet).toBeHidden();
    expect((await getRecipient(request, mailbox.id)).proxyAddresses.map((p) => p.address)).toContain('postmaster@domain2.com');

    await page.goto(imsTab('routing-health'));
    await expect(imsSheet(page)).toContainText('No recipient holds postmaster@example.adatum.com');
    await expect(imsSheet(page)).not.toContainText('postmaster@domain2.com');
  });

  test("[INTERNET MAIL] the administrator's mailbox is chosen from the address book, and clearing it is reported", async ({ page, request }) => {
    const alias = unique('ImsAdmin');
    const mailbox = await createMailbox(request, { alias, displayName: `IMS Admin ${alias}` });
    created.push(mailbox.id);
    await page.goto(imsTab('internet-mail'));
    const sheet = imsSheet(page);
    await expect(sheet.getByLabel("Administrator's mailbox:")).toHaveValue('Administrator');
    await sheet.getByRole('button', { name: 'Clear' }).click();
    await expect(sheet.getByLabel("Administrator's mailbox:")).toHaveValue('');
    await sheet.getByRole('button', { name: 'Apply' }).click();
    await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect((await getJson<InternetMailService>(request, IMS_API)).administrator).toBeNull();
    await sheet.getByRole('tab', { name: /Routing Health/ }).click();
    await expect(sheet.getByRole('listitem').filter({ hasText: "has no administrator's mailbox" }).getByRole('img', { name: 'Error' })).toBeVisible();

    await sheet.getByRole('tab', { name: 'Internet Mail' }).click();
    await sheet.getByRole('button', { name: 'Change...' }).click();
    const picker = page.getByRole('dialog', { name: "Administrator's Mailbox" });
    await picker.getByRole('searchbox').fill(alias);
    await picker.getByRole('option', { name: `IMS Admin ${alias}` }).dblclick();
    await picker.getByRole('button', { name: 'OK' }).click();
    await expect(sheet.getByLabel("Administrator's mailbox:")).toHaveValue(`IMS Admin ${alias}`);
    // One administrator's mailbox: the picker shows it, and Add replaces it rather than adding.
    await sheet.getByRole('button', { name: 'Change...' }).click();
    const chosen = picker.getByRole('listbox', { name: "Administrator's mailbox" }).getByRole('option');
    await expect(chosen).toHaveText([`IMS Admin ${alias}`]);
    await picker.getByRole('searchbox').fill('Administrator');
    await picker.getByRole('option', { name: 'Administrator', exact: true }).dblclick();
    await expect(chosen).toHaveText(['Administrator']);
    await picker.getByRole('button', { name: 'Cancel' }).click();
    await expect(sheet.getByLabel("Administrator's mailbox:")).toHaveValue(`IMS Admin ${alias}`);
    await sheet.getByRole('button', { name: 'OK' }).click();
    await expect(page).toHaveURL(CONNECTIONS);
    expect((await getJson<InternetMailService>(request, IMS_API)).administrator).toBe(mailbox.directoryName);
  });

  test('[GENERAL] an invalid host name is refused with a message naming the field, and the edit is kept', async ({ page, request }) => {
    await page.goto(imsTab('general'));
    const sheet = imsSheet(page);
    await sheet.getByLabel('Host name:').fill('mail..adatum.com');
    await sheet.getByLabel('Host name:').press('Enter');
    await expect(sheet.getByRole('alert').last()).toContainText("The host name 'mail..adatum.com' has an empty label");
    await expect(sheet.getByLabel('Host name:')).toHaveValue('mail..adatum.com');
    expect((await getJson<InternetMailService>(request, IMS_API)).hostName).toBe(ims.hostName);
  });

  test('[MS MAIL CONNECTOR] an indirect postoffice survives a reload, and Routing Health warns that no recipient uses it (Q156545)', async ({ page, request }) => {
    await page.goto(connectorTab('connections'));
    const sheet = connectorSheet(page);
    const dialog = page.getByRole('dialog', { name: 'MS Mail Postoffice' });

    // Refused: the connector's own postoffice, a name with a hyphen, one already listed.
    await sheet.getByRole('button', { name: 'Add...' }).click();
    await dialog.getByLabel('Network:').fill('ADATUM');
    await dialog.getByLabel('Postoffice:').fill('redmond');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toContainText("ADATUM/REDMOND is the connector's own postoffice");
    await dialog.getByLabel('Postoffice:').fill('OLD-PO');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toContainText("The postoffice name 'OLD-PO' must be 1–10 letters or digits.");
    await dialog.getByLabel('Network:').fill('oldnet');
    await dialog.getByLabel('Postoffice:').fill('oldpo');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toContainText('OLDNET/OLDPO is already listed.');

    const network = unique('N').slice(0, 10).toUpperCase();
    await dialog.getByLabel('Network:').fill(network);
    await dialog.getByLabel('Postoffice:').fill('NEWPO');
    await dialog.getByText('External postoffice, indirect via the connector postoffice (Q156545)').click();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    const row = sheet.getByRole('table', { name: 'Postoffices' }).getByRole('row').filter({ hasText: `${network}/NEWPO` });
    await expect(row).toContainText('Indirect via ADATUM/REDMOND');
    await sheet.getByRole('button', { name: 'Apply' }).click();
    await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();

    await page.reload();
    await expect(row).toContainText('Indirect via ADATUM/REDMOND');
    expect((await getJson<MsMailConnector>(request, CONNECTOR_API)).postoffices).toContainEqual({ network, postoffice: 'NEWPO', connection: 'indirect' });

    await page.goto(imsTab('routing-health'));
    const problem = imsSheet(page).getByRole('listitem').filter({ hasText: `${network}/NEWPO is defined indirect via the connector postoffice` });
    await expect(problem).toContainText('no recipient has an MS address on it');
    await expect(problem).toContainText('KB Q156545');
    await problem.getByRole('link', { name: `Open ${network}/NEWPO on the MS Mail Connector` }).click();
    await expect(page).toHaveURL(`${connectorTab('connections')}?postoffice=${encodeURIComponent(`${network}/NEWPO`)}`);
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(row).toBeFocused();
  });

  test('[ROUTING] ?entry= opens the Routing tab with that entry selected', async ({ page }) => {
    await page.goto(`${imsTab('routing')}?entry=fabrikam.com`);
    await expect(routingRow(page, 'fabrikam.com')).toHaveAttribute('aria-selected', 'true');
    await expect(routingRow(page, 'fabrikam.com')).toBeFocused();
    // Tabs keep held changes: a removal survives a trip to another tab and back.
    await page.keyboard.press('Delete');
    await imsSheet(page).getByRole('tab', { name: 'General' }).click();
    await expect(page).toHaveURL(imsTab('general'));
    await imsSheet(page).getByRole('tab', { name: 'Routing', exact: true }).click();
    await expect(routingRow(page, 'domain2.com')).toBeVisible();
    await expect(routingRow(page, 'fabrikam.com')).toHaveCount(0);
    await imsSheet(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(CONNECTIONS);
  });
});
