import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { addProxy, createMailbox, emailTab, getRecipient, unique } from './fixtures';

// The demo organization seeded by scripts/prepare-db.mjs.
const SITE = 'REDMOND';
const PREVIEW = `/sites/${SITE}/routing-preview`;
const IMS_API = `/api/v1/sites/${SITE}/internet-mail-service`;
const CONNECTOR_API = `/api/v1/sites/${SITE}/msmail-connector`;

type Route = { sentTo: string; routeTo: string };
type InternetMailService = { hostName: string; administrator: string | null; rerouteIncoming: boolean; routes: Route[] };
type Postoffice = { network: string; postoffice: string; connection: 'direct' | 'indirect' };
type MsMailConnector = { postoffice: string; postoffices: Postoffice[] };

const addressField = (page: Page) => page.getByRole('textbox', { name: 'E-mail address:' });
const verdict = (page: Page) => page.getByRole('heading', { level: 2 });
const step = (page: Page, rule: string) => page.locator(`.routing-step[data-rule="${rule}"]`);

async function preview(page: Page, address: string, origin: 'The Internet' | 'A user in this organization' | 'An MS Mail user') {
  // 98.css draws the radio button on its label (the input itself is transparent): click the label, as a user does.
  await page.locator('label').filter({ hasText: new RegExp(`^${origin}$`) }).click();
  await expect(page.getByRole('radio', { name: origin, exact: true })).toBeChecked();
  await addressField(page).fill(address);
  await addressField(page).press('Enter');
}

