// Issue 6: the console against the large organization — `npm run seed:large`'s 100,000
// recipients (33,334 a site) on the second e2e server (playwright.config.ts, LARGE_BASE_URL).
// Scroll and page REDMOND's Recipients list, sort it, filter it, and open a recipient found by a
// secondary address in a hosted domain.
//
// The recipients are seed-large's (lib/server/seed/seed-large.ts), which are deterministic: in
// REDMOND number i has the alias r<i, six digits>; i ≡ 14 (mod 26) is "Young, Uma <i>" (or
// "Young, Uma (partner <i>)"); every even-numbered mailbox has the secondary address
// <first name>.<alias>@h<(i mod 50) + 1>.hosted-adatum.example.
import { type Locator, type Page, expect, test } from '@playwright/test';
import { LARGE_ADMIN_STATE, LARGE_BASE_URL } from '../playwright.config';

test.use({ baseURL: LARGE_BASE_URL, storageState: LARGE_ADMIN_STATE });

const SEEDED_PER_SITE = Math.ceil(100_000 / 3);
const PER_PAGE = 50;
/** "Ito, Yuki 12346", a mailbox whose secondary address is in a hosted domain. */
const FOUND = { alias: 'r012346', displayName: 'Ito, Yuki 12346', secondary: 'yuki.r012346@h47.hosted-adatum.example' };

const grid = (page: Page) => page.getByRole('grid', { name: 'Recipients of REDMOND' });
const rows = (page: Page) => grid(page).locator('tbody').getByRole('row');
const column = (page: Page, n: number) => rows(page).locator(`td:nth-child(${n})`).allInnerTexts();
const displayNames = (page: Page) => column(page, 1).then((names) => names.map((name) => name.trim()));
const aliases = (page: Page) => column(page, 2);
const sheet = (page: Page) => page.getByRole('dialog', { name: /Properties$/ });

/** A number as the list may write it: 33345 or 33,345. */
const num = (n: number) => n.toLocaleString('en-US').replace(/,/g, ',?');
/** The list's "first–last of total" text. */
const countText = (page: Page, first: number, last: number, total: number) =>
  page.locator('.list-count').filter({ hasText: new RegExp(`^${num(first)}–${num(last)} of ${num(total)}$`) });

/** The list's order (lib/core/search-keys.ts): case-insensitive, in code-point order. */
const key = (s: string) => s.normalize('NFC').toLowerCase();
function expectOrdered(values: string[], direction: 'asc' | 'desc') {
  for (let i = 1; i < values.length; i++) {
    const [a, b] = direction === 'asc' ? [values[i - 1], values[i]] : [values[i], values[i - 1]];
    expect(key(a) <= key(b), `${JSON.stringify(values[i - 1])} then ${JSON.stringify(values[i])} (${direction})`).toBe(true);
  }
}

/** Runs `action` and waits for the list to show `expected` rows of the new view; returns how long that took. */
async function timed(action: () => Promise<unknown>, settled: Locator): Promise<number> {
  const started = Date.now();
  await action();
  await expect(settled).toBeVisible();
  return Date.now() - started;
}

async function redmondTotal(page: Page): Promise<number> {
  const response = await page.request.get('/api/v1/recipients?site=REDMOND&perPage=1');
  expect(response.ok()).toBeTruthy();
  return (await response.json()).total;
}

