// Directory Import's second half (KB Q155594, Q146304; ../shared/EXCHANGE55.md "Directory
// Import"): the parsed rows, matched against the directory, become a plan of writes and a list of
// problems. Pure: the directory is asked through `DirectoryLookup` (the data layer answers it from
// the database), and nothing is written here.
//
// The rules are the console's:
// - a new recipient gets one reply address of each type Site Addressing enables, made unique the
//   way createRecipient does (bob@ taken → bob2@), unless the row gives Proxy-Addresses, the whole
//   set; a custom recipient's target is its reply address of that type;
// - every address is unique in the organisation (Q251152), also between rows of the file;
// - one reply address per type (the E-mail Addresses tab's rules, lib/core/proxy-set.ts);
// - members must exist.
//
// Rows are applied in file order, as Exchange's Directory Import does, so an address a row removes
// can be given to a later row, and the plan's writes in file order never collide. Members are
// resolved after every row: a list may name a recipient the file creates further down.
//
// "Overwrite multivalued properties" (the dialog's option) where the format is silent:
// - Proxy-Addresses, append: its addresses are added; an upper-case prefix makes one the reply
//   address of its type (the old reply address stays, as secondary).
// - Proxy-Addresses, overwrite: the addresses of each type the value names are replaced by the
//   value's; types it does not name keep theirs. A recipient keeps a reply address of each type it
//   has (the E-mail Addresses tab cannot remove one either), so a file that carries only SMTP
//   addresses does not strip the X.400 and MS addresses.
// - Secondary-Proxy-Addresses, append: added as secondary addresses (an address of a type the
//   recipient has none of becomes the reply address, as on the E-mail Addresses tab); overwrite:
//   every secondary address is replaced; `~DEL`: every secondary address is removed.
// - Members: appended, or replaced with overwrite; `~DEL` removes every member.
import { formatWrittenAddress, proxyUniqueKey } from '@/lib/core/addresses';
import { type ProxyEntry, checkProxySet, retargetProxies } from '@/lib/core/proxy-set';
import { type NameFields, type SiteAddressingRule, generateAddress, numberedAlternative } from '@/lib/core/site-addressing';
import { aliasSchema, nameFieldsSchema, type RecipientKind } from '@/lib/validation/recipient';
import { IMPORT_ATTRIBUTES, OBJ_CLASS_NAMES, type ImportAttribute } from './format';
import type { ImportProblem, ImportResult, ImportRow } from './parse-import';
import type { ImportCounts } from './report';

/** A recipient's own fields, as stored ('' for a blank name; a custom recipient's target written TYPE:address). */
export type RecipientFields = {
  kind: RecipientKind;
  directoryName: string;
  alias: string;
  displayName: string;
  firstName: string;
  lastName: string;
  initials: string;
  targetAddress: string | null;
};

export type ExistingRecipient = RecipientFields & { id: number };

export type ExistingProxy = { id: number; type: string; address: string; primary: boolean };

export type ProxyHolder = { id: number; displayName: string; directoryName: string; site: string };

/** What the planner asks of the directory, synchronously. */
export type DirectoryLookup = {
  /** The container's name, for messages. */
  site: string;
  /** Its Site Addressing (generation for new recipients). */
  rules: SiteAddressingRule[];
  /** The container's recipient with this directory name (exact, else case-insensitive), or null. */
  recipientByName(directoryName: string): ExistingRecipient | null;
  proxiesOf(recipientId: number): ExistingProxy[];
  /** A list's members, by id. */
  membersOf(listId: number): number[];
  /** Who holds this proxyUniqueKey anywhere in the organisation, or null. */
  proxyHolder(uniqueKey: string): ProxyHolder | null;
  /** A recipient of another site with exactly this directory name (a list's members may be anywhere), or null. */
  recipientElsewhere(directoryName: string): { id: number } | null;
};

/** A list member: an existing recipient, or one the plan creates (the index of its create in `ops`). */
export type MemberRef = { id: number } | { created: number };

export type PlannedFields = { alias?: string; displayName?: string; firstName?: string; lastName?: string; initials?: string; targetAddress?: string };

export type PlannedCreate = RecipientFields & {
  op: 'create';
  line: number;
  proxies: ProxyEntry[];
  /** Set once members are resolved. */
  members?: MemberRef[];
};

