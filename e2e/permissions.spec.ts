import { execFileSync } from 'node:child_process';
import { type Page, expect, test } from '@playwright/test';
import { unique } from './fixtures';

const PORT = process.env.XADM_E2E_PORT || '3100';
const DATABASE_URL = `file:./data/${PORT === '3100' ? 'e2e.db' : `e2e-${PORT}.db`}`;

/** Another administrator, made with `npm run admin -- create` on the e2e database. */
function createAdministrator(username: string, password: string, role: string) {
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/admin.ts', 'create', username, '--role', role], {
    env: { ...process.env, DATABASE_URL, XADM_NEW_PASSWORD: password, NODE_OPTIONS: '' },
    stdio: 'pipe',
  });
}

const sheet = (page: Page, name: string) => page.getByRole('dialog', { name: `${name} Properties` });
const accounts = (page: Page, name: string) => sheet(page, name).getByRole('table', { name: 'Windows NT accounts with permissions' });

test('[PERMISSIONS] a Permissions Admin grants a role on REDMOND; the new Admin sees the tab read-only', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const username = unique('perm').toLowerCase();
  const password = 'a long enough password';
  createAdministrator(username, password, 'view-only');

  // The site selected in the tree: File → Properties (Alt+Enter) opens its property sheet.
  await page.goto('/sites/REDMOND');
  await page.getByRole('tree', { name: 'Hierarchy' }).getByRole('treeitem', { name: 'REDMOND' }).focus();
  await page.keyboard.press('Alt+Enter');
  await expect(page).toHaveURL('/sites/REDMOND/permissions');
  await expect(sheet(page, 'REDMOND').getByRole('tab', { name: 'Permissions', selected: true })).toBeVisible();
  // The organisation's grants reach the site: listed, marked inherited.
  await expect(accounts(page, 'REDMOND').getByRole('row', { name: new RegExp(`^${username} View Only Admin ADATUM \\(inherited\\)$`) })).toBeVisible();

  await sheet(page, 'REDMOND').getByRole('button', { name: 'Add...' }).click();
  const add = page.getByRole('dialog', { name: 'Add Permissions on REDMOND' });
  await add.getByLabel('Windows NT account:').selectOption(username);
  await add.getByLabel('Role:').selectOption({ label: 'Admin' });
  await add.getByRole('button', { name: 'OK' }).click();
  await expect(add).toBeHidden();
  await expect(accounts(page, 'REDMOND').getByRole('row', { name: `${username} Admin REDMOND`, exact: true })).toBeVisible();

  // It was saved: a reload shows it, and a second grant on the same site is refused by name.
  await page.reload();
  await expect(accounts(page, 'REDMOND').getByRole('row', { name: `${username} Admin REDMOND`, exact: true })).toBeVisible();
  await sheet(page, 'REDMOND').getByRole('button', { name: 'Add...' }).click();
  await page.getByRole('dialog', { name: 'Add Permissions on REDMOND' }).getByLabel('Windows NT account:').selectOption(username);
  await page.getByRole('dialog', { name: 'Add Permissions on REDMOND' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('dialog', { name: 'Add Permissions on REDMOND' }).getByRole('alert')).toContainText(`${username} already has a role on REDMOND (Admin)`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add Permissions on REDMOND' })).toBeHidden();

  // Signed in as the new administrator: the tab lists the roles, without Add, Change Role or Remove.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const other = await context.newPage();
    await other.goto('/sign-in?next=%2Fsites%2FREDMOND%2Fpermissions');
    await other.getByLabel('User name:').fill(username);
    await other.getByLabel('Password:').fill(password);
    await other.getByLabel('Password:').press('Enter');
    await expect(other).toHaveURL('/sites/REDMOND/permissions');
    await expect(accounts(other, 'REDMOND').getByRole('row', { name: `${username} Admin REDMOND`, exact: true })).toBeVisible();
    await expect(sheet(other, 'REDMOND').getByText('Only a Permissions Admin of site REDMOND can change them.')).toBeVisible();
    for (const name of ['Add...', 'Change Role...', 'Remove']) await expect(sheet(other, 'REDMOND').getByRole('button', { name })).toHaveCount(0);
    // Delete on a row does nothing either; and the server refuses the change anyway.
    await accounts(other, 'REDMOND').getByRole('row', { name: `${username} Admin REDMOND`, exact: true }).press('Delete');
    await expect(other.getByRole('alertdialog')).toHaveCount(0);
    const refused = await other.request.post('/api/v1/permissions', { data: { username, role: 'permissions-admin', site: 'REDMOND' } });
    expect(refused.status()).toBe(403);
    await other.screenshot({ path: 'test-results/permissions-read-only.png' });
  } finally {
    await context.close();
  }

  // Change Role... and Remove, from the keyboard.
  await accounts(page, 'REDMOND').getByRole('row', { name: `${username} Admin REDMOND`, exact: true }).click();
  await page.keyboard.press('Enter');
  const change = page.getByRole('dialog', { name: 'Change Role on REDMOND' });
  await expect(change.getByLabel('Account:')).toHaveValue(username);
  await change.getByLabel('Role:').selectOption({ label: 'View Only Admin' });
  await change.getByRole('button', { name: 'OK' }).click();
  await expect(accounts(page, 'REDMOND').getByRole('row', { name: `${username} View Only Admin REDMOND`, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/permissions-tab.png' });
  await sheet(page, 'REDMOND').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(accounts(page, 'REDMOND').getByRole('row', { name: `${username} View Only Admin REDMOND`, exact: true })).toHaveCount(0);
});

test('[PERMISSIONS] the organisation keeps its last Permissions Admin: Remove says why and changes nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tree', { name: 'Hierarchy' }).getByRole('treeitem', { name: 'ADATUM' }).focus();
  await page.getByRole('menubar').getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Properties...' }).click();
  await expect(page).toHaveURL('/permissions');
  const admin = accounts(page, 'ADATUM').getByRole('row', { name: 'admin Permissions Admin ADATUM', exact: true });
  await admin.click();
  await sheet(page, 'ADATUM').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
  await expect(sheet(page, 'ADATUM').getByRole('alert').first()).toContainText('admin is the last Permissions Admin of ADATUM: without one, nobody could manage permissions any more');
  await page.reload();
  await expect(accounts(page, 'ADATUM').getByRole('row', { name: 'admin Permissions Admin ADATUM', exact: true })).toBeVisible();
});
