import path from 'node:path';
import { defineConfig } from 'vitest/config';

const INTEGRATION = ['tests/**/*.test.ts'];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // Data-layer files start with `import 'server-only'`; outside Next.js it is an empty module.
      { find: /^server-only$/, replacement: path.resolve(__dirname, 'tests/empty-module.ts') },
    ],
  },
  test: {
    environment: 'node',
    setupFiles: ['tests/setup-db.ts'],
    testTimeout: 30_000,
    // The unit tests once; the integration suite on each database (issue 6).
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['lib/**/*.test.ts', ...INTEGRATION], env: { XADM_TEST_DB: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'postgresql', include: INTEGRATION, env: { XADM_TEST_DB: 'postgresql' }, globalSetup: ['tests/pg-global-setup.ts'] },
      },
    ],
  },
});