export type ProxyChanges = {
  /** Stored rows to delete, by id. */
  remove: number[];
  /** Stored rows whose spelling or reply flag changes. */
  update: Array<{ id: number; type: string; address: string; primary: boolean }>;
  add: ProxyEntry[];
};

export type PlannedModify = {
  op: 'modify';
  line: number;
  id: number;
  fields: PlannedFields;
  proxies: ProxyChanges | null;
  /** The list's whole new member set, when it changes. */
  members?: MemberRef[];
};

export type PlannedDelete = { op: 'delete'; line: number; id: number };

export type PlannedOp = PlannedCreate | PlannedModify | PlannedDelete;

export type ImportPlan = {
  /** The writes, in file order. With problems and no applyValid, nothing should be written. */
  ops: PlannedOp[];
  counts: ImportCounts;
  problems: ImportProblem[];
};

const DUPLICATE_MESSAGE = 'This e-mail address already exists in this organization';
const KIND_WORDS: Record<RecipientKind, string> = { mailbox: 'a mailbox', custom: 'a custom recipient (Remote)', dl: 'a distribution list' };

/** An address claimed by a row of this file (its line), or freed by one (FREED: removed, or its recipient deleted). */
const FREED = 0;

/** What the planner remembers of a row until members are resolved. */
type Pending = {
  row: ImportRow;
  /** Index in ops, or -1 when the row changes nothing (so far). */
  opIndex: number;
  /** The existing recipient a modify row changes. */
  existingId: number | null;
  kind: RecipientKind;
};

/**
 * Plans rows one at a time (`check`), then resolves members (`finish`). The data layer drives it
 * in chunks so progress can be reported and the event loop served between them.
 */
/** What the parser learnt of the whole file (ImportResult). */
export type FileIndex = Pick<ImportResult, 'addressLines' | 'directoryNameByLine'>;

