import path from 'node:path';
import { expect, test } from '@playwright/test';

// The README's screenshot. Playwright runs the spec files in name order on one worker, so this
// file (named to sort first, before audit-log.spec.ts) shows the demo organization before other
// tests add recipients.
test('[SHELL] the console at 1280×800 (docs/console.png)', async ({ page }) => {
  const tree = page.getByRole('tree', { name: 'Hierarchy' });
  const treeItem = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  await page.goto('/sites/REDMOND/recipients');
  await expect(page.getByText('Microsoft Exchange Administrator - [ADATUM]')).toBeVisible();
  await expect(page.getByText('11 objects')).toBeVisible();
  await expect(treeItem('Recipients')).toHaveAttribute('aria-selected', 'true');
  await treeItem('Configuration').locator('.tree-expander').first().click();
  await expect(treeItem('Site Addressing')).toBeVisible();
  await treeItem('Recipients').focus();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join('docs', 'console.png') });
});