test('[LARGE] REDMOND\'s 33,000 recipients: the list scrolls, pages by mouse and keyboard, and reaches the last page', async ({ page }) => {
  const total = await redmondTotal(page);
  expect(total).toBeGreaterThanOrEqual(SEEDED_PER_SITE);
  const pageCount = Math.ceil(total / PER_PAGE);
  const timings: Record<string, number> = {};

  await page.goto('/sites/REDMOND/recipients');
  await expect(countText(page, 1, PER_PAGE, total)).toBeVisible();
  await expect(rows(page)).toHaveCount(PER_PAGE);
  await expect(page.getByText(new RegExp(`^${num(total)} objects$`))).toBeVisible();
  await expect(page.getByText(`Page 1 of ${pageCount}`)).toBeVisible();
  const firstPage = await displayNames(page);
  expectOrdered(firstPage, 'asc');

  // The page's 50 rows do not fit the pane: the wheel scrolls the list to its last row, and the
  // pager stays in view under it.
  await expect(rows(page).last()).not.toBeInViewport();
  await grid(page).hover();
  await page.mouse.wheel(0, 5000);
  await expect(rows(page).last()).toBeInViewport();
  await expect(rows(page).first()).not.toBeInViewport();
  const next = page.getByRole('button', { name: 'Next ▶' });
  await expect(next).toBeInViewport();

  timings.next = await timed(() => next.click(), countText(page, PER_PAGE + 1, 2 * PER_PAGE, total));
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  // The new page shows from its top, not scrolled to where the last one was.
  await expect(rows(page).first()).toBeInViewport();
  await expect(page.getByText(`Page 2 of ${pageCount}`)).toBeVisible();
  const secondPage = await displayNames(page);
  expect(secondPage).toHaveLength(PER_PAGE);
  expect(secondPage).not.toContain(firstPage[0]);
  expectOrdered([firstPage[PER_PAGE - 1], ...secondPage], 'asc');

  // Keyboard: Page Down / Page Up on the list, which keeps the keyboard (on the new page's first
  // row, so they can be pressed again); then the pager's own button.
  await rows(page).nth(3).click();
  timings.pageDown = await timed(() => page.keyboard.press('PageDown'), countText(page, 2 * PER_PAGE + 1, 3 * PER_PAGE, total));
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await expect(rows(page).first()).toBeFocused();
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('PageDown');
  await expect(countText(page, 3 * PER_PAGE + 1, 4 * PER_PAGE, total)).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(countText(page, 2 * PER_PAGE + 1, 3 * PER_PAGE, total)).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(countText(page, PER_PAGE + 1, 2 * PER_PAGE, total)).toBeVisible();
  expect(await displayNames(page)).toEqual(secondPage);
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(countText(page, 2 * PER_PAGE + 1, 3 * PER_PAGE, total)).toBeVisible();

  // The last page: the remainder of the site, still in order; nothing further.
  timings.last = await timed(
    () => page.getByRole('button', { name: 'Last ▶|' }).click(),
    countText(page, (pageCount - 1) * PER_PAGE + 1, total, total),
  );
  await expect(page).toHaveURL(new RegExp(`[?&]page=${pageCount}(&|$)`));
  await expect(page.getByText(`Page ${pageCount} of ${pageCount}`)).toBeVisible();
  await expect(rows(page)).toHaveCount(total - (pageCount - 1) * PER_PAGE);
  expectOrdered(await displayNames(page), 'asc');
  await expect(next).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Last ▶|' })).toBeDisabled();
  await page.getByRole('button', { name: '|◀ First' }).click();
  await expect(countText(page, 1, PER_PAGE, total)).toBeVisible();
  expect(await displayNames(page)).toEqual(firstPage);

  // Each page of 33,000 answers in well under a second (the server reads only the page).
  console.log(`[LARGE] from a pager click or key to the page shown, ms: ${JSON.stringify(timings)}`);
  for (const [step, ms] of Object.entries(timings)) expect(ms, `${step} took ${ms} ms`).toBeLessThan(1000);
});

