import { type Page, expect, test } from '@playwright/test';
import { createMailbox, unique } from './fixtures';

/** Tools → Audit Log... from the organisation's page. */
async function openAuditLog(page: Page) {
  await page.goto('/');
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Audit Log...' }).click();
  await expect(page).toHaveURL('/audit-log');
  await expect(page.getByRole('heading', { name: /^Audit Log - / })).toBeVisible();
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Audit log' });
/** The entries' rows (not the header, nor an expanded entry's attributes). */
const entries = (page: Page) => grid(page).locator('tbody tr[data-entry-id]');

test("[AUDIT LOG] a mailbox's new display name shows with its display name before and after", async ({ page, request }) => {
  const mailbox = await createMailbox(request, { displayName: unique('Before Name ') });
  const renamed = unique('After Name ');
  const patched = await request.patch(`/api/v1/recipients/${mailbox.id}`, { data: { displayName: renamed } });
  expect(patched.status(), await patched.text()).toBe(200);

  await openAuditLog(page);
  await page.getByLabel('Object:', { exact: true }).fill(renamed);
  await page.getByLabel('Action:').fill('recipient.update');
  await page.getByLabel('Action:').press('Enter');
  await expect(page).toHaveURL(/action=recipient\.update/);
  await expect(entries(page)).toHaveCount(1);
  const row = entries(page).first();
  await expect(row).toContainText('admin');
  await expect(row).toContainText('recipient.update');
  await expect(row).toContainText(renamed);

  // Keyboard: the row takes focus, Enter shows its attributes side by side, Enter again hides them.
  await row.click();
  await row.press('Enter');
  const detail = page.getByRole('group', { name: `Attributes of ${renamed}, before and after` });
  await expect(detail.getByRole('row', { name: `displayName ${mailbox.displayName} ${renamed}` })).toBeVisible();
  await expect(page).toHaveURL(/entry=\d+/);
  await page.screenshot({ path: 'test-results/audit-log-detail.png' });

  // The deep link shows the same attributes after a reload.
  await page.reload();
  await expect(detail.getByRole('row', { name: `displayName ${mailbox.displayName} ${renamed}` })).toBeVisible();
  await entries(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(detail).toBeHidden();
});

test('[AUDIT LOG] filters by object, action and administrator, kept in the URL and in the CSV export', async ({ page, request }) => {
  const marker = unique('Audit Filter ');
  const first = await createMailbox(request, { displayName: `${marker} One` });
  await createMailbox(request, { displayName: `${marker} Two` });
  const patched = await request.patch(`/api/v1/recipients/${first.id}`, { data: { displayName: `${marker} Uno` } });
  expect(patched.status(), await patched.text()).toBe(200);

  await openAuditLog(page);
  // Tab order: the filters first.
  await page.getByLabel('Administrator:').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Action:')).toBeFocused();

  await page.getByLabel('Object:', { exact: true }).fill(marker);
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(entries(page)).toHaveCount(3);
  // Newest first: the change, then the two creations.
  await expect(entries(page).nth(0)).toContainText('recipient.update');
  await expect(entries(page).nth(0)).toContainText(`${marker} Uno`);
  await expect(entries(page).nth(1)).toContainText(`recipient.create`);
  await expect(entries(page).nth(1)).toContainText(`${marker} Two`);

  // Sorted by object, A to Z, on the server.
  await grid(page).getByRole('button', { name: 'Object' }).click();
  await expect(page).toHaveURL(/sort=object/);
  await expect(entries(page).nth(0)).toContainText(`${marker} One`);
  await expect(entries(page).nth(2)).toContainText(`${marker} Uno`);

  // A kind of action (a prefix ending in a dot), then one action.
  await page.getByLabel('Action:').fill('recipient.create');
  await page.getByRole('button', { name: 'Find Now' }).click();
  await expect(entries(page)).toHaveCount(2);
  await expect(page.getByText('1–2 of 2')).toBeVisible();

  // The filters live in the URL: a reload shows the same list and the same boxes.
  await page.reload();
  await expect(page.getByLabel('Object:', { exact: true })).toHaveValue(marker);
  await expect(page.getByLabel('Action:')).toHaveValue('recipient.create');
  await expect(entries(page)).toHaveCount(2);

  // Export (CSV) writes what the list shows, in the same order.
  const href = await page.getByRole('link', { name: 'Export (CSV)' }).getAttribute('href');
  expect(href).toContain('action=recipient.create');
  expect(href).toContain('sort=object');
  const csv = await request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="audit-log-/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Time,Administrator,From,Action,Object type,Object,Site,Before,After');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`${marker} One`);
  expect(lines[2]).toContain(`${marker} Two`);

  // Another administrator's name finds none of them; Clear shows everything again.
  await page.getByLabel('Administrator:').fill('nobody-at-all');
  await page.getByLabel('Administrator:').press('Enter');
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/audit-log(\?sort=object)?$/);
  await expect(page.getByLabel('Object:', { exact: true })).toHaveValue('');
  await expect(entries(page).first()).toBeVisible();
});
