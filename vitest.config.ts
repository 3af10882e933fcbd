import path from 'node:path';
import { defineConfig } from 'vitest/config';

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
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: ['tests/setup-db.ts'],
    testTimeout: 30_000,
  },
});
