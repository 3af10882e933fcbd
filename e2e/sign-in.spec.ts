import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { unique } from './fixtures';

// These start without the signed-in state the other tests share.
test.use({ storageState: { cookies: [], origins: [] } });

const PORT = process.env.XADM_E2E_PORT || '3100';
const DATABASE_URL = `file:./data/${PORT === '3100' ? 'e2e.db' : `e2e-${PORT}.db`}`;

/** Another administrator, made with `npm run admin -- create` on the e2e database. */
function createAdministrator(username: string, password: string) {
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/admin.ts', 'create', username, '--role', 'admin'], {
    env: { ...process.env, DATABASE_URL, XADM_NEW_PASSWORD: password, NODE_OPTIONS: '' },
    stdio: 'pipe',
  });
}

/** The sign-in dialog's message (Next.js has a route announcer with role alert too). */
const message = (page: import('@playwright/test').Page) => page.getByRole('region', { name: /Sign in/ }).getByRole('alert');

async function signIn(page: import('@playwright/test').Page, username: string, password: string) {
  await page.getByLabel('User name:').fill(username);
  await page.getByLabel('Password:').fill(password);
  await page.getByLabel('Password:').press('Enter');
}

test('[SIGN-IN] a page asks for sign-in first, then opens; Sign Out ends the session', async ({ page }) => {
  await page.goto('/sites/REDMOND/recipients');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsites%2FREDMOND%2Frecipients/);
  await expect(page.getByText('the user name is admin')).toBeVisible();
  await signIn(page, E2E_ADMIN.username, 'wrong password');
  await expect(message(page)).toHaveText('The user name or password is incorrect.');
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL('/sites/REDMOND/recipients');
  await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible();

  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Sign Out' }).click();
  await expect(page).toHaveURL('/sign-in');
  await page.goto('/sites/REDMOND');
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get('/api/v1/sites')).status()).toBe(401);
});

test('[SIGN-IN] repeated failures slow down, then lock the account with a message that says so', async ({ page }) => {
  test.setTimeout(60_000);
  const username = unique('lock').toLowerCase();
  createAdministrator(username, 'the right password');
  await page.goto('/sign-in');
  // Each answer waits for the one before: the third and fourth are held back a second or two more.
  const answers = [
    'The user name or password is incorrect.',
    'The user name or password is incorrect.',
    'The user name or password is incorrect. 2 more failed attempts will lock the account for 15 minutes.',
    'The user name or password is incorrect. 1 more failed attempt will lock the account for 15 minutes.',
  ];
  for (const [i, answer] of answers.entries()) {
    if (i > 0) await expect(page.getByRole('button', { name: 'OK' })).toBeEnabled();
    await signIn(page, username, `guess ${i + 1}`);
    if (i === 1) await expect(page.getByRole('button', { name: 'OK' })).toBeEnabled();
    await expect(message(page)).toHaveText(answer, { timeout: 15_000 });
  }
  await signIn(page, username, 'guess 5');
  await expect(message(page)).toContainText('This account is locked after 5 failed sign-ins', { timeout: 10_000 });
  // Even the right password is refused while locked.
  await signIn(page, username, 'the right password');
  await expect(message(page)).toContainText('This account is locked');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('[SIGN-IN] without credentials the API answers 401; an API token opens it', async ({ request }) => {
  const response = await request.get('/api/v1/recipients');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('unauthorized');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/admin.ts', 'create-token', E2E_ADMIN.username, '--name', 'e2e'], {
    env: { ...process.env, DATABASE_URL, NODE_OPTIONS: '' },
  }).toString();
  const token = /xadm_\S+/.exec(out)![0];
  const withToken = await request.get('/api/v1/sites', { headers: { authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  const wrong = await request.get('/api/v1/sites', { headers: { authorization: 'Bearer xadm_wrong' } });
  expect(wrong.status()).toBe(401);
});
