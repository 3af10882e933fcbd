import { type Page, expect, test } from '@playwright/test';
import { addProxy, createMailbox, emailTab, getRecipient, unique } from './fixtures';

const sheet = (page: Page) => page.getByRole('dialog', { name: /Properties$/ });
const addressRow = (page: Page, address: string) => sheet(page).getByRole('row').filter({ hasText: address });

async function openNewAddress(page: Page, typeLabel: string) {
  await sheet(page).getByRole('button', { name: 'New...' }).click();
  const chooser = page.getByRole('dialog', { name: 'New E-mail Address' });
  await chooser.getByRole('option', { name: typeLabel }).click();
  await chooser.getByRole('button', { name: 'OK' }).click();
}

test('[E-MAIL ADDRESSES] adding a secondary SMTP address survives a reload (Q174351 step 2)', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  await page.goto(emailTab(mailbox));
  const address = `${mailbox.alias}@domain2.com`;
  await openNewAddress(page, 'Internet Address');
  const dialog = page.getByRole('dialog', { name: 'Internet Address Properties' });
  await dialog.getByLabel('E-mail address:').fill(address);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  // Held, not saved, until Apply.
  await expect(addressRow(page, address)).toContainText('smtp');
  expect((await getRecipient(request, mailbox.id)).proxyAddresses.map((p) => p.address)).not.toContain(address);
  await sheet(page).getByRole('button', { name: 'Apply' }).click();
  await expect(sheet(page).getByRole('button', { name: 'Apply' })).toBeDisabled();

  await page.reload();
  await expect(addressRow(page, address)).toBeVisible();
  await expect(addressRow(page, address).getByRole('cell').first()).toHaveText('smtp');
  const stored = (await getRecipient(request, mailbox.id)).proxyAddresses.find((p) => p.address === address);
  expect(stored).toMatchObject({ type: 'SMTP', primary: false });
});

test('[E-MAIL ADDRESSES] Set As Reply Address makes the address primary and the old one secondary', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  const secondary = `${mailbox.alias}@cpandl.net`;
  await addProxy(request, mailbox.id, 'SMTP', secondary);
  const oldPrimary = mailbox.proxyAddresses.find((p) => p.type === 'SMTP' && p.primary)!.address;
  await page.goto(emailTab(mailbox));

  const setReply = sheet(page).getByRole('button', { name: 'Set As Reply Address' });
  await addressRow(page, oldPrimary).click();
  await expect(setReply).toBeDisabled();
  await addressRow(page, secondary).click();
  await setReply.click();
  await expect(addressRow(page, secondary).getByRole('cell').first()).toHaveText('SMTP');
  await expect(addressRow(page, oldPrimary).getByRole('cell').first()).toHaveText('smtp');
  await sheet(page).getByRole('button', { name: 'OK' }).click();
  await expect(sheet(page)).toBeHidden();

  const smtp = (await getRecipient(request, mailbox.id)).proxyAddresses.filter((p) => p.type === 'SMTP');
  expect(smtp.find((p) => p.primary)?.address).toBe(secondary);
  expect(smtp.find((p) => p.address === oldPrimary)?.primary).toBe(false);
});

test('[E-MAIL ADDRESSES] a reply address cannot be removed', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  const primary = mailbox.proxyAddresses.find((p) => p.type === 'SMTP' && p.primary)!.address;
  await page.goto(emailTab(mailbox));
  await addressRow(page, primary).click();
  await sheet(page).getByRole('button', { name: 'Remove' }).click();
  await expect(sheet(page).getByRole('alert').first()).toContainText('only SMTP address');
  await expect(addressRow(page, primary)).toBeVisible();
  await expect(sheet(page).getByRole('button', { name: 'Apply' })).toBeDisabled();
});

