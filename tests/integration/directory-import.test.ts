// Directory Import on a real database file, through importDirectory (the one code path), the API
// routes and `npm run directory`: every refusal names its line and leaves the directory as it
// was; export → import into an empty organisation → export gives the same file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import * as importJobRoute from '@/app/api/v1/directory/import-jobs/[id]/route';
import * as problemsRoute from '@/app/api/v1/directory/import-jobs/[id]/problems.csv/route';
import * as importJobsRoute from '@/app/api/v1/directory/import-jobs/route';
import * as importRoute from '@/app/api/v1/directory/import/route';
import type { ImportOptions, ImportReport } from '@/lib/core/directory-import/report';
import { db } from '@/lib/server/db';
import { exportDirectory } from '@/lib/server/directory-export/export-directory';
import { importDirectory } from '@/lib/server/directory-import/import-directory';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { directoryExportQuerySchema } from '@/lib/validation/directory-export';
import { makeMailbox, uniqueName } from '../factories';
import { authHeader, expectErrorShape } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

const root = path.resolve(__dirname, '../..');
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const OPTIONS: ImportOptions = { overwrite: false, validateOnly: false, applyValid: false };

const run = (text: string | Uint8Array, options: Partial<ImportOptions> = {}) =>
  importDirectory(typeof text === 'string' ? Buffer.from(text) : text, { ...OPTIONS, ...options });

async function byName(directoryName: string) {
  const row = await db.recipient.findFirst({ where: { directoryName }, select: { id: true } });
  return row ? getRecipient(row.id) : null;
}

const addresses = (r: { proxyAddresses: Array<{ type: string; address: string; primary: boolean }> }) =>
  r.proxyAddresses.map((p) => `${p.primary ? p.type : p.type.toLowerCase()}:${p.address}`).sort();

/** Runs an import that must be refused whole: the report names `line` and the directory is unchanged. */
async function refusedWhole(text: string, line: number, column: string | null, options: Partial<ImportOptions> = {}) {
  const before = await directorySnapshot();
  const report = await run(text, options);
  expect(report.applied).toBe(false);
  expect(report.problems.map((p) => [p.line, p.column])).toContainEqual([line, column]);
  expect(report.message).toMatch(/^No changes were made/);
  expect(await directorySnapshot()).toEqual(before);
  return report;
}

