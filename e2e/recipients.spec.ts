import { type Page, expect, test } from '@playwright/test';
import { createMailbox, getRecipient, unique } from './fixtures';

const sheet = (page: Page) => page.getByRole('dialog', { name: /Properties$/ });

test('[NEW MAILBOX] File → New Mailbox creates a mailbox with addresses generated from Site Addressing', async ({ page, request }) => {
  const last = unique('Zed');
  await page.goto('/sites/REDMOND/recipients');
  await page.getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /New Mailbox/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New Mailbox Properties' });
  await dialog.getByLabel('First:').fill('Mark');
  await dialog.getByLabel('Last:').fill(last);
  // Display name and alias follow the names, as in Exchange Administrator.
  await expect(dialog.getByLabel('Display:')).toHaveValue(`Mark ${last}`);
  await expect(dialog.getByLabel('Alias:')).toHaveValue(`Mark${last[0]}`);
  const alias = unique('MarkZ');
  await dialog.getByLabel('Alias:').fill(alias);
  await dialog.getByRole('button', { name: 'Apply' }).click();

  // Apply keeps the new mailbox's own sheet open on its E-mail Addresses tab.
  const created = page.getByRole('dialog', { name: `Mark ${last} Properties` });
  await expect(created.getByRole('tab', { name: 'E-mail Addresses' })).toHaveAttribute('aria-selected', 'true');
  await expect(created.getByRole('row').filter({ hasText: `${alias}@adatum.com` })).toContainText('SMTP');
  await expect(created.getByRole('row').filter({ hasText: `ADATUM/REDMOND/${alias.toUpperCase().slice(0, 10)}` })).toContainText('MS');
  await expect(created.getByRole('row').filter({ hasText: `c=US;a= ;p=ADATUM;o=REDMOND;s=${last};g=Mark;` })).toContainText('X400');
  await created.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Mark ${last}`) })).toHaveAttribute('aria-selected', 'true');
});

test('[NEW MAILBOX] a missing display name is refused with the field named, nothing created', async ({ page, request }) => {
  const alias = unique('nodisplay');
  await page.goto('/sites/REDMOND/recipients/new?kind=mailbox');
  const dialog = page.getByRole('dialog', { name: 'New Mailbox Properties' });
  await dialog.getByLabel('Alias:').fill(alias);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Display name is required');
  const list = await (await request.get(`/api/v1/recipients?q=${alias}`)).json();
  expect(list.total).toBe(0);
});

test('[NEW CUSTOM RECIPIENT] asks for the target address and forwards to it', async ({ page, request }) => {
  const alias = unique('cust');
  await page.goto('/sites/REDMOND/recipients/new?kind=custom');
  const chooser = page.getByRole('dialog', { name: 'New E-mail Address' });
  await chooser.getByRole('option', { name: 'Internet Address' }).click();
  await chooser.getByRole('button', { name: 'OK' }).click();
  const target = page.getByRole('dialog', { name: 'Internet Address Properties' });
  await target.getByLabel('E-mail address:').fill(`${alias}@partner.example`);
  await target.getByRole('button', { name: 'OK' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Custom Recipient Properties' });
  await dialog.getByLabel('Display:').fill(`Custom ${alias}`);
  await dialog.getByLabel('Alias:').fill(alias);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`Custom ${alias}`) })).toContainText(`${alias}@partner.example`);
  const found = await (await request.get(`/api/v1/recipients?q=${alias}`)).json();
  expect(found.rows[0]).toMatchObject({ kind: 'custom', primarySmtpAddress: `${alias}@partner.example` });
});

test('[RECIPIENTS] the list pages, sorts and filters from the URL', async ({ page, request }) => {
  const tag = unique('pager');
  for (let i = 0; i < 3; i++) await createMailbox(request, { alias: `${tag}${i}`, displayName: `${tag} ${i}` });
  await page.goto(`/sites/REDMOND/recipients?q=${tag}&perPage=2&sort=-displayName`);
  const rows = page.getByRole('grid').getByRole('row');
  await expect(rows.nth(1)).toContainText(`${tag} 2`);
  await expect(rows.nth(2)).toContainText(`${tag} 1`);
  await expect(page.getByText('1–2 of 3')).toBeVisible();
  await page.getByRole('button', { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows.nth(1)).toContainText(`${tag} 0`);
  await page.getByRole('button', { name: /Display Name/ }).click();
  await expect(page).toHaveURL(/sort=displayName/);
  await expect(rows.nth(1)).toContainText(`${tag} 0`);
  await page.getByLabel('Find:').fill(`${tag}1`);
  await expect(page).toHaveURL(new RegExp(`q=${tag}1`));
  await expect(page.getByText('1–1 of 1')).toBeVisible();
});

test('[RECIPIENTS] keyboard: arrows move, Enter opens properties, Delete asks and removes', async ({ page, request }) => {
  const tag = unique('keys');
  const a = await createMailbox(request, { alias: `${tag}a`, displayName: `${tag} A` });
  const b = await createMailbox(request, { alias: `${tag}b`, displayName: `${tag} B` });
  await page.goto(`/sites/REDMOND/recipients?q=${tag}`);
  const rowA = page.getByRole('row', { name: new RegExp(`${tag} A`) });
  const rowB = page.getByRole('row', { name: new RegExp(`${tag} B`) });
  await rowA.click();
  await page.keyboard.press('ArrowDown');
  await expect(rowB).toHaveAttribute('aria-selected', 'true');
  await expect(rowB).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toHaveAccessibleName(`${tag} B Properties`);
  await page.keyboard.press('Escape');
  await expect(sheet(page)).toBeHidden();
  await page.getByRole('row', { name: new RegExp(`${tag} A`) }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`${tag} A`);
  await page.keyboard.press('n');
  await expect(confirm).toBeHidden();
  expect((await request.get(`/api/v1/recipients/${a.id}`)).status()).toBe(200);
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`${tag} A`) })).toHaveCount(0);
  expect((await request.get(`/api/v1/recipients/${a.id}`)).status()).toBe(404);
  expect((await getRecipient(request, b.id)).displayName).toBe(`${tag} B`);
});

test('[DISTRIBUTION LISTS] Modify... adds the mailbox to a list, saved on OK', async ({ page, request }) => {
  const mailbox = await createMailbox(request);
  await page.goto(`/sites/${mailbox.site}/recipients/${mailbox.id}/distribution-lists`);
  await sheet(page).getByRole('button', { name: 'Modify...' }).click();
  const picker = page.getByRole('dialog', { name: 'Distribution Lists' });
  // A double click adds at once, as in the address book.
  await picker.getByRole('listbox', { name: 'Address book' }).getByRole('option', { name: 'All Staff' }).dblclick();
  await expect(picker.getByRole('listbox', { name: 'Member of' }).getByRole('option', { name: 'All Staff' })).toBeVisible();
  await picker.getByRole('button', { name: 'OK' }).click();
  await expect(sheet(page).getByRole('cell', { name: 'All Staff' })).toBeVisible();
  await sheet(page).getByRole('button', { name: 'OK' }).click();
  await expect(sheet(page)).toBeHidden();
  const stored = await (await request.get(`/api/v1/recipients/${mailbox.id}`)).json();
  expect(stored.memberOf.map((l: { displayName: string }) => l.displayName)).toEqual(['All Staff']);
});