test('[E-MAIL ADDRESSES] a duplicate is refused naming the holder, and nothing is saved', async ({ page, request }) => {
  const holder = await createMailbox(request, { displayName: unique('Holder ') });
  const taken = `${holder.alias}@domain2.com`;
  await addProxy(request, holder.id, 'SMTP', taken);
  const mailbox = await createMailbox(request);
  await page.goto(emailTab(mailbox));

  await openNewAddress(page, 'Internet Address');
  const dialog = page.getByRole('dialog', { name: 'Internet Address Properties' });
  await dialog.getByLabel('E-mail address:').fill(taken.toUpperCase());
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This e-mail address already exists in this organization');
  await expect(dialog.getByRole('alert')).toContainText(holder.displayName);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(addressRow(page, taken.toUpperCase())).toHaveCount(0);
  expect((await getRecipient(request, mailbox.id)).proxyAddresses).toEqual(mailbox.proxyAddresses);
});

const malformed: Array<{ label: string; fill: Record<string, string>; message: RegExp }> = [
  { label: 'Internet Address', fill: { 'E-mail address:': 'user@@domain2' }, message: /domain|name@domain/ },
  { label: 'Internet Address', fill: { 'E-mail address:': 'no-at-sign.example.com' }, message: /name@domain/ },
  { label: 'Microsoft Mail Address', fill: { 'Network name:': 'OLDNET', 'Postoffice name:': 'OLD PO', 'Mailbox name:': 'BOB' }, message: /postoffice name 'OLD PO' must be 1–10 letters or digits/ },
  { label: 'X.400 Address', fill: { 'X.400 address:': 'a= ;p=ADATUM;s=Kelly;' }, message: /country \(c=\)/ },
  { label: 'cc:Mail Address', fill: { 'Mailbox name:': 'Kelly, Bob', 'Post office name:': 'BAD PO!' }, message: /cc:Mail address must have the form/ },
];

for (const { label, fill, message } of malformed) {
  test(`[E-MAIL ADDRESSES] a malformed ${label} is refused with the problem named (${Object.values(fill).join(' / ')})`, async ({ page, request }) => {
    const mailbox = await createMailbox(request);
    await page.goto(emailTab(mailbox));
    await openNewAddress(page, label);
    const dialog = page.getByRole('dialog', { name: /Address Properties$/ });
    for (const [field, value] of Object.entries(fill)) await dialog.getByLabel(field).fill(value);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog.getByRole('alert')).toContainText(message);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(sheet(page).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect((await getRecipient(request, mailbox.id)).proxyAddresses).toEqual(mailbox.proxyAddresses);
  });
}

test('[E-MAIL ADDRESSES] an Other address needs a type and an address', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  await page.goto(emailTab(mailbox));
  await openNewAddress(page, 'Other Address');
  const dialog = page.getByRole('dialog', { name: 'Other Address Properties' });
  await dialog.getByLabel('E-mail address:').fill('somewhere');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('alert')).toContainText('address type is empty');
  await dialog.getByLabel('E-mail type:').fill('NOTES');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect(addressRow(page, 'somewhere').getByRole('cell').first()).toHaveText('NOTES');
});

test('[PROPERTY SHEET] Cancel discards held edits on every tab', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  await page.goto(`/sites/${mailbox.site}/recipients/${mailbox.id}/general`);
  await sheet(page).getByLabel('Display:').fill('Changed But Cancelled');
  await sheet(page).getByRole('tab', { name: 'E-mail Addresses' }).click();
  await expect(page).toHaveURL(/email-addresses/);
  await openNewAddress(page, 'Internet Address');
  const dialog = page.getByRole('dialog', { name: 'Internet Address Properties' });
  await dialog.getByLabel('E-mail address:').fill(`${mailbox.alias}@cancelled.example`);
  await dialog.getByRole('button', { name: 'OK' }).click();
  // The General tab's edit is still held after the tab switch.
  await sheet(page).getByRole('tab', { name: 'General' }).click();
  await expect(sheet(page).getByLabel('Display:')).toHaveValue('Changed But Cancelled');
  await sheet(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet(page)).toBeHidden();
  await expect(page).toHaveURL(/\/recipients(\?|$)/);

  const stored = await getRecipient(request, mailbox.id);
  expect(stored.displayName).toBe(mailbox.displayName);
  expect(stored.proxyAddresses).toEqual(mailbox.proxyAddresses);
});
