import { expect, test } from '@playwright/test';
import { createMailbox, getRecipient, unique } from './fixtures';

test.describe('[SITE ADDRESSING]', () => {
  let original: unknown;
  test.beforeAll(async ({ request }) => {
    original = (await (await request.get('/api/v1/sites/REDMOND/site-addressing')).json()).rules;
  });
  // Other tests rely on the default rule: put it back whatever happened here.
  test.afterAll(async ({ request }) => {
    await request.put('/api/v1/sites/REDMOND/site-addressing', { data: { rules: original } });
  });

  test('changing the SMTP rule and updating existing recipients gives them new reply addresses', async ({ page, request }) => {
    const last = unique('Clark');
    const mailbox = await createMailbox(request, { firstName: 'Mark', lastName: last, displayName: `Mark ${last}` });
    const oldAddress = mailbox.proxyAddresses.find((p) => p.type === 'SMTP' && p.primary)!.address;
    await page.goto('/sites/REDMOND/configuration/site-addressing');
    const dialog = page.getByRole('dialog', { name: 'Site Addressing Properties' });
    await dialog.getByRole('row', { name: /SMTP/ }).dblclick();
    const rule = page.getByRole('dialog', { name: /Internet Address Generation Rule/ });
    await rule.getByLabel('Address:').fill('%g.%s@@adatum.com');
    await rule.getByRole('button', { name: 'OK' }).click();
    await expect(rule.getByText(/one '@', before the domain/)).toBeVisible();
    await rule.getByLabel('Address:').fill('%g.%s@adatum.com');
    await rule.getByRole('button', { name: 'OK' }).click();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const ask = page.getByRole('alertdialog');
    await expect(ask).toContainText('update all existing e-mail addresses');
    await ask.getByRole('button', { name: 'Yes' }).click();
    await expect(dialog.getByText(/Updated the addresses of \d+ recipient/)).toBeVisible();

    const updated = (await getRecipient(request, mailbox.id)).proxyAddresses.filter((p) => p.type === 'SMTP');
    expect(updated.find((p) => p.primary)?.address).toBe(`Mark.${last}@adatum.com`);
    expect(updated.find((p) => p.address === oldAddress)?.primary).toBe(false);
  });

  test('switching a type off means new mailboxes get none of it', async ({ page, request }) => {
    await page.goto('/sites/REDMOND/configuration/site-addressing');
    const dialog = page.getByRole('dialog', { name: 'Site Addressing Properties' });
    // Space on a rule's row switches it, as the checkbox does.
    await dialog.getByRole('row', { name: /X400/ }).click();
    await page.keyboard.press(' ');
    await expect(dialog.getByRole('checkbox', { name: /X\.400/ })).not.toBeChecked();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    const mailbox = await createMailbox(request);
    expect(mailbox.proxyAddresses.map((p) => p.type).sort()).toEqual(['MS', 'SMTP']);
  });
});
