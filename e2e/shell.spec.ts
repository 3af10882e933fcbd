import { expect, test, type Page } from '@playwright/test';

// The demo organization seeded by scripts/prepare-db.mjs.
const ORGANIZATION = 'ADATUM';
const SITE = 'REDMOND';

const treeItem = (page: Page, name: string) => page.getByRole('tree', { name: 'Hierarchy' }).getByRole('treeitem', { name, exact: true });
const menuBarItem = (page: Page, name: string) => page.getByRole('menubar').getByRole('menuitem', { name, exact: true });

test('[TREE] arrow keys move through the hierarchy and Enter opens Recipients', async ({ page }) => {
  await page.goto('/');
  await treeItem(page, ORGANIZATION).focus();

  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, SITE)).toBeFocused();
  await expect(treeItem(page, SITE)).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, SITE)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, 'Configuration')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, 'Recipients')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(treeItem(page, SITE)).toBeFocused();
  await page.keyboard.press('End');
  await expect(treeItem(page, 'Recipients')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/sites/${SITE}/recipients`);
  await expect(treeItem(page, 'Recipients')).toHaveAttribute('aria-selected', 'true');
  await expect(treeItem(page, 'Recipients')).toBeFocused();
});

test('[TREE] Left collapses an open container and the +/- box toggles it', async ({ page }) => {
  await page.goto(`/sites/${SITE}/configuration`);
  const site = treeItem(page, SITE);
  await expect(site).toHaveAttribute('aria-expanded', 'true');
  await expect(treeItem(page, 'Configuration')).toHaveAttribute('aria-selected', 'true');

  await site.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(site).toHaveAttribute('aria-expanded', 'false');
  await expect(treeItem(page, 'Configuration')).toHaveCount(0);

  await site.locator('.tree-expander').first().click();
  await expect(site).toHaveAttribute('aria-expanded', 'true');
  await expect(treeItem(page, 'Recipients')).toBeVisible();
});

test('[TREE] a click opens a container and the tree keeps what was expanded', async ({ page }) => {
  await page.goto(`/sites/${SITE}/configuration`);
  // The selected container's parents are open, the container itself is not.
  await expect(treeItem(page, 'Site Addressing')).toHaveCount(0);
  await treeItem(page, 'Configuration').locator('.tree-expander').first().click();
  await expect(treeItem(page, 'Site Addressing')).toBeVisible();

  await treeItem(page, 'Connections').getByRole('link').click();
  await expect(page).toHaveURL(`/sites/${SITE}/configuration/connections`);
  await expect(treeItem(page, 'Connections')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row', { name: /Internet Mail Service/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /MS Mail Connector/ })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('2 objects');

  await treeItem(page, ORGANIZATION).getByRole('link').first().click();
  await expect(page).toHaveURL('/');
  await expect(treeItem(page, 'Site Addressing')).toBeVisible();
});

test('[MENU] File menu opens with the keyboard', async ({ page }) => {
  await page.goto(`/sites/${SITE}`);
  await expect(treeItem(page, SITE)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('F10');
  await expect(menuBarItem(page, 'File')).toBeFocused();
  await page.keyboard.press('Enter');

  const file = page.getByRole('menu', { name: 'File' });
  await expect(file.getByRole('menuitem')).toHaveText(['New Mailbox...', 'New Custom Recipient...', 'New Distribution List...', /^Properties\.\.\./, 'Sign Out']);
  await expect(file.getByRole('menuitem', { name: 'New Mailbox...' })).toBeFocused();
  await expect(file.getByRole('menuitem', { name: 'New Mailbox...' })).toHaveAttribute('href', `/sites/${SITE}/recipients/new?kind=mailbox`);

  await page.keyboard.press('ArrowDown');
  await expect(file.getByRole('menuitem', { name: 'New Custom Recipient...' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(file.getByRole('menuitem', { name: 'Sign Out' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(file.getByRole('menuitem', { name: 'Properties...' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(file.getByRole('menuitem', { name: 'New Distribution List...' })).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('menu', { name: 'Tools' })).toBeVisible();
  await expect(file).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(menuBarItem(page, 'Tools')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menuBarItem(page, 'Tools')).not.toBeFocused();
});

test('[MENU] Alt alone moves the focus to the menu bar and back', async ({ page }) => {
  await page.goto(`/sites/${SITE}`);
  const configuration = page.getByRole('row', { name: /Configuration/ });
  await configuration.click();
  await expect(configuration).toBeFocused();

  await page.keyboard.press('Alt');
  await expect(menuBarItem(page, 'File')).toBeFocused();
  await page.keyboard.press('Alt');
  await expect(configuration).toBeFocused();
});

test('[MENU] Help > About opens a dialog that Escape closes', async ({ page }) => {
  await page.goto('/');
  const organization = treeItem(page, ORGANIZATION);
  await organization.focus();

  await page.keyboard.press('Alt+h');
  await expect(page.getByRole('menu', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Enter');

  const about = page.getByRole('dialog', { name: 'About xadm' });
  await expect(about).toContainText('in the spirit of Microsoft Exchange Server 5.5');
  await expect(about.getByRole('button', { name: 'OK' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(about.getByRole('button', { name: 'OK' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
  await expect(organization).toBeFocused();
});

test('[MENU] only commands that work are shown', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('menubar').getByRole('menuitem')).toHaveText(['File', 'Tools', 'Help']);
  await menuBarItem(page, 'File').click();
  // Delete belongs to pages with a selection to act on; Properties here opens the organisation's sheet.
  await expect(page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: /Delete/ })).toHaveCount(0);
  await expect(page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: /Properties/ })).toHaveAttribute('href', '/permissions');
  await expect(page.getByRole('toolbar').getByRole('link', { name: 'New Mailbox' })).toHaveAttribute('href', `/sites/${SITE}/recipients/new?kind=mailbox`);
  await expect(page.getByRole('toolbar').getByRole('button')).toHaveCount(0);
});

test('[MENU] Alt+Enter and the toolbar raise Properties only where there is a selection', async ({ page }) => {
  // Count the shell's events in sessionStorage, which outlives the page the handler may open.
  await page.addInitScript(() => {
    window.addEventListener('xadm:properties', () => {
      sessionStorage.setItem('properties', String(Number(sessionStorage.getItem('properties') ?? 0) + 1));
    });
  });
  const raised = () => page.evaluate(() => Number(sessionStorage.getItem('properties') ?? 0));

  await page.goto('/');
  await treeItem(page, ORGANIZATION).focus();
  await page.keyboard.press('Alt+Enter');
  expect(await raised()).toBe(0);

  await page.goto(`/sites/${SITE}/recipients`);
  // From anywhere in the console, not only from the list (the list handles its own keys).
  await treeItem(page, 'Recipients').focus();
  await page.keyboard.press('Alt+Enter');
  await expect.poll(raised).toBe(1);

  await page.goto(`/sites/${SITE}/recipients`);
  await page.getByRole('toolbar').getByRole('button', { name: 'Properties' }).click();
  await expect.poll(raised).toBe(2);
});

test('[LIST] Enter or a double click opens the selected container', async ({ page }) => {
  await page.goto(`/sites/${SITE}`);
  const rows = page.getByRole('grid', { name: `Contents of ${SITE}` }).getByRole('row');
  await expect(rows).toHaveCount(3); // header + Configuration + Recipients
  await page.getByRole('row', { name: /Configuration/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/sites/${SITE}/configuration`);
  await expect(page.getByRole('grid', { name: `Contents of Configuration in ${SITE}` })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('2 objects');

  await page.getByRole('row', { name: /Connections/ }).dblclick();
  await expect(page).toHaveURL(`/sites/${SITE}/configuration/connections`);
});

test('[SHELL] an unknown site shows a message box that leads back to the organization', async ({ page }) => {
  const response = await page.goto('/sites/NO-SUCH-SITE/configuration');
  expect(response?.status()).toBe(404);
  const message = page.getByRole('alertdialog', { name: 'Microsoft Exchange Administrator' });
  await expect(message).toContainText('does not exist in the directory');
  await expect(message.getByRole('button', { name: 'OK' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
});

test('[SHELL] site names in URLs match case-insensitively', async ({ page }) => {
  await page.goto(`/sites/${SITE.toLowerCase()}`);
  await expect(treeItem(page, SITE)).toHaveAttribute('aria-selected', 'true');
});
