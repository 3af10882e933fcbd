import { expect, test } from '@playwright/test';
import { unique } from './fixtures';

test('[TOKENS] a token made on the page works for a script until it is revoked there', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = unique('script');

  // Tools → API Tokens... from the organisation's page.
  await page.goto('/');
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'API Tokens...' }).click();
  await expect(page).toHaveURL('/tokens');
  await expect(page.getByRole('heading', { name: 'API Tokens for admin' })).toBeVisible();
  const tokens = page.getByRole('table', { name: 'API tokens of admin' });

  // New Token...: a name, Enter; the token is shown once, with Copy and a curl example.
  const newButton = page.getByRole('button', { name: 'New Token...' });
  await newButton.click();
  const ask = page.getByRole('dialog', { name: 'New API Token for admin' });
  await expect(ask.getByLabel('Name:')).toBeFocused();
  await ask.getByRole('button', { name: 'OK' }).click();
  await expect(ask.getByRole('alert')).toHaveText('Name the token, e.g. after the script that will use it.');
  await ask.getByLabel('Name:').fill(name);
  await ask.getByLabel('Name:').press('Enter');
  const shown = page.getByRole('alertdialog', { name: 'New API Token' });
  await expect(shown).toContainText('Copy it now: it will not be shown again.');
  const token = await shown.getByLabel('Token:').inputValue();
  expect(token).toMatch(/^xadm_\S+$/);
  await expect(shown.getByRole('button', { name: 'Copy' })).toBeFocused();
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(shown.locator('pre')).toHaveText(`curl -H "Authorization: Bearer ${token}" ${new URL(page.url()).origin}/api/v1/sites`);
  await page.screenshot({ path: 'test-results/api-token-created.png' });
  await page.keyboard.press('Escape');
  await expect(shown).toBeHidden();
  await expect(newButton).toBeFocused();
  const row = tokens.getByRole('row', { name: new RegExp(`^${name} `) });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  // A script sends it (the bearer token, not the browser's cookie, decides).
  const bearer = { authorization: `Bearer ${token}` };
  const sites = await request.get('/api/v1/sites', { headers: bearer });
  expect(sites.status()).toBe(200);
  // Only now, and never again, was the token in a page: a reload lists the name and its last use.
  await page.reload();
  await expect(row).not.toContainText('Never');
  expect(await page.content()).not.toContain(token);

  // Revoke asks first (No is the default), then the token is refused.
  await row.click();
  await page.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'API Tokens' });
  await expect(confirm).toContainText(`Revoke the API token ${name} of admin?`);
  await expect(confirm.getByRole('button', { name: 'No' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Revoked');
  await expect(page.getByRole('button', { name: 'Revoke' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/api-tokens.png' });

  const refused = await request.get('/api/v1/sites', { headers: bearer });
  expect(refused.status()).toBe(401);
});
