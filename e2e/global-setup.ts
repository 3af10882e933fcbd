// Signs in once as the e2e database's first administrator and saves the browser state (the
// session cookie) every test starts from; the sign-in tests start from an empty state instead.
import fs from 'node:fs';
import path from 'node:path';
import { type FullConfig, chromium } from '@playwright/test';
import { ADMIN_STATE, E2E_ADMIN } from '../playwright.config';

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto('/sign-in');
    await page.getByLabel('User name:').fill(E2E_ADMIN.username);
    await page.getByLabel('Password:').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    fs.mkdirSync(path.dirname(ADMIN_STATE), { recursive: true });
    await page.context().storageState({ path: ADMIN_STATE });
  } finally {
    await browser.close();
  }
}