export function createImportPlanner(lookup: DirectoryLookup, { overwrite }: { overwrite: boolean }, file: FileIndex) {
  const problems: ImportProblem[] = [];
  const ops: (PlannedOp | null)[] = [];
  /** Rows that name members, resolved by finish(). */
  const pending: Pending[] = [];
  /** Rows that change nothing (lines): a members row may still turn into a modify. */
  const unchangedLines = new Set<number>();
  const claims = new Map<string, number>();
  const nameOnLine = (line: number) => file.directoryNameByLine[line] ?? '?';
  /** Directory names (lower case) the file creates, deletes: for members. */
  const createdByName = new Map<string, { line: number; opIndex: number | null }>();
  const deletedByName = new Map<string, number>();
  const rejectedLines = new Set<number>();
  let checked = 0;

  // Addresses the file gives explicitly: generation for new recipients leaves them to their rows.
  const explicit = file.addressLines;

  const columnName = (a: ImportAttribute) => IMPORT_ATTRIBUTES[a];
  const problem = (line: number, a: ImportAttribute | null, value: string | null, reason: string) => {
    problems.push({ line, column: a === null ? null : columnName(a), value, reason });
    rejectedLines.add(line);
  };

  /** Who else holds the key, in the directory as this file has changed it so far. */
  function holderOf(key: string, selfId: number | null): string | null {
    const claim = claims.get(key);
    if (claim === FREED) return null;
    if (claim !== undefined) return `is given to '${nameOnLine(claim)}' on line ${claim} of this file`;
    const holder = lookup.proxyHolder(key);
    if (!holder || holder.id === selfId) return null;
    return `belongs to ${holder.displayName} (directory name ${holder.directoryName}, site ${holder.site})`;
  }

  /**
   * The next number to try for a generated address whose base is taken (by its base's key). Many
   * rows can share a base — an MS mailbox name is the alias's first 10 characters — and trying 2,
   * 3, ... from the start for each would be quadratic: 40,000 such rows would try 800 million.
   */
  const nextNumber = new Map<string, number>();
  const isFree = (key: string, line: number) => {
    const givenOn = explicit.get(key);
    return (givenOn === undefined || givenOn === line) && holderOf(key, null) === null;
  };

  /** Site Addressing's addresses for a new recipient (createRecipient's generateProxyAddresses). */
  function generate(person: NameFields, line: number): ProxyEntry[] {
    const generated: ProxyEntry[] = [];
    for (const rule of lookup.rules) {
      if (!rule.enabled) continue;
      const base = generateAddress(rule.type, rule.rule, person);
      if (!base) continue;
      let candidate = base;
      const baseKey = proxyUniqueKey(rule.type, base);
      if (!isFree(baseKey, line)) {
        let n = nextNumber.get(baseKey) ?? 2;
        for (; ; n++) {
          candidate = numberedAlternative(rule.type, base, n);
          if (isFree(proxyUniqueKey(rule.type, candidate), line)) break;
        }
        nextNumber.set(baseKey, n + 1);
      }
      generated.push({ type: rule.type, address: candidate, primary: true });
    }
    return generated;
  }

  /** Adds secondary addresses; a type with no address yet gets its reply address (addProxy's rule). */
  function addSecondaries(set: ProxyEntry[], values: ReadonlyArray<{ type: string; address: string }>): ProxyEntry[] {
    const keys = new Set(set.map((p) => proxyUniqueKey(p.type, p.address)));
    const next = [...set];
    for (const v of values) {
      const key = proxyUniqueKey(v.type, v.address);
      if (keys.has(key)) continue;
      keys.add(key);
      next.push({ type: v.type, address: v.address, primary: !next.some((p) => p.type === v.type) });
    }
    return next;
  }

  /** Proxy-Addresses on an existing set: appended (its reply addresses take over), or replacing the types it names. */
  function applyProxyValue(set: ProxyEntry[], values: ProxyEntry[]): ProxyEntry[] {
    if (overwrite) {
      const types = new Set(values.map((v) => v.type));
      return [...set.filter((p) => !types.has(p.type)), ...values.map((v) => ({ type: v.type, address: v.address, primary: v.primary }))];
    }
    let next = [...set];
    for (const v of values) {
      const key = proxyUniqueKey(v.type, v.address);
      if (v.primary) next = next.map((p) => (p.type === v.type && p.primary ? { ...p, primary: false } : p));
      const at = next.findIndex((p) => proxyUniqueKey(p.type, p.address) === key);
      if (at >= 0) next[at] = { ...next[at], address: v.address, primary: next[at].primary || v.primary };
      else next.push({ type: v.type, address: v.address, primary: v.primary || !next.some((p) => p.type === v.type) });
    }
    return next;
  }

  /** The set's rules and organisation-wide uniqueness of what it adds; a problem each, or true. */
  function checkSet(row: ImportRow, set: ProxyEntry[], before: Set<string>, selfId: number | null, blame: ImportAttribute): boolean {
    const check = checkProxySet(set);
    if (!check.ok) {
      problem(row.line, blame, formatWrittenAddress(set[check.index]), check.message);
      return false;
    }
    let ok = true;
    for (const p of set) {
      const key = proxyUniqueKey(p.type, p.address);
      if (before.has(key)) continue;
      const holder = holderOf(key, selfId);
      if (holder !== null) {
        const column = (row.secondaryProxyAddresses ?? []).some((s) => proxyUniqueKey(s.type, s.address) === key)
          ? 'secondaryProxyAddresses'
          : (row.proxyAddresses ?? []).some((s) => proxyUniqueKey(s.type, s.address) === key)
            ? 'proxyAddresses'
            : row.fields.targetAddress !== undefined && proxyUniqueKey(p.type, p.address) === targetKey(row.fields.targetAddress)
              ? 'targetAddress'
              : blame;
        problem(row.line, column, formatWrittenAddress(p), `${DUPLICATE_MESSAGE}: ${p.type}:${p.address} ${holder}.`);
        ok = false;
      }
    }
    return ok;
  }

  function claim(row: ImportRow, set: ProxyEntry[], before: Set<string>) {
    const after = new Set<string>();
    for (const p of set) {
      const key = proxyUniqueKey(p.type, p.address);
      after.add(key);
      if (!before.has(key)) claims.set(key, row.line);
    }
    for (const key of before) if (!after.has(key)) claims.set(key, FREED);
  }

  function planCreate(row: ImportRow) {
    const { fields } = row;
    let alias = fields.alias;
    if (alias === undefined) {
      const asAlias = aliasSchema.safeParse(row.directoryName);
      if (!asAlias.success) {
        problem(row.line, 'alias', null, `A new recipient needs an Alias Name, and the directory name cannot serve as one: ${asAlias.error.issues[0].message}`);
        return;
      }
      alias = row.directoryName;
    }
    const firstName = fields.firstName ?? '';
    const lastName = fields.lastName ?? '';
    const initials = fields.initials ?? '';
    // Exchange's default display name is "First Last"; a list or a nameless entry takes its directory name.
    let displayName = fields.displayName ?? [firstName, lastName].filter(Boolean).join(' ');
    if (displayName === '' || !nameFieldsSchema.shape.displayName.safeParse(displayName).success) displayName = row.directoryName;
    if (row.objClass === 'custom' && fields.targetAddress === undefined) {
      problem(row.line, 'targetAddress', null, 'A custom recipient needs a target address, e.g. SMTP:cust@partner.example.');
      return;
    }
    const target = fields.targetAddress !== undefined ? splitTarget(fields.targetAddress) : null;

    let set: ProxyEntry[];
    if (row.proxyAddresses) {
      set = row.proxyAddresses.map((p) => ({ type: p.type, address: p.address, primary: p.primary }));
    } else {
      set = generate({ alias, displayName, firstName, lastName, initials }, row.line);
      // createRecipient: the generated address of the target's type stays, as secondary.
      if (target) set = set.map((p) => (p.type === target.type ? { ...p, primary: false } : p));
    }
    if (target) set = retargetProxies(set, null, target);
    if (row.secondaryProxyAddresses) set = addSecondaries(set, row.secondaryProxyAddresses);
    const before = new Set<string>();
    if (!checkSet(row, set, before, null, row.proxyAddresses ? 'proxyAddresses' : 'secondaryProxyAddresses')) return;
    claim(row, set, before);

    const opIndex = ops.length;
    ops.push({
      op: 'create',
      line: row.line,
      kind: row.objClass,
      directoryName: row.directoryName,
      alias,
      displayName,
      firstName,
      lastName,
      initials,
      targetAddress: target ? `${target.type}:${target.address}` : null,
      proxies: set,
    });
    createdByName.set(row.directoryName.toLowerCase(), { line: row.line, opIndex });
    if (row.members !== undefined) pending.push({ row, opIndex, existingId: null, kind: row.objClass });
  }

  function planModify(row: ImportRow, existing: ExistingRecipient) {
    const { fields } = row;
    const changed: PlannedFields = {};
    for (const f of ['alias', 'displayName', 'firstName', 'lastName', 'initials'] as const) {
      const value = fields[f];
      if (value === undefined) continue;
      if ((value ?? '') !== existing[f]) changed[f] = value ?? '';
    }

    const stored = lookup.proxiesOf(existing.id);
    let set: ProxyEntry[] = stored.map((p) => ({ type: p.type, address: p.address, primary: p.primary }));
    const target = fields.targetAddress !== undefined ? splitTarget(fields.targetAddress) : null;
    if (target && fields.targetAddress !== existing.targetAddress) {
      set = retargetProxies(set, existing.targetAddress, target);
      changed.targetAddress = `${target.type}:${target.address}`;
    }
    if (row.proxyAddresses) set = applyProxyValue(set, row.proxyAddresses);
    if (row.secondaryProxyAddresses) {
      if (overwrite || row.secondaryProxyAddresses.length === 0) set = set.filter((p) => p.primary);
      set = addSecondaries(set, row.secondaryProxyAddresses);
    }
    // A custom recipient's target stays its reply address of that type (assertKeepsTarget).
    const keptTarget = splitTarget(changed.targetAddress ?? existing.targetAddress);
    if (keptTarget) {
      const key = proxyUniqueKey(keptTarget.type, keptTarget.address);
      if (!set.some((p) => p.primary && proxyUniqueKey(p.type, p.address) === key)) {
        problem(row.line, row.proxyAddresses ? 'proxyAddresses' : 'secondaryProxyAddresses', `${keptTarget.type}:${keptTarget.address}`,
          `${keptTarget.type}:${keptTarget.address} is this custom recipient's target address and stays its ${keptTarget.type} reply address; change the E-mail Address (target) instead.`);
        return;
      }
    }

    const before = new Set(stored.map((p) => proxyUniqueKey(p.type, p.address)));
    if (!checkSet(row, set, before, existing.id, row.proxyAddresses ? 'proxyAddresses' : 'secondaryProxyAddresses')) return;
    const changes = diffProxies(stored, set);
    claim(row, set, before);

    const anyField = Object.keys(changed).length > 0;
    const opIndex = anyField || changes ? ops.length : -1;
    if (opIndex >= 0) ops.push({ op: 'modify', line: row.line, id: existing.id, fields: changed, proxies: changes });
    else unchangedLines.add(row.line);
    if (row.members !== undefined) pending.push({ row, opIndex, existingId: existing.id, kind: existing.kind });
  }

  function planDelete(row: ImportRow, existing: ExistingRecipient) {
    const before = new Set(lookup.proxiesOf(existing.id).map((p) => proxyUniqueKey(p.type, p.address)));
    for (const key of before) claims.set(key, FREED);
    deletedByName.set(row.directoryName.toLowerCase(), row.line);
    ops.push({ op: 'delete', line: row.line, id: existing.id });
  }

  function check(row: ImportRow) {
    checked += 1;
    const existing = lookup.recipientByName(row.directoryName);
    if (existing && existing.kind !== row.objClass) {
      problem(row.line, 'objClass', OBJ_CLASS_NAMES[row.objClass],
        `'${existing.directoryName}' is ${KIND_WORDS[existing.kind]} in site ${lookup.site}; this row's Obj-Class says ${KIND_WORDS[row.objClass]}.`);
      return;
    }
    switch (row.mode) {
      case 'create':
        if (existing) {
          problem(row.line, 'directoryName', row.directoryName,
            `A recipient with the directory name '${existing.directoryName}' already exists in site ${lookup.site} (${existing.displayName}); Mode Create only creates. Use Update or Modify to change it.`);
        } else planCreate(row);
        return;
      case 'modify':
      case 'delete':
        if (!existing) {
          problem(row.line, 'directoryName', row.directoryName, `There is no recipient with the directory name '${row.directoryName}' in site ${lookup.site} to ${row.mode}.`);
        } else if (row.mode === 'modify') planModify(row, existing);
        else planDelete(row, existing);
        return;
      case 'update':
        if (existing) planModify(row, existing);
        else planCreate(row);
    }
  }

  /** Resolves each row's Members; with applyValid, rows dropped here drop the lists that name them. */
  function resolveMembers(applyValid: boolean) {
    const withMembers = pending.filter((p) => p.row.members !== undefined && !rejectedLines.has(p.row.line));
    for (;;) {
      let dropped = false;
      for (const p of withMembers) {
        if (rejectedLines.has(p.row.line)) continue;
        const refs: MemberRef[] = [];
        let ok = true;
        for (const name of p.row.members!) {
          const ref = memberRef(name);
          if (typeof ref === 'string') {
            problem(p.row.line, 'members', name, ref);
            ok = false;
          } else refs.push(ref);
        }
        if (!ok) {
          dropRow(p);
          dropped = true;
        } else setMembers(p, refs);
      }
      // A list that failed may be named by another list; without applyValid nothing is applied anyway.
      if (!dropped || !applyValid) break;
    }
  }

  function memberRef(name: string): MemberRef | string {
    const lower = name.toLowerCase();
    const deletedOn = deletedByName.get(lower);
    if (deletedOn !== undefined) return `'${name}' is deleted by line ${deletedOn} of this file, so it cannot be a member.`;
    const created = createdByName.get(lower);
    if (created) {
      if (created.opIndex === null || rejectedLines.has(created.line)) return `'${name}' is created by line ${created.line} of this file, which has problems and is not imported.`;
      return { created: created.opIndex };
    }
    const existing = lookup.recipientByName(name);
    if (existing) return { id: existing.id };
    const elsewhere = lookup.recipientElsewhere(name);
    if (elsewhere) return elsewhere;
    return `No recipient has the directory name '${name}' (in site ${lookup.site}, elsewhere in the organization, or created by this file).`;
  }

  function setMembers(p: Pending, refs: MemberRef[]) {
    const op = p.opIndex >= 0 ? ops[p.opIndex] : null;
    if (op?.op === 'create') {
      op.members = dedupe(refs);
      return;
    }
    const current = lookup.membersOf(p.existingId!);
    const next = overwrite || refs.length === 0 ? dedupe(refs) : dedupe([...current.map((id) => ({ id })), ...refs]);
    const same = next.length === current.length && next.every((r) => 'id' in r && current.includes(r.id));
    if (same) return;
    if (op?.op === 'modify') op.members = next;
    else {
      unchangedLines.delete(p.row.line);
      p.opIndex = ops.length;
      ops.push({ op: 'modify', line: p.row.line, id: p.existingId!, fields: {}, proxies: null, members: next });
    }
  }

  function dropRow(p: Pending) {
    if (p.opIndex >= 0) ops[p.opIndex] = null;
    const created = createdByName.get(p.row.directoryName.toLowerCase());
    if (created && created.line === p.row.line) created.opIndex = null;
  }

  return {
    check,
    get checked() {
      return checked;
    },
    /** Resolves members and counts. `parseProblems` are the parser's, merged in line order. */
    finish(parseProblems: readonly ImportProblem[], { applyValid }: { applyValid: boolean }): ImportPlan {
      claims.clear();
      resolveMembers(applyValid);
      for (const p of parseProblems) if (p.line > 1) rejectedLines.add(p.line);
      const kept = ops.filter((op): op is PlannedOp => op !== null && !rejectedLines.has(op.line));
      // Re-number created members: dropped ops shift indexes.
      const newIndex = new Map<number, number>();
      ops.forEach((op, i) => {
        if (op !== null && !rejectedLines.has(op.line)) newIndex.set(i, newIndex.size);
      });
      for (const op of kept) {
        if (op.op !== 'delete' && op.members) {
          op.members = op.members.map((m) => ('created' in m ? { created: newIndex.get(m.created)! } : m));
        }
      }
      const counts: ImportCounts = { created: 0, modified: 0, deleted: 0, unchanged: 0, rejected: rejectedLines.size };
      for (const op of kept) counts[op.op === 'create' ? 'created' : op.op === 'modify' ? 'modified' : 'deleted'] += 1;
      counts.unchanged = [...unchangedLines].filter((line) => !rejectedLines.has(line)).length;
      const all = [...parseProblems, ...problems].sort((a, b) => a.line - b.line);
      return { ops: kept, counts, problems: all };
    },
  };
}

