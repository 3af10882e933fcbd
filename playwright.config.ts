import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// XADM_E2E_PORT (with XADM_DIST_DIR) lets two runs share a checkout without sharing a server.
const PORT = Number(process.env.XADM_E2E_PORT || 3100);
/** The e2e database's first administrator (scripts/e2e-server.mjs seeds it with this password). */
export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' };
/** The signed-in browser state every test starts from (e2e/global-setup.ts writes it). */
export const ADMIN_STATE = `e2e/.auth/admin-${PORT}.json`;

// Playwright cannot download its browsers on these machines; Debian's Chromium works
// (see shared/TOOLCHAIN.md). Elsewhere Playwright's own Chromium is used.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    storageState: ADMIN_STATE,
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      // Without the background-networking flags Chromium keeps calling home on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { XADM_E2E_PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1', XADM_ADMIN_PASSWORD: E2E_ADMIN.password },
  },
});
