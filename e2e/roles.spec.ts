import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createMailbox, emailTab, unique } from './fixtures';

// A View Only Admin (issue 5): sees everything, changes nothing — the pages say so and disable
// what the role cannot do, and the server refuses it anyway.
const PORT = process.env.XADM_E2E_PORT || '3100';
const DATABASE_URL = `file:./data/${PORT === '3100' ? 'e2e.db' : `e2e-${PORT}.db`}`;

test('[ROLES] a View Only Admin sees the E-mail Addresses tab read-only, and the server refuses a change', async ({ browser, request, baseURL }) => {
  const mailbox = await createMailbox(request);
  const username = unique('viewer').toLowerCase();
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/admin.ts', 'create', username, '--role', 'view-only'], {
    env: { ...process.env, DATABASE_URL, XADM_NEW_PASSWORD: 'view only password', NODE_OPTIONS: '' },
    stdio: 'pipe',
  });
  // Signed out: a context made in a test otherwise starts from the config's signed-in state.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(emailTab(mailbox));
  await page.getByLabel('User name:').fill(username);
  await page.getByLabel('Password:').fill('view only password');
  await page.getByLabel('Password:').press('Enter');
  await expect(page).toHaveURL(emailTab(mailbox));

  const sheet = page.getByRole('dialog', { name: /Properties$/ });
  await expect(sheet.getByRole('note')).toContainText('You are a View Only Admin of site REDMOND');
  await expect(sheet.getByText(`${mailbox.alias}@adatum.com`)).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'New...' })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Remove' })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();

  // The server is the check: the same change through the API with this session is refused.
  const refused = await page.request.post(`/api/v1/recipients/${mailbox.id}/proxy-addresses`, { data: { type: 'SMTP', address: `${mailbox.alias}@fabrikam.com` } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain('View Only Admin');
  await context.close();
});
