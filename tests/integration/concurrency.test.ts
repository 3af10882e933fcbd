// Two administrators save the same address on two different recipients at the same moment.
// Exactly one wins; the other gets Exchange's duplicate message naming the winner (Q251152), and
// the database holds the address once. Run both inside this process (one connection, so the
// adapter serialises the transactions) and from separate processes, each with its own
// PrismaClient and SQLite connection on the same file (real lock contention).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { type ErrorBody, errorBody, toAppError } from '@/lib/server/errors';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { DUPLICATE_MESSAGE } from '@/lib/server/recipients/proxy-addresses';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { updateProxyAddress } from '@/lib/server/recipients/update-proxy-address';
import { updateRecipient } from '@/lib/server/recipients/update-recipient';
import { makeMailbox, uniqueName } from '../factories';
import { holdersOf } from './helpers/snapshot';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(root, 'tests/integration/helpers/data-function-child.ts');
const TSX = path.join(root, 'node_modules/tsx/dist/cli.mjs');

type Outcome = { ok: true; value: unknown } | { ok: false; status: number; body: ErrorBody };

/** `npx tsx --conditions=react-server` on the child script, without npx's start-up cost. */
function startChild(fn: string, args: unknown[]) {
  const child = spawn(process.execPath, [TSX, '--conditions=react-server', CHILD, JSON.stringify({ fn, args })], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const result = new Promise<Outcome>((resolve, reject) => {
    child.on('close', (code) => {
      const line = stdout.split('\n')[1];
      if (code !== 0 || !line) reject(new Error(`child ${fn} exited with ${code}: ${stderr.slice(0, 2000)}`));
      else resolve(JSON.parse(line) as Outcome);
    });
  });
  return { ready: Promise.race([ready, result.then(() => undefined)]), go: () => child.stdin.end('go\n'), result };
}

/** The same shape for a data function run in this process. */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, status: appError.status, body: errorBody(appError) };
  }
}

/**
 * Exactly one outcome succeeded, every other one is a 409 with Exchange's message naming the
 * winner, and the address is stored once, on the winner.
 */
async function expectOneWinner(outcomes: Outcome[], contenders: RecipientDetail[], type: string, address: string) {
  const winners = outcomes.flatMap((o, i) => (o.ok ? [i] : []));
  expect(winners, JSON.stringify(outcomes).slice(0, 2000)).toHaveLength(1);
  const winner = contenders[winners[0]];
  for (const [i, outcome] of outcomes.entries()) {
    if (i === winners[0]) continue;
    expect(outcome).toMatchObject({ ok: false, status: 409, body: { error: { code: 'conflict' } } });
    const { message, fields } = (outcome as { body: ErrorBody }).body.error;
    expect(message.startsWith(`${DUPLICATE_MESSAGE}:`), message).toBe(true);
    expect(message).toContain(winner.displayName);
    expect(fields).toMatchObject({ holderId: String(winner.id) });
  }
  const holders = await holdersOf(proxyUniqueKey(type, address));
  expect(holders).toHaveLength(1);
  expect(holders[0].recipientId).toBe(winner.id);
}

async function contenders(n: number) {
  const made: RecipientDetail[] = [];
  for (let i = 0; i < n; i++) made.push(await makeMailbox({ displayName: uniqueName(`Admin${i} Contender`) }));
  return made;
}

const proxyInput = (r: RecipientDetail) => r.proxyAddresses.map(({ type, address, primary }) => ({ type, address, primary }));

