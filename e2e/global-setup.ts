// Signs in once as the e2e database's first administrator and saves the browser state (the
// session cookie) every test starts from; the sign-in tests start from an empty state instead.
// The large organization's server (its own database) gets its own signed-in state.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type FullConfig, chromium } from '@playwright/test';
import { ADMIN_STATE, E2E_ADMIN, LARGE_ADMIN_STATE, LARGE_BASE_URL } from '../playwright.config';

async function signIn(browser: Browser, baseURL: string | undefined, statePath: string) {
  // A context of its own: cookies are per host, not per port, so the two servers' sessions
  // (both on 127.0.0.1) must not share a cookie jar.
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('User name:').fill(E2E_ADMIN.username);
    await page.getByLabel('Password:').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    fs.mkdirSync(path.dirname(statePath), { recursive: true });
    await context.storageState({ path: statePath });
  } finally {
    await context.close();
  }
}

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  const browser = await chromium.launch(launchOptions);
  try {
    await signIn(browser, baseURL, ADMIN_STATE);
    await signIn(browser, LARGE_BASE_URL, LARGE_ADMIN_STATE);
  } finally {
    await browser.close();
  }
}
