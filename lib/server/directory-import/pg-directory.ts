import 'server-only';
// Directory Import's access to PostgreSQL (issue 6): sqlite-directory.ts's work — the planner's
// lookups and the plan's writes — on a node-postgres client of the import's own, in one transaction.
//
// - All or nothing: BEGIN … COMMIT on one client; any error rolls back, and a process killed
//   midway leaves nothing (the server drops the transaction with the connection).
// - Other writers held off, as SQLite's BEGIN IMMEDIATE does: the import locks the directory's
//   tables IN EXCLUSIVE MODE before the planner reads them (readers go on; writers wait for the
//   import, and it waits for a writer that holds them, up to LOCK_WAIT_MS) and Site Addressing
//   IN SHARE MODE (nobody changes the rules new recipients are generated from midway).
// - Speed: each write is one statement for a thousand recipients or their six thousand addresses
//   (INSERT … SELECT FROM unnest($1::int[], $2::text[], …), UPDATE … FROM unnest(…)): a parameter
//   per column, whatever the number of rows (PostgreSQL allows 65,535 parameters), sent in binary
//   (arrayParameters), the next statement made while the server runs the previous (statements).
//   Fewer statements also means fewer runs of "Recipient"'s statement-level routing-generation
//   trigger. The server's own work is most of the time: 600,000 address rows each checked against
//   their recipient (the foreign key) and entered in four indexes.
// - The planner asks synchronously; an answer here is a round trip. So the lookup holds in memory
//   what SQLite answers from its index at once (directory names, address holders: one pass each)
//   and loads a chunk's recipients, with their addresses and members, before the chunk is checked
//   (beforeCheck), and the recipients the lists name before members are resolved (beforeFinish).
import type pg from 'pg';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { lowerCaseKey } from '@/lib/core/search-keys';
import type { ExistingRecipient, MemberRef, PlannedCreate, PlannedModify, PlannedOp, ProxyHolder } from '@/lib/core/directory-import/plan-import';
import type { RecipientKind } from '@/lib/validation/recipient';
import { pgPool, pgTimestamp } from '@/lib/server/pg-pool';
import { type ImportDirectory, type ImportLookup, type SiteRow, type WriteProgress, auditEntryValues, siteAddressingRules } from './directory-store';
import { timeSlicer } from './time-slice';

/** How long an import waits for a writer that holds the directory (the console's writers wait as long on SQLite). */
const LOCK_WAIT_MS = 10_000;
/** Rows read per query when the lookup loads a whole table (keeps node-postgres's result buffers small). */
const PAGE = 10_000;
/** Recipients per INSERT / UPDATE statement (and their addresses, about six each, per statement of those). */
const CHUNK = 1_000;

const SITES_SQL = 'SELECT "id", "name" FROM "Site" ORDER BY "id"';

export async function listPgSites(): Promise<SiteRow[]> {
  return (await pgPool().query<SiteRow>(SITES_SQL)).rows;
}

/** SQLSTATEs: lock_not_available (lock_timeout passed), deadlock_detected. */
const LOCK_CONFLICTS = new Set(['55P03', '40P01']);