describe('[DIRECTORY IMPORT] modes', () => {
  test("Q155594's example imports as written: a custom recipient with three secondary addresses", async () => {
    const name = uniqueName('User');
    const report = await run(csv(
      'Obj-Class,First Name,Last name,Display Name,Alias Name,Directory Name,E-mail Address,Secondary-Proxy-Addresses',
      `Remote,User,1,${name},${name},${name},SMTP:${name}@org.com,SMTP:${name}@org2.com%SMTP:${name}@org3.com%SMTP:${name}x@org2.com`,
    ));
    expect(report).toMatchObject({ applied: true, problems: [], counts: { created: 1, modified: 0, deleted: 0, unchanged: 0, rejected: 0 } });
    const created = (await byName(name))!;
    expect(created).toMatchObject({ kind: 'custom', displayName: name, alias: name, firstName: 'User', lastName: '1', targetAddress: `SMTP:${name}@org.com` });
    expect(addresses(created)).toEqual(expect.arrayContaining([`SMTP:${name}@org.com`, `smtp:${name}@org2.com`, `smtp:${name}@org3.com`, `smtp:${name}x@org2.com`, `smtp:${name}@adatum.com`]));
  });

  test('Create, Modify, Update and Delete', async () => {
    const [a, b, c] = [uniqueName('ma'), uniqueName('mb'), uniqueName('mc')];
    const created = await run(csv('Obj-Class,Mode,Directory Name,Display Name', `Mailbox,Create,${a},A`, `Mailbox,,${b},B`, `Mailbox,Update,${c},C`));
    expect(created.counts).toMatchObject({ created: 3 });
    expect((await byName(a))!.proxyAddresses.find((p) => p.type === 'SMTP')!.address).toBe(`${a}@adatum.com`);

    const changed = await run(csv('Obj-Class,Mode,Directory Name,Display Name', `Mailbox,Modify,${a},A2`, `Mailbox,Update,${b},B`, `Mailbox,Delete,${c},`));
    expect(changed.counts).toEqual({ created: 0, modified: 1, deleted: 1, unchanged: 1, rejected: 0 });
    expect((await byName(a))!).toMatchObject({ displayName: 'A2', version: 2 });
    expect(await byName(c)).toBeNull();
  });

  test('append adds secondary addresses; overwrite replaces them; ~DEL removes them', async () => {
    const mailbox = await makeMailbox();
    const dn = mailbox.directoryName;
    await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${dn},smtp:${dn}.one@fabrikam.com%smtp:${dn}.two@fabrikam.com`));
    expect(addresses((await byName(dn))!).filter((a) => a.startsWith('smtp:'))).toEqual([`smtp:${dn}.one@fabrikam.com`, `smtp:${dn}.two@fabrikam.com`]);
    await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${dn},smtp:${dn}.three@fabrikam.com`));
    expect(addresses((await byName(dn))!).filter((a) => a.startsWith('smtp:'))).toHaveLength(3);
    await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${dn},smtp:${dn}.four@fabrikam.com`), { overwrite: true });
    const overwritten = (await byName(dn))!;
    expect(addresses(overwritten).filter((a) => a.startsWith('smtp:'))).toEqual([`smtp:${dn}.four@fabrikam.com`]);
    expect(addresses(overwritten)).toContain(`SMTP:${dn}@adatum.com`);
    await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${dn},~DEL`));
    expect(addresses((await byName(dn))!).filter((a) => a.startsWith('smtp:'))).toEqual([]);
  });

  test('Validate only reports what would be done and changes nothing', async () => {
    const before = await directorySnapshot();
    const report = await run(csv('Obj-Class,Directory Name', `Mailbox,${uniqueName('dry')}`), { validateOnly: true });
    expect(report).toMatchObject({ applied: false, counts: { created: 1 }, problems: [] });
    expect(report.message).toMatch(/^Validate only: the file has no problems/);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a list and its members, created further down the file, in one import', async () => {
    const [list, member] = [uniqueName('dl'), uniqueName('mem')];
    const report = await run(csv('Obj-Class,Directory Name,Members', `dl,${list},${member}%Administrator`, `Mailbox,${member},`));
    expect(report.problems).toEqual([]);
    const created = (await byName(list))!;
    expect(created.members.map((m) => m.directoryName).sort()).toEqual(['Administrator', member].sort());
  });

  test('with "import the valid rows", the valid rows are applied and the rest reported', async () => {
    const [good, bad] = [uniqueName('good'), uniqueName('bad')];
    const report = await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${good},`, `Mailbox,${bad},smtp:not an address`), { applyValid: true });
    expect(report).toMatchObject({ applied: true, counts: { created: 1, rejected: 1 } });
    expect(report.problems.map((p) => p.line)).toEqual([3]);
    expect(await byName(good)).not.toBeNull();
    expect(await byName(bad)).toBeNull();
  });
});

describe('[DIRECTORY IMPORT] refusals name the line and change nothing', () => {
  test('a duplicate address inside the file', async () => {
    const [a, b] = [uniqueName('da'), uniqueName('db')];
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${a},smtp:${a}@fabrikam.com`, `Mailbox,${b},SMTP:${a.toUpperCase()}@FABRIKAM.COM`), 3, 'Secondary-Proxy-Addresses');
    expect(report.problems[0].reason).toContain(`already an address of '${a}' on line 2`);
  });

  test('a duplicate address against the directory', async () => {
    const holder = await makeMailbox();
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${uniqueName('dup')},smtp:${holder.alias}@adatum.com`), 2, 'Secondary-Proxy-Addresses');
    expect(report.problems[0].reason).toContain(`This e-mail address already exists in this organization: SMTP:${holder.alias}@adatum.com belongs to ${holder.displayName}`);
  });

  test('bad quoting stops the file, even with "import the valid rows"', async () => {
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Display Name', `Mailbox,${uniqueName('q')},Fine`, `Mailbox,${uniqueName('q')},"Unclosed`), 3, 'Display Name', { applyValid: true });
    expect(report.problems[0].reason).toContain('The rest of the file was not read.');
  });

  test('an unknown column', async () => {
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Favourite Colour', `Mailbox,${uniqueName('u')},blue`), 1, 'Favourite Colour');
    expect(report.problems[0].reason).toContain("'Favourite Colour' is not an attribute Directory Import knows");
  });

  test('a missing key: no Directory Name column, or an empty directory name', async () => {
    await refusedWhole(csv('Obj-Class,Display Name', 'Mailbox,Nobody'), 1, null);
    await refusedWhole(csv('Obj-Class,Directory Name,Display Name', 'Mailbox,,Nobody'), 2, 'Directory Name');
  });

  test('a wrong Obj-Class, and one that is not the existing object\'s', async () => {
    await refusedWhole(csv('Obj-Class,Directory Name', `Person,${uniqueName('w')}`), 2, 'Obj-Class');
    const mailbox = await makeMailbox();
    await refusedWhole(csv('Obj-Class,Directory Name', `dl,${mailbox.directoryName}`), 2, 'Obj-Class');
  });

  test.each([
    ['SMTP', 'smtp:two@@fabrikam.com'],
    ['X400', 'x400:c=US;not an x400'],
    ['MS', 'ms:NETWORK/ONLY'],
    ['CCMAIL', 'ccmail:no at-part'],
  ])('a bad %s address', async (_type, value) => {
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${uniqueName('ba')},${value}`), 2, 'Secondary-Proxy-Addresses');
    expect(report.problems[0].value).toBe(value);
  });

  test('a member that does not exist', async () => {
    const report = await refusedWhole(csv('Obj-Class,Directory Name,Members', `Mailbox,${uniqueName('m')},`, `dl,${uniqueName('l')},ghost-member`), 3, 'Members');
    expect(report.counts).toMatchObject({ created: 1, rejected: 1 });
  });

  test('Mode Modify of a recipient that does not exist', async () => {
    await refusedWhole(csv('Obj-Class,Mode,Directory Name,Display Name', `Mailbox,Modify,${uniqueName('ghost')},X`), 2, 'Directory Name');
  });
});

// What is written, on either database (PostgreSQL's writer batches the rows by kind, SQLite's
// writes them in file order: the directory must come out the same).
describe('[DIRECTORY IMPORT] writes', () => {
  const keysOf = (directoryName: string) =>
    db.recipient.findFirstOrThrow({
      where: { directoryName },
      select: { displayName: true, displayNameKey: true, alias: true, aliasKey: true, version: true, proxyAddresses: { select: { address: true, addressKey: true }, orderBy: { id: 'asc' } } },
    });

  test('addresses that rows remove, or free by deleting their recipient, are taken by later rows', async () => {
    const [holder, gone] = [await makeMailbox(), await makeMailbox()];
    const [x, y] = [`${holder.alias}.x@fabrikam.com`, `${gone.alias}.y@fabrikam.com`];
    await run(csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${holder.directoryName},smtp:${x}`, `Mailbox,${gone.directoryName},smtp:${y}`));
    const taker = uniqueName('taker');
    const report = await run(csv(
      'Obj-Class,Mode,Directory Name,Secondary-Proxy-Addresses',
      `Mailbox,Update,${holder.directoryName},~DEL`,
      `Mailbox,Delete,${gone.directoryName},`,
      `Mailbox,Create,${taker},smtp:${x}%smtp:${y}`,
    ));
    expect(report).toMatchObject({ applied: true, problems: [], counts: { created: 1, modified: 1, deleted: 1 } });
    expect(addresses((await byName(taker))!)).toEqual(expect.arrayContaining([`smtp:${x}`, `smtp:${y}`]));
    expect(addresses((await byName(holder.directoryName))!)).not.toContain(`smtp:${x}`);
    expect(await byName(gone.directoryName)).toBeNull();
  });

  test('new and changed recipients carry the search keys of their names and addresses, and a change moves the version', async () => {
    const name = uniqueName('Keys');
    await run(csv('Obj-Class,Directory Name,Display Name,Alias Name,Secondary-Proxy-Addresses', `Mailbox,${name},Zoë ÅSTRÖM,${name}A,smtp:Zoe.${name}@Fabrikam.COM`));
    const created = await keysOf(name);
    expect(created).toMatchObject({ displayNameKey: 'zoë åström', aliasKey: `${name}a`.toLowerCase(), version: 1 });
    for (const p of created.proxyAddresses) expect(p.addressKey).toBe(p.address.normalize('NFC').toLowerCase());

    // Proxy-Addresses appended: its upper-case prefix makes the new address the reply address.
    await run(csv('Obj-Class,Directory Name,Display Name,Alias Name,Proxy-Addresses', `Mailbox,${name},ÉLODIE Ünal,${name}B,SMTP:Reply.${name}@Fabrikam.com`));
    const changed = await keysOf(name);
    expect(changed).toMatchObject({ displayName: 'ÉLODIE Ünal', displayNameKey: 'élodie ünal', aliasKey: `${name}b`.toLowerCase(), version: 2 });
    for (const p of changed.proxyAddresses) expect(p.addressKey).toBe(p.address.normalize('NFC').toLowerCase());
    expect(addresses((await byName(name))!)).toEqual(expect.arrayContaining([`SMTP:Reply.${name}@Fabrikam.com`, `smtp:${name}A@adatum.com`]));
  });

  test("a list's members are replaced with overwrite, and removed with ~DEL", async () => {
    const [a, b, c] = [await makeMailbox(), await makeMailbox(), await makeMailbox()];
    const list = uniqueName('dl');
    await run(csv('Obj-Class,Directory Name,Members', `dl,${list},${a.directoryName}%${b.directoryName}`));
    const members = async () => (await byName(list))!.members.map((m) => m.directoryName).sort();
    expect(await members()).toEqual([a.directoryName, b.directoryName].sort());
    await run(csv('Obj-Class,Directory Name,Members', `dl,${list},${c.directoryName}`));
    expect(await members()).toEqual([a.directoryName, b.directoryName, c.directoryName].sort());
    await run(csv('Obj-Class,Directory Name,Members', `dl,${list},${c.directoryName}%${a.directoryName}`), { overwrite: true });
    expect(await members()).toEqual([a.directoryName, c.directoryName].sort());
    await run(csv('Obj-Class,Directory Name,Members', `dl,${list},~DEL`));
    expect(await members()).toEqual([]);
  });
});

