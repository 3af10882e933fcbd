// Every test file gets its own real SQLite database file, migrated with the project's own
// migrations and holding the empty organization (ADATUM / REDMOND / Administrator).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { deploy } from '../scripts/migrate.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-test-'));
const file = path.join(dir, 'test.db');
process.env.DATABASE_URL = `file:${file}`;
deploy(file);

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
  fs.rmSync(dir, { recursive: true, force: true });
});
