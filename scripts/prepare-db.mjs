// Before the console starts: create and migrate the database, and seed it when it is empty.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { deploy } from './migrate.mjs';
import { databaseUrl, sqlitePath } from './db-url.mjs';

const file = sqlitePath(databaseUrl());
const applied = deploy(file);
if (applied.length) console.log(`Database ${path.relative(process.cwd(), file)}: applied ${applied.join(', ')}`);

// The seed uses the app's own data layer (the same address generation as the console);
// the react-server condition lets its `server-only` imports load outside Next.js.
const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'prisma/seed.ts'], { stdio: 'inherit' });
process.exit(seed.status ?? 1);