export type ImportPlanner = ReturnType<typeof createImportPlanner>;

/** Plans a whole parsed file at once (tests, small files). */
export function planImport(lookup: DirectoryLookup, parsed: ImportResult, options: { overwrite: boolean; applyValid: boolean }): ImportPlan {
  const planner = createImportPlanner(lookup, options, parsed);
  for (const row of parsed.rows) planner.check(row);
  return planner.finish(parsed.problems, options);
}

function splitTarget(written: string | null | undefined): { type: string; address: string } | null {
  if (!written) return null;
  const colon = written.indexOf(':');
  return { type: written.slice(0, colon).toUpperCase(), address: written.slice(colon + 1) };
}

function targetKey(written: string): string {
  const t = splitTarget(written)!;
  return proxyUniqueKey(t.type, t.address);
}

function dedupe(refs: MemberRef[]): MemberRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = 'id' in r ? `i${r.id}` : `c${r.created}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The stored rows to delete, update and the entries to add so that `stored` becomes `set`; null when equal. */
function diffProxies(stored: ExistingProxy[], set: ProxyEntry[]): ProxyChanges | null {
  const wanted = new Map(set.map((p) => [proxyUniqueKey(p.type, p.address), p]));
  const remove: number[] = [];
  const update: ProxyChanges['update'] = [];
  const kept = new Set<string>();
  for (const row of stored) {
    const key = proxyUniqueKey(row.type, row.address);
    const want = wanted.get(key);
    if (!want) remove.push(row.id);
    else {
      kept.add(key);
      if (want.address !== row.address || want.primary !== row.primary) update.push({ id: row.id, type: row.type, address: want.address, primary: want.primary });
    }
  }
  const add = set.filter((p) => !kept.has(proxyUniqueKey(p.type, p.address)));
  return remove.length || update.length || add.length ? { remove, update, add } : null;
}
