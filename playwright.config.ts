import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// XADM_E2E_PORT (with XADM_DIST_DIR) lets two runs share a checkout without sharing a server.
const PORT = Number(process.env.XADM_E2E_PORT || 3100);
/** The e2e database's first administrator (scripts/e2e-server.mjs seeds it with this password). */
export const E2E_ADMIN = { username: 'admin', password: 'e2e-admin-password' };
/** The signed-in browser state every test starts from (e2e/global-setup.ts writes it). */
export const ADMIN_STATE = `e2e/.auth/admin-${PORT}.json`;
/**
 * The large organization (issue 6: 100,000 recipients, `npm run seed:large`) on the next port,
 * so the other specs keep the small demo organization. e2e/large-organization.spec.ts uses it.
 */
export const LARGE_BASE_URL = `http://127.0.0.1:${PORT + 1}`;
/** The signed-in browser state for the large organization's server. */
export const LARGE_ADMIN_STATE = `e2e/.auth/admin-large-${PORT + 1}.json`;

// Playwright cannot download its browsers on these machines; Debian's Chromium works
// (see shared/TOOLCHAIN.md). Elsewhere Playwright's own Chromium is used.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Runs on another port keep their own results and report, so they do not clear each other's.
const outputs = process.env.XADM_E2E_PORT ? { outputDir: `test-results/port-${PORT}`, report: `playwright-report/port-${PORT}` } : { outputDir: 'test-results', report: 'playwright-report' };

export default defineConfig({
  testDir: 'e2e',
  outputDir: outputs.outputDir,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never', outputFolder: outputs.report }]],
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
  // Playwright starts these one after the other: the first builds the console when the sources
  // changed, the second (the large organization) serves that build and never builds it again.
  webServer: [
    {
      command: 'node scripts/e2e-server.mjs',
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { XADM_E2E_PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1', XADM_ADMIN_PASSWORD: E2E_ADMIN.password },
    },
    {
      // The demo organization, then 100,000 recipients through Directory Import (20-40 s here).
      command: 'node scripts/e2e-server.mjs',
      url: LARGE_BASE_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { XADM_E2E_PORT: String(PORT + 1), XADM_E2E_LARGE: '1', NEXT_TELEMETRY_DISABLED: '1', XADM_ADMIN_PASSWORD: E2E_ADMIN.password },
    },
  ],
});
