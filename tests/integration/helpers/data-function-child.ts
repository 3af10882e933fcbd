// A second process with its own PrismaClient (its own SQLite connection) on the same database
// file, for the concurrency tests. Run with:
//   DATABASE_URL=file:/path/test.db npx tsx --conditions=react-server tests/integration/helpers/data-function-child.ts '<json>'
// where <json> is { "fn": "addProxyAddress", "args": [...] } (see FUNCTIONS). It connects, prints "ready", waits
// for one line on stdin (the start signal, so that several processes start at the same moment),
// runs the data function and prints one JSON line: { ok: true, value } or { ok: false, status, body }.
import readline from 'node:readline';
import { db } from '@/lib/server/db';
import { errorBody, toAppError } from '@/lib/server/errors';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { updateProxyAddress } from '@/lib/server/recipients/update-proxy-address';
import { updateRecipient } from '@/lib/server/recipients/update-recipient';

const FUNCTIONS = { addProxyAddress, createRecipient, updateProxyAddress, updateRecipient } as const;

async function main() {
  const { fn, args } = JSON.parse(process.argv[2]) as { fn: keyof typeof FUNCTIONS; args: unknown[] };
  const run = FUNCTIONS[fn] as (...a: unknown[]) => Promise<unknown>;
  await db.recipient.count(); // open the connection before the start signal
  process.stdout.write('ready\n');
  const lines = readline.createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  let outcome: unknown;
  try {
    outcome = { ok: true, value: await run(...args) };
  } catch (error) {
    const appError = toAppError(error);
    outcome = { ok: false, status: appError.status, body: errorBody(appError) };
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
