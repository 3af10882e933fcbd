// Tools → Find Recipients (issue 6): the window, its fields, its results list and the keyboard.
import { type Page, expect, test } from '@playwright/test';
import { addProxy, createMailbox, unique } from './fixtures';

const window = (page: Page) => page.getByRole('region', { name: /^Find Recipients - / });
const form = (page: Page) => page.getByRole('search', { name: 'Find Recipients' });
const results = (page: Page) => page.getByRole('grid', { name: 'Recipients found' });
const sheet = (page: Page) => page.getByRole('dialog');

test('[FIND RECIPIENTS] Tools → Find Recipients finds a mailbox by the beginning of a secondary address; Enter opens its property sheet', async ({ page, request }) => {
  const alias = unique('fnd');
  const mailbox = await createMailbox(request, { alias, displayName: `Found, ${alias}` });
  await addProxy(request, mailbox.id, 'SMTP', `legacy-${alias}@domain2.com`);

  await page.goto('/');
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Find Recipients...' }).click();
  await expect(page).toHaveURL(/\/find-recipients$/);
  await expect(window(page)).toBeVisible();

  // Any case; only the secondary address begins so (the reply address is alias@adatum.com).
  const address = form(page).getByRole('textbox', { name: 'E-mail address:' });
  await address.fill(`LEGACY-${alias.toUpperCase()}`);
  await address.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]address=LEGACY-${alias.toUpperCase()}(&|$)`));
  const row = results(page).getByRole('row', { name: new RegExp(`Found, ${alias}`) });
  await expect(row.getByRole('gridcell')).toHaveText([`Found, ${alias}`, alias, 'REDMOND', 'Mailbox', `smtp:legacy-${alias}@domain2.com`]);
  await expect(results(page).getByRole('row')).toHaveCount(2);
  await expect(window(page).getByRole('status')).toHaveText('1 recipient found.');

  // ↓ from the box moves into the results; Enter opens the recipient's property sheet.
  await address.press('ArrowDown');
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toHaveAccessibleName(`Found, ${alias} Properties`);
  await expect(page).toHaveURL(`/sites/REDMOND/recipients/${mailbox.id}/general`);

  // Back returns to the same search, its box filled and its results listed.
  await page.goBack();
  await expect(address).toHaveValue(`LEGACY-${alias.toUpperCase()}`);
  await expect(row).toBeVisible();
});

test('[FIND RECIPIENTS] Find Now with nothing filled names the fields to fill; New Search clears the search', async ({ page, request }) => {
  const tag = unique('ns');
  await createMailbox(request, { alias: `${tag}a`, displayName: `${tag} A` });

  await page.goto('/find-recipients');
  const displayName = form(page).getByRole('textbox', { name: 'Display name:' });
  await expect(displayName).toBeFocused();
  await form(page).getByRole('button', { name: 'Find Now' }).click();
  await expect(window(page).getByRole('alert')).toHaveText('Fill in Display name, Alias or E-mail address: Find Now lists the recipients whose values begin with what you type.');
  await expect(displayName).toBeFocused();
  await expect(page).toHaveURL(/\/find-recipients$/);

  await displayName.fill(tag);
  await displayName.press('Enter');
  await expect(results(page).getByRole('row', { name: new RegExp(`${tag} A`) })).toBeVisible();
  await expect(window(page).getByRole('alert')).toHaveText('');

  await form(page).getByRole('button', { name: 'New Search' }).click();
  await expect(page).toHaveURL(/\/find-recipients$/);
  await expect(displayName).toHaveValue('');
  await expect(displayName).toBeFocused();
  await expect(results(page).getByRole('row')).toHaveCount(2);
  await expect(results(page)).toContainText('Fill in what to look for, then Find Now.');
});

test('[FIND RECIPIENTS] Ctrl+Shift+F opens it from the Recipients list; Look in a site and AND of fields; a reload keeps the search; arrows and a double click', async ({ page, request }) => {
  const tag = unique('kb');
  const a = await createMailbox(request, { alias: `${tag}a`, displayName: `${tag} Anna` });
  const b = await createMailbox(request, { alias: `${tag}b`, displayName: `${tag} Bert` });
  await createMailbox(request, { alias: unique('other'), displayName: `${tag} Carl` });

  await page.goto('/sites/REDMOND/recipients');
  await page.getByRole('grid').getByRole('row').nth(1).click();
  await page.keyboard.press('Control+Shift+F');
  await expect(page).toHaveURL(/\/find-recipients$/);
  const displayName = form(page).getByRole('textbox', { name: 'Display name:' });
  await expect(displayName).toBeFocused();
  await page.keyboard.type(tag.toUpperCase());
  await page.keyboard.press('Tab');
  await page.keyboard.type(tag);
  await form(page).getByRole('combobox', { name: 'Look in:' }).selectOption('REDMOND');
  await form(page).getByRole('button', { name: 'Find Now' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]site=REDMOND(&|$)`));

  // Display name AND alias: Carl's alias does not begin with the tag. In display name order.
  const rows = results(page).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(`${tag} Anna`);
  await expect(rows.nth(1)).toHaveAttribute('data-recipient-id', String(a.id));
  await expect(rows.nth(2)).toContainText(`${tag} Bert`);
  // No address searched: no E-mail Address column.
  await expect(results(page).getByRole('columnheader')).toHaveText(['Display Name', 'Alias Name', 'Site', 'Type']);

  await page.reload();
  await expect(form(page).getByRole('textbox', { name: 'Alias:' })).toHaveValue(tag);
  await expect(form(page).getByRole('combobox', { name: 'Look in:' })).toHaveValue('REDMOND');
  await expect(rows).toHaveCount(3);

  await rows.nth(1).click();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await rows.nth(2).dblclick();
  await expect(sheet(page)).toHaveAccessibleName(`${tag} Bert Properties`);
  expect(page.url()).toContain(`/recipients/${b.id}/general`);
});
