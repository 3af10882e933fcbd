import { expect, test } from '@playwright/test';

// Hardening (issue 5): every page and API answer carries the security headers, and the console
// works under its Content-Security-Policy (nothing it needs is blocked).
test('[SECURITY] pages and API answers carry the security headers; the console works under its CSP', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/sites/REDMOND/recipients');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  // The page is interactive: the client bundle ran (the menu opens).
  await page.getByRole('menubar').getByRole('menuitem', { name: 'Tools', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Tools' }).getByRole('menuitem', { name: 'Directory Import...' })).toBeVisible();
  expect(violations).toEqual([]);

  const api = await request.get('/api/v1/sites');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