describe('[CONCURRENCY] one process, Promise.allSettled', () => {
  test('two New on two recipients with the same address: one wins, the other is told who holds it', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await contenders(2);
      const address = `${uniqueName('race')}@domain2.com`;
      const settled = await Promise.allSettled([
        addProxyAddress(a.id, { type: 'SMTP', address }),
        addProxyAddress(b.id, { type: 'SMTP', address: address.toUpperCase() }),
      ]);
      const outcomes = settled.map((s): Outcome =>
        s.status === 'fulfilled' ? { ok: true, value: s.value } : { ok: false, status: toAppError(s.reason).status, body: errorBody(toAppError(s.reason)) },
      );
      await expectOneWinner(outcomes, [a, b], 'SMTP', address);
    }
  });

  test('New, Apply of a whole list, Edit and a new custom recipient racing for one address: one wins', async () => {
    const [a, b, c] = await contenders(3);
    const address = `${uniqueName('race')}@domain2.com`;
    const { proxy } = await addProxyAddress(c.id, { type: 'SMTP', address: `${c.alias}@domain2.com` });
    const customAlias = uniqueName('racecust');
    const outcomes = await Promise.all([
      outcomeOf(() => addProxyAddress(a.id, { type: 'SMTP', address })),
      outcomeOf(() => updateRecipient(b.id, { proxyAddresses: [...proxyInput(b), { type: 'SMTP', address, primary: false }] })),
      outcomeOf(() => updateProxyAddress(c.id, proxy!.id, { address })),
    ]);
    await expectOneWinner(outcomes, [a, b, c], 'SMTP', address);
    const late = await outcomeOf(() => createRecipient({ kind: 'custom', alias: customAlias, displayName: 'Late', targetAddress: `SMTP:${address}` }));
    expect(late).toMatchObject({ ok: false, status: 409 });
  });

  test("two new mailboxes with the same alias at once: both are created, the second gets alias2@", async () => {
    const alias = uniqueName('twin');
    const settled = await Promise.all([
      createRecipient({ kind: 'mailbox', alias, directoryName: `${alias}-a`, displayName: 'Twin A' }),
      createRecipient({ kind: 'mailbox', alias, directoryName: `${alias}-b`, displayName: 'Twin B' }),
    ]);
    const smtp = settled.map((r) => r.proxyAddresses.find((p) => p.type === 'SMTP')!.address).sort();
    expect(smtp).toEqual([`${alias}2@adatum.com`, `${alias}@adatum.com`]);
  });
});

describe('[CONCURRENCY] separate processes, one PrismaClient each, same database file', () => {
  test(
    'two processes (and this one) add the same address to three recipients at once: exactly one wins',
    async () => {
      for (let round = 0; round < 3; round++) {
        const [a, b, c] = await contenders(3);
        const address = `${uniqueName('xproc')}@domain2.com`;
        const children = [
          startChild('addProxyAddress', [a.id, { type: 'SMTP', address }]),
          startChild('addProxyAddress', [b.id, { type: 'SMTP', address: address.toUpperCase() }]),
        ];
        await Promise.all(children.map((child) => child.ready));
        for (const child of children) child.go();
        const here = outcomeOf(() => addProxyAddress(c.id, { type: 'SMTP', address }));
        const outcomes = await Promise.all([...children.map((child) => child.result), here]);
        await expectOneWinner(outcomes, [a, b, c], 'SMTP', address);
      }
    },
    120_000,
  );

  test(
    'Apply of a whole list in one process and Edit in another, for the same address: exactly one wins',
    async () => {
      const [a, b] = await contenders(2);
      const address = `${uniqueName('xproc')}@domain2.com`;
      const { proxy } = await addProxyAddress(b.id, { type: 'SMTP', address: `${b.alias}@domain2.com` });
      const children = [
        startChild('updateRecipient', [a.id, { proxyAddresses: [...proxyInput(a), { type: 'SMTP', address, primary: false }] }]),
        startChild('updateProxyAddress', [b.id, proxy!.id, { address }]),
      ];
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      await expectOneWinner(await Promise.all(children.map((child) => child.result)), [a, b], 'SMTP', address);
    },
    60_000,
  );

  test(
    'two processes create mailboxes with the same alias at once: both are created with different addresses',
    async () => {
      const alias = uniqueName('xtwin');
      const children = ['a', 'b'].map((suffix) =>
        startChild('createRecipient', [{ kind: 'mailbox', alias, directoryName: `${alias}-${suffix}`, displayName: `Twin ${suffix}` }]),
      );
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      const outcomes = await Promise.all(children.map((child) => child.result));
      expect(outcomes.every((o) => o.ok), JSON.stringify(outcomes).slice(0, 2000)).toBe(true);
      const smtp = outcomes
        .map((o) => (o as { value: RecipientDetail }).value.proxyAddresses.find((p) => p.type === 'SMTP')!.address)
        .sort();
      expect(smtp).toEqual([`${alias}2@adatum.com`, `${alias}@adatum.com`]);
    },
    60_000,
  );
});