export async function openPgImportDirectory(): Promise<ImportDirectory> {
  const client = await pgPool().connect();
  // An error on an idle connection (the server went away) is the next query's to report.
  client.on('error', () => {});
  const query: Query = (text, values) => client.query(text, values);
  const queryArrays: QueryArrays = async (text, values) => (await client.query({ text, values, rowMode: 'array' })).rows;
  let inTransaction = false;
  return {
    async begin(mode) {
      if (mode === 'read') {
        // A dry run: one snapshot for every chunk's lookups, and no locks that would hold up writers.
        await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        inTransaction = true;
        return;
      }
      await query('BEGIN');
      inTransaction = true;
      await query(`SET LOCAL lock_timeout = ${LOCK_WAIT_MS}`);
      await query('LOCK TABLE "Recipient", "ProxyAddress", "DistributionListMember" IN EXCLUSIVE MODE');
      await query('LOCK TABLE "SiteAddressingRule" IN SHARE MODE');
      // The locks are held; nothing else this transaction does should give up waiting.
      await query('SET LOCAL lock_timeout = 0');
    },
    lookup: (site) => pgLookup(query, queryArrays, site),
    writePlan: (siteId, ops, progress) => writePlan(query, siteId, ops, progress),
    async writeAuditEntry(actor, entry) {
      await query(
        `INSERT INTO "AuditEntry" ("at", "administratorId", "actor", "origin", "action", "objectType", "objectId", "objectName", "siteId", "before", "after")
         VALUES ($1::timestamp(3), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [pgTimestamp(), ...auditEntryValues(actor, entry)],
      );
    },
    async commit() {
      await query('COMMIT');
      inTransaction = false;
    },
    async rollback() {
      if (!inTransaction) return;
      inTransaction = false;
      // The connection is closed next anyway, which drops the transaction if this cannot.
      await query('ROLLBACK').catch(() => {});
    },
    async close() {
      // Not given back to the pool: an import is rare and long, and an idle connection kept for the
      // next one would hold a command-line run open (node-postgres keeps idle clients 10 s).
      client.release(true);
    },
    isLockConflict: (error) => LOCK_CONFLICTS.has((error as { code?: unknown } | null)?.code as string),
  };
}

type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;
/** A query whose rows come as arrays: no object per row when a whole table is read. */
type QueryArrays = (text: string, values?: unknown[]) => Promise<unknown[][]>;

/** Reads `SELECT "id", …columns FROM table` in pages of PAGE rows by id. */
async function forEachPage(queryArrays: QueryArrays, table: string, columns: string, each: (row: unknown[]) => void): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await queryArrays(`SELECT "id", ${columns} FROM "${table}" WHERE "id" > $1 ORDER BY "id" LIMIT ${PAGE}`, [after]);
    for (const row of rows) each(row);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1][0] as number;
  }
}

type RecipientRow = Omit<ExistingRecipient, 'kind'> & { kind: string };

/** The planner's questions (lib/core/directory-import/plan-import.ts's DirectoryLookup), inside the import's transaction. */
async function pgLookup(query: Query, queryArrays: QueryArrays, site: SiteRow): Promise<ImportLookup> {
  const rules = siteAddressingRules(
    (await query<{ type: string; rule: string; enabled: boolean }>('SELECT "type", "rule", "enabled" FROM "SiteAddressingRule" WHERE "siteId" = $1', [site.id])).rows,
  );
  const siteNames = new Map((await query<SiteRow>(SITES_SQL)).rows.map((s) => [s.id, s.name]));

  // One pass over the organisation's recipients: the container's directory names, exact and
  // case-insensitive (Exchange's names are); other sites' names (a list's members may be anywhere);
  // and who each recipient is, for "this address belongs to …".
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  const elsewhere = new Map<string, number>();
  const holderNames = new Map<number, [displayName: string, directoryName: string, siteId: number]>();
  await forEachPage(queryArrays, 'Recipient', '"siteId", "directoryName", "displayName"', (row) => {
    const [id, siteId, directoryName, displayName] = row as [number, number, string, string];
    holderNames.set(id, [displayName, directoryName, siteId]);
    if (siteId === site.id) {
      exact.set(directoryName, id);
      const key = directoryName.toLowerCase();
      if (!folded.has(key)) folded.set(key, id);
    } else if (!elsewhere.has(directoryName)) elsewhere.set(directoryName, id);
  });
  // Every address of the organisation, by its unique key (as the SQLite lookup: one pass instead
  // of a question per address checked).
  const holders = new Map<string, number>();
  await forEachPage(queryArrays, 'ProxyAddress', '"uniqueKey", "recipientId"', (row) => holders.set(row[1] as string, row[2] as number));

  const idOf = (directoryName: string) => exact.get(directoryName) ?? folded.get(directoryName.toLowerCase());
  // Loaded for the chunk being checked, then for the members being resolved. A recipient's
  // addresses are kept as the JSON text the server made of them, and made objects when asked for:
  // a chunk's are kept while it is checked, long enough for V8 to move them to its old generation,
  // and 12,000 objects a chunk would pile up there (200 MB re-importing 100,000 recipients).
  const recipients = new Map<number, ExistingRecipient>();
  const proxies = new Map<number, string>();
  // Lists' members, kept to the end: resolving members (finish) asks for those of the lists the file changes.
  const members = new Map<number, number[]>();
  const memberNames = new Set<string>();

  async function load(ids: number[], withAddresses: boolean) {
    if (ids.length === 0) return;
    const rows = (
      await query<RecipientRow>(
        `SELECT "id", "kind", "directoryName", "alias", "displayName", "firstName", "lastName", "initials", "targetAddress"
           FROM "Recipient" WHERE "id" = ANY($1::int[])`,
        [ids],
      )
    ).rows;
    for (const row of rows) recipients.set(row.id, { ...row, kind: row.kind as RecipientKind });
    if (!withAddresses) return;
    for (const id of ids) proxies.set(id, '[]');
    const addresses = await queryArrays(
      `SELECT "recipientId", json_agg(json_build_array("id", "type", "address", "primary") ORDER BY "id")::text
         FROM "ProxyAddress" WHERE "recipientId" = ANY($1::int[]) GROUP BY "recipientId"`,
      [ids],
    );
    for (const [recipientId, list] of addresses) proxies.set(recipientId as number, list as string);
    const lists = rows.filter((r) => r.kind === 'dl').map((r) => r.id);
    if (lists.length === 0) return;
    for (const id of lists) members.set(id, []);
    const memberRows = await query<{ listId: number; memberId: number }>(
      'SELECT "listId", "memberId" FROM "DistributionListMember" WHERE "listId" = ANY($1::int[]) ORDER BY "listId", "memberId"',
      [lists],
    );
    for (const m of memberRows.rows) members.get(m.listId)!.push(m.memberId);
  }

  /** A question about a recipient beforeCheck/beforeFinish did not load: a defect here, not in the file. */
  const notLoaded = (what: string, id: number) => new Error(`Directory Import (PostgreSQL): ${what} of recipient ${id} asked before it was loaded.`);

  return {
    site: site.name,
    rules,
    async beforeCheck(rows) {
      // The previous chunk's answers are not asked again.
      recipients.clear();
      proxies.clear();
      const ids: number[] = [];
      for (const row of rows) {
        const id = idOf(row.directoryName);
        if (id !== undefined) ids.push(id);
        for (const name of row.members ?? []) memberNames.add(name);
      }
      await load(ids, true);
    },
    async beforeFinish() {
      recipients.clear();
      proxies.clear();
      const ids = new Set<number>();
      for (const name of memberNames) {
        const id = idOf(name);
        if (id !== undefined) ids.add(id);
      }
      memberNames.clear();
      await load([...ids], false);
    },
    recipientByName(directoryName) {
      const id = idOf(directoryName);
      if (id === undefined) return null;
      const row = recipients.get(id);
      if (!row) throw notLoaded('the row', id);
      return row;
    },
    proxiesOf(recipientId) {
      const list = proxies.get(recipientId);
      if (list === undefined) throw notLoaded('the addresses', recipientId);
      return (JSON.parse(list) as Array<[number, string, string, boolean]>).map(([id, type, address, primary]) => ({ id, type, address, primary }));
    },
    membersOf(listId) {
      const list = members.get(listId);
      if (!list) throw notLoaded('the members', listId);
      return list;
    },
    proxyHolder(uniqueKey) {
      const id = holders.get(uniqueKey);
      if (id === undefined) return null;
      const [displayName, directoryName, siteId] = holderNames.get(id)!;
      return { id, displayName, directoryName, site: siteNames.get(siteId) ?? '' } satisfies ProxyHolder;
    },
    recipientElsewhere(directoryName) {
      const id = elsewhere.get(directoryName);
      return id === undefined ? null : { id };
    },
  };
}

/**
 * The writes' statements, sent one after another; the next one is made while the server runs the
 * previous one (the server's work is most of an import's writing time). Each is sent once the
 * previous is done, so node-postgres sends it at once, copying its parameters into its message.
 */
function statements(query: Query) {
  let running: Promise<unknown> = Promise.resolve();
  return {
    async send(text: string, values: unknown[]) {
      await running;
      running = query(text, values);
      // Its error is thrown by the next send or by done(); not an unhandled rejection meanwhile.
      running.catch(() => {});
    },
    async done() {
      await running;
    },
  };
}

/** A column of a multi-row statement: one array parameter. */
type Column = { type: 'int4'; values: ReadonlyArray<number> } | { type: 'text'; values: ReadonlyArray<string | null> } | { type: 'bool'; values: ReadonlyArray<boolean> };

const ELEMENT_OID = { int4: 23, text: 25, bool: 16 } as const;

/**
 * A statement's columns as array parameters ($1::int[], $2::text[], …, read with unnest) in
 * PostgreSQL's binary array format (what array_recv reads: dimensions, null flag, element type,
 * length and lower bound, then each element as its byte length, -1 for NULL, and its bytes).
 * node-postgres sends a Buffer parameter in binary format; the server then has no text to parse —
 * 15% of the writing time against a JSON or a text array parameter — and node-postgres no array
 * literal to write element by element (four times the CPU).
 *
 * All into one buffer, reused for every statement: a new buffer per statement would wait outside
 * the heap for V8's full collections (and a string parameter inside it, in the old generation:
 * 150 MB of a 100,000-row import's peak). Reuse is safe because statements() sends each statement
 * on an idle connection, so node-postgres copies its parameters into its message at once.
 */
function arrayParameters() {
  let buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  return (columns: readonly Column[]): Buffer[] => {
    // At most 3 bytes of UTF-8 per UTF-16 unit, so this bound holds before anything is encoded.
    let bound = 0;
    for (const column of columns) {
      bound += 20 + column.values.length * (column.type === 'int4' ? 8 : 5);
      if (column.type === 'text') for (const value of column.values) bound += value === null ? 0 : value.length * 3;
    }
    if (bound > buffer.length) buffer = Buffer.allocUnsafe(Math.ceil(bound * 1.5));
    const parameters: Buffer[] = [];
    let offset = 0;
    for (const column of columns) {
      const start = offset;
      offset = buffer.writeInt32BE(1, offset);
      offset = buffer.writeInt32BE(column.type === 'text' && column.values.includes(null) ? 1 : 0, offset);
      offset = buffer.writeUInt32BE(ELEMENT_OID[column.type], offset);
      offset = buffer.writeInt32BE(column.values.length, offset);
      offset = buffer.writeInt32BE(1, offset);
      switch (column.type) {
        case 'int4':
          for (const value of column.values) offset = buffer.writeInt32BE(value, buffer.writeInt32BE(4, offset));
          break;
        case 'bool':
          for (const value of column.values) offset = buffer.writeUInt8(value ? 1 : 0, buffer.writeInt32BE(1, offset));
          break;
        case 'text':
          for (const value of column.values) {
            if (value === null) {
              offset = buffer.writeInt32BE(-1, offset);
              continue;
            }
            const length = buffer.write(value, offset + 4);
            buffer.writeInt32BE(length, offset);
            offset += 4 + length;
          }
      }
      parameters.push(buffer.subarray(start, offset));
    }
    return parameters;
  };
}

type Parameters = ReturnType<typeof arrayParameters>;

const int4 = (values: ReadonlyArray<number>): Column => ({ type: 'int4', values });
const text = (values: ReadonlyArray<string | null>): Column => ({ type: 'text', values });
const bool = (values: ReadonlyArray<boolean>): Column => ({ type: 'bool', values });

type ProxyEntry = { type: string; address: string; primary: boolean };

const INSERT_PROXIES = `INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey")
  SELECT u."recipientId", u."type", u."address", u."primary", u."uniqueKey", u."addressKey"
    FROM unnest($1::int[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[]) WITH ORDINALITY
         AS u("recipientId", "type", "address", "primary", "uniqueKey", "addressKey", "n")
   ORDER BY u."n"`;

/** New addresses' columns, each with its keys as every writer sets them (lib/core/search-keys.ts, addresses.ts). */
function proxyColumns(parameters: Parameters, entries: ReadonlyArray<{ recipientId: number; proxy: ProxyEntry }>): Buffer[] {
  return parameters([
    int4(entries.map((e) => e.recipientId)),
    text(entries.map((e) => e.proxy.type)),
    text(entries.map((e) => e.proxy.address)),
    bool(entries.map((e) => e.proxy.primary)),
    text(entries.map((e) => proxyUniqueKey(e.proxy.type, e.proxy.address))),
    text(entries.map((e) => lowerCaseKey(e.proxy.address))),
  ]);
}

/**
 * Writes a plan's operations; the caller holds the transaction. Each recipient is named by one
 * row of the file at most (the parser refuses a directory name given twice), so rows meet only
 * where one frees an address another takes. SQLite writes row by row in file order; here the rows
 * are written by kind, in an order that frees before it takes: deletes, removed addresses, changed
 * addresses and recipients, added addresses, new recipients with theirs, then members (a list may
 * name a recipient created after it). The directory that results is the same.
 *
 * A statement's columns are made from the plan and written into its parameters in one synchronous
 * call (the `…Columns` functions), so they are garbage before anything is awaited (values kept
 * across the wait for a statement would be moved to V8's old generation, to wait there for a full
 * collection). `onApplied` hears how many operations are done; the event loop gets a turn between
 * slices of about 15 ms.
 */
async function writePlan(query: Query, siteId: number, ops: readonly PlannedOp[], { onApplied }: WriteProgress = {}): Promise<void> {
  const now = pgTimestamp();
  const out = statements(query);
  const parameters = arrayParameters();
  const slicer = timeSlicer();
  let done = 0;
  const deletes: number[] = [];
  const modifies: PlannedModify[] = [];
  const creates: PlannedCreate[] = [];
  const createIndex: number[] = [];
  for (const [index, op] of ops.entries()) {
    if (op.op === 'delete') deletes.push(op.id);
    else if (op.op === 'modify') modifies.push(op);
    else {
      creates.push(op);
      createIndex.push(index);
    }
  }
  /** `write` for each chunk of CHUNK items, reporting progress (`done`, which `write` counts) between them. */
  const chunks = async <T>(items: readonly T[], write: (chunk: readonly T[], start: number) => Promise<void>) => {
    for (let start = 0; start < items.length; start += CHUNK) {
      await write(items.slice(start, start + CHUNK), start);
      if (slicer.due()) {
        onApplied?.(done);
        await slicer.pause();
      }
    }
  };

  // 1. Deletes (their addresses, memberships and members go with them: ON DELETE CASCADE).
  if (deletes.length) await out.send('DELETE FROM "Recipient" WHERE "id" = ANY($1::int[])', [deletes]);
  done += deletes.length;

  // 2. Modifies: removed addresses, changed addresses, the recipients' own fields.
  const removed = modifies.flatMap((op) => op.proxies?.remove ?? []);
  if (removed.length) await out.send('DELETE FROM "ProxyAddress" WHERE "id" = ANY($1::int[])', [removed]);
  await chunks(modifies, async (chunk) => {
    const updates = chunk.flatMap((op) => op.proxies?.update ?? []);
    // Two stored rows may swap reply flags or spellings: their unique keys do not change (the
    // planner matched them by it), so no update collides.
    if (updates.length) {
      await out.send(
        `UPDATE "ProxyAddress" p SET "address" = u."address", "primary" = u."primary", "uniqueKey" = u."uniqueKey", "addressKey" = u."addressKey"
           FROM unnest($1::int[], $2::text[], $3::boolean[], $4::text[], $5::text[]) AS u("id", "address", "primary", "uniqueKey", "addressKey")
          WHERE p."id" = u."id"`,
        proxyUpdateColumns(parameters, updates),
      );
    }
    // Every modify touches the recipient's row: its version (an open property sheet sees the
    // change) and the directory's routing generation (the Recipient trigger) move with it. A NULL
    // keeps the stored value.
    await out.send(
      `UPDATE "Recipient" r SET "alias" = COALESCE(u."alias", r."alias"), "displayName" = COALESCE(u."displayName", r."displayName"),
              "firstName" = COALESCE(u."firstName", r."firstName"), "lastName" = COALESCE(u."lastName", r."lastName"),
              "initials" = COALESCE(u."initials", r."initials"), "targetAddress" = COALESCE(u."targetAddress", r."targetAddress"),
              "aliasKey" = COALESCE(u."aliasKey", r."aliasKey"), "displayNameKey" = COALESCE(u."displayNameKey", r."displayNameKey"),
              "version" = r."version" + 1, "updatedAt" = $10::timestamp(3)
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
              AS u("id", "alias", "displayName", "firstName", "lastName", "initials", "targetAddress", "aliasKey", "displayNameKey")
        WHERE r."id" = u."id"`,
      [...recipientUpdateColumns(parameters, chunk), now],
    );
    done += chunk.length;
  });
  // Added only once every removal is done: an address one row removes may be added by another.
  await chunks(modifies, async (chunk) => {
    const added = chunk.flatMap((op) => (op.proxies?.add ?? []).map((proxy) => ({ recipientId: op.id, proxy })));
    if (added.length) await out.send(INSERT_PROXIES, proxyColumns(parameters, added));
  });

  // 3. New recipients, their ids taken from the sequence first (their addresses and their lists'
  // members name them without reading anything back), then their addresses, each's in its order.
  await out.done();
  const ids: number[] =
    creates.length === 0
      ? []
      : (
          await query<{ ids: number[] }>(
            `SELECT array_agg("id" ORDER BY "id") AS "ids"
               FROM (SELECT nextval(pg_get_serial_sequence('"Recipient"', 'id'))::int AS "id" FROM generate_series(1, $1::int)) AS s`,
            [creates.length],
          )
        ).rows[0].ids;
  await chunks(creates, async (chunk, start) => {
    await out.send(
      `INSERT INTO "Recipient" ("id", "kind", "directoryName", "alias", "displayName", "firstName", "initials", "lastName", "targetAddress",
                                "displayNameKey", "aliasKey", "siteId", "version", "createdAt", "updatedAt")
       SELECT u.*, $12::int, 1, $13::timestamp(3), $13::timestamp(3)
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) AS u`,
      [...newRecipientColumns(parameters, chunk, ids.slice(start, start + chunk.length)), siteId, now],
    );
    const proxies = chunk.flatMap((op, i) => op.proxies.map((proxy) => ({ recipientId: ids[start + i], proxy })));
    await out.send(INSERT_PROXIES, proxyColumns(parameters, proxies));
    done += chunk.length;
  });

  // 4. Members, once every recipient they may name exists.
  const createdId = new Map(createIndex.map((index, i) => [index, ids[i]]));
  const lists = [
    ...modifies.filter((op) => op.members).map((op) => ({ listId: op.id, members: op.members! })),
    ...creates.flatMap((op, i) => (op.members?.length ? [{ listId: ids[i], members: op.members }] : [])),
  ];
  const replaced = modifies.filter((op) => op.members).map((op) => op.id);
  if (replaced.length) await out.send('DELETE FROM "DistributionListMember" WHERE "listId" = ANY($1::int[])', [replaced]);
  await chunks(lists, async (chunk) => {
    const rows = chunk.flatMap(({ listId, members }) => members.map((m) => ({ listId, memberId: 'id' in m ? m.id : createdId.get(m.created)! })));
    if (rows.length === 0) return;
    await out.send(
      'INSERT INTO "DistributionListMember" ("listId", "memberId") SELECT * FROM unnest($1::int[], $2::int[])',
      parameters([int4(rows.map((r) => r.listId)), int4(rows.map((r) => r.memberId))]),
    );
  });
  await out.done();
  onApplied?.(done);
}

function newRecipientColumns(parameters: Parameters, chunk: readonly PlannedCreate[], ids: readonly number[]): Buffer[] {
  return parameters([
    int4(ids),
    text(chunk.map((op) => op.kind)),
    text(chunk.map((op) => op.directoryName)),
    text(chunk.map((op) => op.alias)),
    text(chunk.map((op) => op.displayName)),
    text(chunk.map((op) => op.firstName)),
    text(chunk.map((op) => op.initials)),
    text(chunk.map((op) => op.lastName)),
    text(chunk.map((op) => op.targetAddress)),
    text(chunk.map((op) => lowerCaseKey(op.displayName))),
    text(chunk.map((op) => lowerCaseKey(op.alias))),
  ]);
}

function recipientUpdateColumns(parameters: Parameters, chunk: readonly PlannedModify[]): Buffer[] {
  const field = (name: keyof PlannedModify['fields']) => text(chunk.map((op) => op.fields[name] ?? null));
  return parameters([
    int4(chunk.map((op) => op.id)),
    field('alias'),
    field('displayName'),
    field('firstName'),
    field('lastName'),
    field('initials'),
    field('targetAddress'),
    text(chunk.map(({ fields: f }) => (f.alias === undefined ? null : lowerCaseKey(f.alias)))),
    text(chunk.map(({ fields: f }) => (f.displayName === undefined ? null : lowerCaseKey(f.displayName)))),
  ]);
}

function proxyUpdateColumns(parameters: Parameters, updates: ReadonlyArray<{ id: number; type: string; address: string; primary: boolean }>): Buffer[] {
  return parameters([
    int4(updates.map((u) => u.id)),
    text(updates.map((u) => u.address)),
    bool(updates.map((u) => u.primary)),
    text(updates.map((u) => proxyUniqueKey(u.type, u.address))),
    text(updates.map((u) => lowerCaseKey(u.address))),
  ]);
}