describe('[DIRECTORY IMPORT] concurrency', () => {
  test('an import waits for a console write that holds the lock in the same process, without freezing it', async () => {
    const mailbox = await makeMailbox();
    const name = uniqueName('wait');
    let released = false;
    const write = db.$transaction(async (tx) => {
      await tx.recipient.update({ where: { id: mailbox.id }, data: { displayName: 'Held' }, select: { id: true } });
      // The write lock is held across turns of the event loop, as a property sheet's save does.
      await new Promise((resolve) => setTimeout(resolve, 300));
      released = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const report = await run(csv('Obj-Class,Directory Name', `Mailbox,${name}`));
    await write;
    expect(released).toBe(true);
    expect(report.applied).toBe(true);
    expect(await byName(name)).not.toBeNull();
    expect((await byName(mailbox.directoryName))!.displayName).toBe('Held');
  });
});

describe('[DIRECTORY IMPORT] files', () => {
  test('an ANSI (Windows-1252) file written for Exchange 5.5 imports with its accents', async () => {
    const name = uniqueName('zoe');
    await run(Buffer.from(csv('Obj-Class,Directory Name,Display Name', `Mailbox,${name},Zoë Ørsted`), 'latin1'));
    expect((await byName(name))!.displayName).toBe('Zoë Ørsted');
  });
});

describe('[DIRECTORY IMPORT] export → import into an empty organization → export', () => {
  /** The empty organization: every recipient but the seeded Administrator removed. */
  const empty = () => db.recipient.deleteMany({ where: { NOT: { directoryName: 'Administrator' } } });
  const exportAll = async () => {
    const result = await exportDirectory(directoryExportQuerySchema.parse({}));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.text;
  };

  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
  const text = fc.stringMatching(/^[A-Za-z][A-Za-z ,"'.-]{0,14}[A-Za-z]$/);
  const recipient = fc.record({
    kind: fc.constantFrom('Mailbox', 'Remote', 'dl'),
    first: fc.option(text, { nil: '' }),
    last: fc.option(text, { nil: '' }),
    display: text,
    secondaries: fc.uniqueArray(fc.tuple(fc.constantFrom('smtp', 'x400', 'ms'), word), { maxLength: 3, selector: ([t, w]) => `${t}${w.toLowerCase()}` }),
  });

  test('gives the same file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recipient, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1_000_000 }), async (people, seed) => {
        await empty();
        const names = people.map((_, i) => `rt${seed}n${i}`);
        const secondary = ([type, w]: [string, string], i: number) =>
          type === 'smtp' ? `smtp:${w}.${i}@fabrikam.com` : type === 'ms' ? `ms:FAB/PO${i}/${w.toUpperCase().slice(0, 8)}` : `x400:c=US;a= ;p=FAB;o=O${i};s=${w};`;
        const rows = people.map((p, i) => {
          const target = p.kind === 'Remote' ? `SMTP:${names[i]}@partner.example` : '';
          const members = p.kind === 'dl' ? names.filter((_, j) => j !== i && j % 2 === 0).join('%') : '';
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
          return [p.kind, names[i], quote(p.first), quote(p.last), quote(p.display), target, p.secondaries.map((s) => secondary(s, i)).join('%'), members].join(',');
        });
        const setup = await run(csv('Obj-Class,Directory Name,First Name,Last Name,Display Name,E-mail Address,Secondary-Proxy-Addresses,Members', ...rows));
        expect(setup.problems).toEqual([]);
        const first = await exportAll();
        await empty();
        const reimport = await run(first);
        expect(reimport.problems).toEqual([]);
        expect(await exportAll()).toBe(first);
      }),
      { numRuns: 15 },
    );
    await empty();
  }, 60_000);
});

