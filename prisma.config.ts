import { defineConfig } from 'prisma/config';

// The CLI is only used offline for `prisma generate` (see scripts/prisma-generate.mjs);
// migrations are created and applied by scripts/migrate.mjs (no network, no native engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/xadm.db' },
});
