// Before the console starts: migrate the database DATABASE_URL names (SQLite by default,
// PostgreSQL for a postgresql:// URL), and seed it when it is empty.
import { spawnSync } from 'node:child_process';
import { deploy } from './migrate.mjs';
import { describeDatabase } from './db-url.mjs';

const applied = await deploy();
if (applied.length) console.log(`Database ${describeDatabase()}: applied ${applied.join(', ')}`);

// The seed uses the app's own data layer (the same address generation as the console);
// the react-server condition lets its `server-only` imports load outside Next.js.
const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'prisma/seed.ts'], { stdio: 'inherit' });
process.exit(seed.status ?? 1);