describe('[DIRECTORY IMPORT] API', () => {
  const post = (route: typeof importRoute.POST, path: string, body: string | null, query = '') =>
    route(new NextRequest(`http://localhost${path}${query}`, { method: 'POST', headers: { ...authHeader(), ...(body !== null && { 'content-type': 'text/csv' }) }, ...(body !== null && { body }) }), {
      params: Promise.resolve({}),
    });
  const read = async (response: Response) => ({ status: response.status, body: await response.json(), contentType: response.headers.get('content-type') });

  test('POST /api/v1/directory/import answers with the report', async () => {
    const name = uniqueName('api');
    const result = await read(await post(importRoute.POST, '/api/v1/directory/import', csv('Obj-Class,Directory Name', `Mailbox,${name}`), '?site=redmond'));
    expect(result.status).toBe(200);
    expect((result.body as ImportReport)).toMatchObject({ site: 'REDMOND', applied: true, counts: { created: 1 } });
  });

  test('bad options, an unknown site and an empty body are refused by name, and nothing changes', async () => {
    const before = await directorySnapshot();
    const file = csv('Obj-Class,Directory Name', `Mailbox,${uniqueName('no')}`);
    expect(expectErrorShape(await read(await post(importRoute.POST, '/api/v1/directory/import', file, '?overwrite=yes')), 422).fields).toHaveProperty('overwrite');
    expect(expectErrorShape(await read(await post(importRoute.POST, '/api/v1/directory/import', file, '?mode=create')), 422).message).toContain('mode');
    expect(expectErrorShape(await read(await post(importRoute.POST, '/api/v1/directory/import', file, '?site=NOWHERE')), 404).message).toBe("There is no site named 'NOWHERE'.");
    expect(expectErrorShape(await read(await post(importRoute.POST, '/api/v1/directory/import', '')), 422).fields).toHaveProperty('file');
    expect(await directorySnapshot()).toEqual(before);
  });

  test('an import job: started, polled until done, its problems as CSV', async () => {
    const started = await read(await post(importJobsRoute.POST, '/api/v1/directory/import-jobs', csv('Obj-Class,Directory Name', `Person,${uniqueName('job')}`), '?fileName=people.csv'));
    expect(started.status).toBe(202);
    const id = started.body.job.id as string;
    let job = started.body.job;
    for (let i = 0; i < 100 && job.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await read(await importJobRoute.GET(new NextRequest(`http://localhost/api/v1/directory/import-jobs/${id}`, { headers: authHeader() }), { params: Promise.resolve({ id }) }))).body.job;
    }
    expect(job).toMatchObject({ state: 'done', fileName: 'people.csv', progress: { phase: 'done' }, report: { applied: false, counts: { rejected: 1 } } });
    const problems = await problemsRoute.GET(new NextRequest(`http://localhost/api/v1/directory/import-jobs/${id}/problems.csv`, { headers: authHeader() }), { params: Promise.resolve({ id }) });
    expect(problems.headers.get('content-disposition')).toBe('attachment; filename="people-problems.csv"');
    expect(await problems.text()).toMatch(/^Line,Column,Value,Reason\r\n2,Obj-Class,Person,"Obj-Class must be Mailbox, Remote/);
    const unknown = await importJobRoute.GET(new NextRequest('http://localhost/api/v1/directory/import-jobs/nope', { headers: authHeader() }), { params: Promise.resolve({ id: 'nope' }) });
    expectErrorShape(await read(unknown), 404);
  });
});

