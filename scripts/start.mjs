// `npm start`: migrate (and on first start seed) the embedded database, build if needed, serve.
//   PORT (default 3000), HOST (default 0.0.0.0 as `next start`), DATABASE_URL (default file:./data/xadm.db)
import { spawn, spawnSync } from 'node:child_process';
import { buildIfNeeded, nextBin, root, serverNodeArgs } from './next-build.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const prepared = spawnSync(process.execPath, ['scripts/prepare-db.mjs'], { cwd: root, env, stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
buildIfNeeded(env);

const args = [...serverNodeArgs, nextBin, 'start', '-p', env.PORT || '3000', ...(env.HOST ? ['-H', env.HOST] : [])];
const server = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
