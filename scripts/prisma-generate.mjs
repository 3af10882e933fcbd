// Runs `prisma generate` without the network, for both databases: lib/generated/prisma (SQLite,
// from prisma/schema.prisma) and lib/generated/prisma-pg (PostgreSQL, from
// prisma/postgresql/schema.prisma, first written from schema.prisma). Generate never executes the
// schema engine, it only checks that the path exists (see ../shared/TOOLCHAIN.md), so point it at
// this file.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writePostgresSchema } from './migrate.mjs';

writePostgresSchema();
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