describe('[DIRECTORY IMPORT] npm run directory', () => {
  // One process (tsx's CLI would run the script in a child of its own, which a kill would miss), on
  // this file's database (DATABASE_URL: a SQLite file or a PostgreSQL database).
  const cli = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(root, 'scripts/directory.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  });

  test('import and export from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-cli-'));
    const name = uniqueName('cli');
    fs.writeFileSync(path.join(dir, 'in.csv'), csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', `Mailbox,${name},smtp:${name}@fabrikam.com`));
    const finished = (child: ReturnType<typeof cli>) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        let out = '';
        let err = '';
        child.stdout!.on('data', (d) => (out += d));
        child.stderr!.on('data', (d) => (err += d));
        child.on('exit', (code) => resolve({ code, out, err }));
      });
    const imported = await finished(cli(['import', path.join(dir, 'in.csv'), '--site', 'REDMOND']));
    expect(imported, imported.err).toMatchObject({ code: 0 });
    expect(imported.out).toContain('Imported: 1 row (1 created).');
    const exported = await finished(cli(['export', path.join(dir, 'out.csv'), '--filter', name]));
    expect(exported.code, exported.err).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toContain(`smtp:${name}@fabrikam.com`);
    const refused = await finished(cli(['import', path.join(dir, 'in.csv'), '--site', 'NOWHERE']));
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.err).toContain("There is no site named 'NOWHERE'.");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('an import killed while it writes leaves the directory as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-kill-'));
    const file = path.join(dir, 'big.csv');
    // Longer than 10 characters: every row's MS address has the same base (ADATUM/REDMOND/KM…), so
    // Site Addressing numbers them all — the planner must not try 2, 3, ... from the start each time.
    const prefix = uniqueName('kill');
    const rows = Array.from({ length: 40_000 }, (_, i) => `Mailbox,${prefix}${i},smtp:${prefix}${i}@fabrikam.com%smtp:${prefix}${i}@contoso.com`);
    fs.writeFileSync(file, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', ...rows));
    const before = await directorySnapshot();
    const child = cli(['import', file]);
    const killed = await new Promise<string>((resolve) => {
      let err = '';
      child.stderr!.on('data', (d) => {
        err += d;
        // Some rows are written (the transaction is open): kill it without a chance to clean up.
        if (/Applying: [1-9]/.test(err) && child.exitCode === null) child.kill('SIGKILL');
      });
      child.stdout!.on('data', (d) => (err += d));
      child.on('exit', (_code, signal) => resolve(`${signal} ${err}`));
    });
    expect(killed).toMatch(/^SIGKILL/);
    expect(await directorySnapshot()).toEqual(before);
    // And it holds nothing up: the database let go of its lock (SQLite's file lock, PostgreSQL's
    // table locks) with the process.
    expect(await makeMailbox()).toMatchObject({ id: expect.any(Number) });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