test('[LARGE] sorting by alias and by display name orders the whole site, and the URL keeps the sort', async ({ page }) => {
  const total = await redmondTotal(page);
  await page.goto('/sites/REDMOND/recipients');
  await expect(countText(page, 1, PER_PAGE, total)).toBeVisible();
  const aliasHeader = page.getByRole('columnheader', { name: /Alias Name/ });

  await aliasHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=alias(&|$)/);
  await expect(aliasHeader).toHaveAttribute('aria-sort', 'ascending');
  await aliasHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-alias(&|$)/);
  await expect(aliasHeader).toHaveAttribute('aria-sort', 'descending');
  // The seeded aliases are r000000 to r033333: descending, the highest ones come first, in a run.
  await expect(rows(page).first()).not.toHaveText(/r000000/);
  const firstPage = await aliases(page);
  expectOrdered(firstPage, 'desc');
  const top = firstPage.indexOf(`r${String(SEEDED_PER_SITE - 1).padStart(6, '0')}`);
  expect(top, `r033333 on the first page: ${firstPage.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(firstPage.slice(top, top + 3)).toEqual(['r033333', 'r033332', 'r033331']);

  // The next page carries on below the first, and a reload keeps page and sort.
  await page.getByRole('button', { name: 'Next ▶' }).click();
  await expect(countText(page, PER_PAGE + 1, 2 * PER_PAGE, total)).toBeVisible();
  const secondPage = await aliases(page);
  expectOrdered([firstPage[PER_PAGE - 1], ...secondPage], 'desc');
  await page.reload();
  await expect(countText(page, PER_PAGE + 1, 2 * PER_PAGE, total)).toBeVisible();
  await expect(page).toHaveURL(/[?&]sort=-alias(&|$)/);
  expect(await aliases(page)).toEqual(secondPage);

  // Display Name: ascending first (back to page 1), then descending ("Zimmermann, ..." first).
  const nameHeader = page.getByRole('columnheader', { name: /Display Name/ });
  await nameHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=displayName(&|$)/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(countText(page, 1, PER_PAGE, total)).toBeVisible();
  const ascending = await displayNames(page);
  expectOrdered(ascending, 'asc');
  expect(ascending[0]).toMatch(/^Abercrombie, /);

  await nameHeader.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-displayName(&|$)/);
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first()).toHaveText(/Zimmermann, /);
  const descending = await displayNames(page);
  expectOrdered(descending, 'desc');
  await page.reload();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await displayNames(page)).toEqual(descending);
});

test('[LARGE] Find narrows the site by display name, alias or secondary address, and opens the recipient found', async ({ page }) => {
  await page.goto('/sites/REDMOND/recipients');
  const find = page.getByLabel('Find:');
  await expect(rows(page)).toHaveCount(PER_PAGE);

  // Display name begins with "Young, U" (typed in lower case): 1,282 of the site, over 26 pages.
  await find.fill('young, u');
  await expect(page).toHaveURL(/[?&]q=young%2C(\+|%20)u(&|$)/);
  await expect(countText(page, 1, PER_PAGE, 1282)).toBeVisible();
  for (const name of await displayNames(page)) expect(name).toMatch(/^Young, Uma /);
  await page.getByRole('button', { name: 'Last ▶|' }).click();
  await expect(countText(page, 1251, 1282, 1282)).toBeVisible();
  for (const name of await displayNames(page)) expect(name).toMatch(/^Young, Uma /);

  // Alias begins with "R0333": exactly r033300 to r033333, none of the aliases that merely contain it.
  await find.fill('R0333');
  await expect(countText(page, 1, 34, 34)).toBeVisible();
  expect((await aliases(page)).sort()).toEqual(Array.from({ length: 34 }, (_, n) => `r0333${String(n).padStart(2, '0')}`));

  // A secondary address's beginning, in upper case: the four Yuki mailboxes r0123xx whose
  // secondary address (in a hosted domain) begins so. Nothing visible in the rows matches it.
  await find.fill('YUKI.R0123');
  await expect(countText(page, 1, 4, 4)).toBeVisible();
  expect(await aliases(page)).toEqual(['r012320', 'r012346', 'r012372', 'r012398']);
  expect(await displayNames(page)).toEqual(['Ito, Yuki 12320', 'Ito, Yuki 12346', 'Ito, Yuki 12372', 'Ito, Yuki 12398']);

  // The whole secondary address finds the one mailbox; Enter opens it, and its E-mail Addresses
  // tab lists the address, secondary (lower-case "smtp") beside the primary one.
  await find.fill(FOUND.secondary);
  await expect(countText(page, 1, 1, 1)).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(FOUND.displayName);
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toHaveAccessibleName(`${FOUND.displayName} Properties`);
  await sheet(page).getByRole('tab', { name: 'E-mail Addresses' }).click();
  const addresses = sheet(page).getByRole('row');
  await expect(addresses.filter({ hasText: FOUND.secondary }).getByRole('cell').first()).toHaveText('smtp');
  await expect(addresses.filter({ hasText: `${FOUND.alias}@adatum.com` }).getByRole('cell').first()).toHaveText('SMTP');

  // Closing the sheet returns to the filtered list, the recipient still selected.
  await page.keyboard.press('Escape');
  await expect(sheet(page)).toBeHidden();
  await expect(find).toHaveValue(FOUND.secondary);
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
});

test('[LARGE] Tools → Find Recipients finds the mailbox by its secondary address among 100,000 and opens it', async ({ page }) => {
  const findWindow = page.getByRole('region', { name: /^Find Recipients - / });
  const address = page.getByRole('search', { name: 'Find Recipients' }).getByRole('textbox', { name: 'E-mail address:' });
  const found = page.getByRole('grid', { name: 'Recipients found' }).locator('tbody').getByRole('row');
  await page.goto('/');
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Find Recipients...' }).click();
  await expect(findWindow).toBeVisible();

  // Thousands of secondary addresses in the three sites begin with "yuki.": the window lists the
  // first 200, all of them such addresses, and says there are more.
  const timings: Record<string, number> = {};
  await address.fill('yuki.');
  timings.many = await timed(() => address.press('Enter'), findWindow.getByRole('status').filter({ hasText: /^More than 200 recipients match/ }));
  await expect(found).toHaveCount(200);
  for (const cell of await found.locator('td:nth-child(5)').allInnerTexts()) expect(cell).toMatch(/^smtp:yuki\.[rpt]\d{6}@h\d\d\.hosted-adatum\.example$/);

  // The whole address, in upper case: the one mailbox, in REDMOND; Enter opens its property sheet.
  await address.fill(FOUND.secondary.toUpperCase());
  timings.one = await timed(() => address.press('Enter'), findWindow.getByRole('status').filter({ hasText: /^1 recipient found\.$/ }));
  await expect(found).toHaveCount(1);
  await expect(found.first().getByRole('gridcell')).toHaveText([FOUND.displayName, FOUND.alias, 'REDMOND', 'Mailbox', `smtp:${FOUND.secondary}`]);
  await address.press('ArrowDown');
  await expect(found.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sheet(page)).toHaveAccessibleName(`${FOUND.displayName} Properties`);
  await expect(page).toHaveURL(/\/sites\/REDMOND\/recipients\/\d+\/general$/);
  await sheet(page).getByRole('tab', { name: 'E-mail Addresses' }).click();
  await expect(sheet(page).getByRole('row').filter({ hasText: FOUND.secondary }).getByRole('cell').first()).toHaveText('smtp');

  console.log(`[LARGE] Find Recipients, from Enter to the results shown, ms: ${JSON.stringify(timings)}`);
  for (const [step, ms] of Object.entries(timings)) expect(ms, `${step} took ${ms} ms`).toBeLessThan(1000);
});