async function putJson(request: APIRequestContext, url: string, data: unknown) {
  const response = await request.put(url, { data });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe('with Q307628 routing table', () => {
  // Q307628: cpandl.net, cpandl.org and internal.adatum.com are rewritten to adatum.com.
  const rewrites: Route[] = [
    { sentTo: 'cpandl.net', routeTo: 'adatum.com' },
    { sentTo: 'cpandl.org', routeTo: 'adatum.com' },
    { sentTo: 'internal.adatum.com', routeTo: 'adatum.com' },
  ];
  let saved: InternetMailService;

  test.beforeAll(async ({ request }) => {
    const response = await request.get(IMS_API);
    expect(response.ok()).toBeTruthy();
    const { hostName, administrator, rerouteIncoming, routes } = (await response.json()) as InternetMailService;
    saved = { hostName, administrator, rerouteIncoming, routes };
    const keep = routes.filter((route) => !rewrites.some((r) => r.sentTo === route.sentTo.toLowerCase()));
    await putJson(request, IMS_API, { hostName, administrator, rerouteIncoming: true, routes: [...keep, ...rewrites] });
  });

  test.afterAll(async ({ request }) => {
    if (saved) await putJson(request, IMS_API, saved);
  });

  test('[ROUTING PREVIEW] Tools menu opens it; administrator@cpandl.net from the Internet is rewritten and delivered (Q307628)', async ({ page }) => {
    await page.goto(`/sites/${SITE}`);
    await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
    await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Routing Preview...' }).click();
    await expect(page).toHaveURL(PREVIEW);
    await expect(addressField(page)).toBeFocused();

    await preview(page, 'administrator@cpandl.net', 'The Internet');
    await expect(page).toHaveURL(`${PREVIEW}?address=administrator%40cpandl.net&origin=internet`);

    const check = async () => {
      await expect(verdict(page)).toHaveText('Delivered to Administrator');
      const rewrite = step(page, 'reroute.rewrite');
      await expect(rewrite).toContainText('Rerouted to adatum.com');
      await expect(rewrite).toContainText('cpandl.net → adatum.com');
      await expect(rewrite).toContainText('Q307628');
      const facts = page.locator('.routing-facts');
      // The Administrator's reply address is SMTP:Administrator@adatum.com; SMTP compares case-insensitively.
      // Final address and reply address.
      await expect(facts.locator('.route-address')).toHaveText([/^administrator@adatum\.com$/i, /^administrator@adatum\.com$/i]);
      await expect(facts).toContainText(/Replies will come from its reply address administrator@adatum\.com, not from administrator@cpandl\.net\./i);
      await expect(facts.getByRole('link', { name: 'Administrator' })).toHaveAttribute('href', /\/sites\/REDMOND\/recipients\/\d+\/general$/);
      // The path diagram, with the rewrite on the reroute arrow, and its text alternative.
      const diagram = page.getByRole('img', { name: /^Path of the message:/ });
      await expect(diagram).toHaveAttribute('aria-label', /Internet Mail Service \(Routing tab\); routing table cpandl\.net → adatum\.com, then adatum\.com: inbound; Directory \(Found: Administrator\); Mailbox.*Outcome: delivered\./);
      await expect(page.locator('.route-arrow-label')).toHaveText(['cpandl.net → adatum.com', 'adatum.com: inbound']);
      await expect(addressField(page)).toHaveValue('administrator@cpandl.net');
      await expect(page.getByRole('radio', { name: 'The Internet', exact: true })).toBeChecked();
    };
    await check();
    await page.reload();
    await check();
  });

  test('[ROUTING PREVIEW] a step links to the configuration object it used (the routing entry opens the IMS Routing tab)', async ({ page }) => {
    await page.goto(`${PREVIEW}?address=administrator%40internal.adatum.com&origin=internet`);
    await expect(verdict(page)).toHaveText('Delivered to Administrator');
    const link = step(page, 'reroute.rewrite').getByRole('link', { name: 'Routing entry internal.adatum.com → adatum.com' });
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/sites/${SITE}/configuration/connections/internet-mail-service/routing?entry=internal.adatum.com`);
    // The Internet Mail Service sheet opens on its Routing tab with that entry selected.
    const sheet = page.getByRole('dialog', { name: 'Internet Mail Service Properties' });
    await expect(sheet.getByRole('tab', { name: 'Routing', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(sheet.getByRole('row', { selected: true })).toContainText('internal.adatum.com');
  });
});

test.describe('with OLDNET/OLDPO indirect via the connector (Q156545)', () => {
  let saved: MsMailConnector | null = null;

  test.beforeAll(async ({ request }) => {
    const response = await request.get(CONNECTOR_API);
    expect(response.ok()).toBeTruthy();
    const { postoffice, postoffices } = (await response.json()) as MsMailConnector;
    const present = postoffices.some((po) => po.network === 'OLDNET' && po.postoffice === 'OLDPO' && po.connection === 'indirect');
    if (present) return;
    saved = { postoffice, postoffices };
    const others = postoffices.filter((po) => !(po.network === 'OLDNET' && po.postoffice === 'OLDPO'));
    await putJson(request, CONNECTOR_API, { postoffice, postoffices: [...others, { network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' }] });
  });

  test.afterAll(async ({ request }) => {
    if (saved) await putJson(request, CONNECTOR_API, saved);
  });

  test('[ROUTING PREVIEW] MS:OLDNET/OLDPO/BOB reaches Bob from MS Mail and is an NDR from Exchange (Q156545)', async ({ page }) => {
    await page.goto(PREVIEW);
    await preview(page, 'MS:OLDNET/OLDPO/BOB', 'An MS Mail user');
    await expect(verdict(page)).toHaveText('Delivered to Bob Kelly');
    await expect(page).toHaveURL(`${PREVIEW}?address=MS%3AOLDNET%2FOLDPO%2FBOB&origin=msmail`);
    await expect(step(page, 'msmail.indirect')).toContainText('Q156545');
    await expect(step(page, 'msmail.indirect').getByRole('link', { name: 'MS Mail postoffice OLDNET/OLDPO (indirect)' })).toHaveAttribute(
      'href',
      `/sites/${SITE}/configuration/connections/msmail-connector/connections?postoffice=OLDNET%2FOLDPO`,
    );

    await preview(page, 'MS:OLDNET/OLDPO/BOB', 'A user in this organization');
    await expect(page).toHaveURL(/origin=exchange/);
    await expect(verdict(page)).toHaveText(/^Non-delivery report 5\.4\.4/);
    await expect(page.locator('.verdict-word')).toHaveText('Non-delivery report');
    await expect(page.locator('.route-ndr')).toContainText('5.4.4 No route to OLDNET/OLDPO');
    await expect(step(page, 'msmail.indirect')).toContainText('Exchange users get a non-delivery report');
  });
});

test('[ROUTING PREVIEW] a distribution list is expanded and each member links to its properties', async ({ page }) => {
  await page.goto(`${PREVIEW}?address=allstaff%40adatum.com&origin=internet`);
  await expect(verdict(page)).toHaveText(/^Expanded: distribution list All Staff, \d+ members$/);
  const members = page.locator('.routing-facts .route-members');
  await expect(members.getByRole('link', { name: 'Bob Kelly' })).toHaveAttribute('href', /\/sites\/REDMOND\/recipients\/\d+\/general$/);
  await expect(members.getByRole('listitem').filter({ hasText: 'Bob Kelly' })).toContainText(/delivered to bob@adatum\.com/i);
});

test('[ROUTING PREVIEW] a malformed address shows the message next to the field and no result', async ({ page }) => {
  await page.goto(PREVIEW);
  await preview(page, 'bob@@adatum.com', 'The Internet');
  await expect(page).toHaveURL(/address=bob%40%40adatum\.com/);
  const field = addressField(page);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
  await expect(message).toHaveAttribute('aria-live', 'polite');
  await expect(message).not.toBeEmpty();
  await expect(verdict(page)).toHaveCount(0);

  // An MS address cannot come from the Internet: the message is beside the origin.
  await preview(page, 'MS:ADATUM/REDMOND/BOB', 'The Internet');
  await expect(page.getByRole('group', { name: 'Message comes from:' })).toHaveAccessibleDescription(/can only address SMTP mail/);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(verdict(page)).toHaveCount(0);

  // Fixing it and pressing Enter previews.
  await preview(page, 'bob@adatum.com', 'The Internet');
  await expect(verdict(page)).toHaveText('Delivered to Bob Kelly');
  await expect(page.getByRole('group', { name: 'Message comes from:' })).toHaveAccessibleDescription('');
});

test('[ROUTING PREVIEW] Preview Routing on the E-mail Addresses tab lists every address with its verdict', async ({ page, request }) => {
  const mailbox = await createMailbox(request, { displayName: unique('Routing ') });
  // domain2.com is inbound on the demo organization's Routing tab (Q174351).
  const secondary = `${mailbox.alias}@domain2.com`;
  await addProxy(request, mailbox.id, 'SMTP', secondary);
  const proxies = (await getRecipient(request, mailbox.id)).proxyAddresses;
  await page.goto(emailTab(mailbox));
  const sheet = page.getByRole('dialog', { name: /Properties$/ });

  // Held edits are not previewed: the button asks for Apply first and stays on the sheet.
  await sheet.getByRole('button', { name: 'New...' }).click();
  const chooser = page.getByRole('dialog', { name: 'New E-mail Address' });
  await chooser.getByRole('option', { name: 'Internet Address' }).click();
  await chooser.getByRole('button', { name: 'OK' }).click();
  const dialog = page.getByRole('dialog', { name: 'Internet Address Properties' });
  await dialog.getByLabel('E-mail address:').fill(`${mailbox.alias}@unsaved.example`);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await sheet.getByRole('button', { name: 'Preview Routing...' }).click();
  await expect(sheet.getByRole('alert').first()).toContainText('Apply or cancel your changes first');
  await expect(page).toHaveURL(new RegExp(`${emailTab(mailbox)}$`));
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();

  await page.goto(emailTab(mailbox));
  await sheet.getByRole('button', { name: 'Preview Routing...' }).click();
  await expect(page).toHaveURL(`${PREVIEW}?recipient=${mailbox.id}`);
  const table = page.getByRole('table', { name: `Routing of the addresses of ${mailbox.displayName}` });
  await expect(table.getByRole('row')).toHaveCount(proxies.length + 1);
  for (const proxy of proxies) {
    const written = `${proxy.primary ? proxy.type.toUpperCase() : proxy.type.toLowerCase()}:${proxy.address}`;
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: written, exact: true }) });
    await expect(row).toContainText(`Delivered to ${mailbox.displayName}`);
    await expect(row).toContainText(proxy.type === 'SMTP' ? 'The Internet' : proxy.type === 'MS' ? 'An MS Mail user' : 'A user in this organization');
  }

  // Each address opens its own preview with every step.
  await table.getByRole('link', { name: `smtp:${secondary}`, exact: true }).click();
  await expect(page).toHaveURL(`${PREVIEW}?address=${encodeURIComponent(secondary)}&origin=internet`);
  await expect(verdict(page)).toHaveText(`Delivered to ${mailbox.displayName}`);
  await expect(step(page, 'directory.match')).toContainText(`the secondary address smtp:${secondary}`);
});

test('[ROUTING PREVIEW] an unknown recipient id is a clear message, not an error page', async ({ page }) => {
  const response = await page.goto(`${PREVIEW}?recipient=999999999`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'There is no recipient with id 999999999' })).toBeVisible();
  await expect(addressField(page)).toBeVisible();
});
