// Every test file gets its own real, migrated database holding the empty organization
// (ADATUM / REDMOND / Administrator): a SQLite file (vitest project "sqlite"), or a PostgreSQL
// database copied from the migrated template (project "postgresql", tests/pg-global-setup.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { deploy, withDatabase } from '../scripts/migrate.mjs';

const postgres = process.env.XADM_TEST_DB === 'postgresql';
let cleanup: () => Promise<void>;

if (postgres) {
  const server = inject('pgServer');
  const template = inject('pgTemplate');
  const name = `xadm_test_${crypto.randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  process.env.DATABASE_URL = withDatabase(server, name);
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-test-'));
  const file = path.join(dir, 'test.db');
  process.env.DATABASE_URL = `file:${file}`;
  await deploy(process.env.DATABASE_URL);
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

beforeAll(async () => {
  const { seedOrganization } = await import('@/lib/server/seed/seed-organization');
  await seedOrganization('empty');
  // The route handlers want a signed-in administrator: an API token of a Permissions Admin, which
  // tests/integration/helpers/api.ts sends with every call.
  const { createAdministrator, createApiToken } = await import('@/lib/server/auth/administrators');
  await createAdministrator({ username: 'tester', password: 'tester-password', role: 'permissions-admin' });
  process.env.XADM_TEST_TOKEN = (await createApiToken('tester', 'integration tests')).token;
});

afterAll(async () => {
  const { db } = await import('@/lib/server/db');
  await db.$disconnect();
  const { closePgPool } = await import('@/lib/server/pg-pool');
  await closePgPool();
  await cleanup();
});
