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
});

afterAll(async () => {
  const { db } = await import('@/lib/server/db');
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});
