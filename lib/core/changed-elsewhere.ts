// "No lost updates" (issue 5): a property sheet remembers the state it opened; when Apply finds
// that someone else saved the object since, the sheet shows what they changed before anything is
// saved. Pure functions over plain data: the sheets describe their objects as attributes
// (lib/core/sheet-attributes.ts), these compare them and rebase the admin's held changes.

/** One entry of an attribute: `key` decides equality, `text` is what the table shows. */
export type AttributeEntry = { key: string; text: string };

/**
 * An attribute as a property sheet shows it. A single value has at most one entry (none: empty);
 * a list (E-mail addresses, members, routing entries, postoffices) is compared entry by entry,
 * its order ignored.
 */
export type SheetAttribute = { key: string; label: string; list: boolean; entries: AttributeEntry[] };

/**
 * One line of the "changed by someone else" table. For a single value, `opened` and `now` hold
 * the value then and now ([] = empty). For a list, only the entries that differ: `opened` those
 * gone since the sheet opened, `now` those added since.
 */
export type AttributeChange = {
  key: string;
  label: string;
  list: boolean;
  opened: string[];
  now: string[];
  /** The admin's own held change to this attribute, in the same terms, when there is one. */
  mine?: { opened: string[]; now: string[] };
};

export function valueAttribute(key: string, label: string, value: string | null, compareAs: string | null = value): SheetAttribute {
  return { key, label, list: false, entries: value === null || value === '' ? [] : [{ key: compareAs ?? value, text: value }] };
}

export function listAttribute(key: string, label: string, entries: AttributeEntry[]): SheetAttribute {
  return { key, label, list: true, entries };
}

type Difference = { opened: string[]; now: string[] };

/** What differs between two states of one attribute; null when they are the same. */
function difference(before: SheetAttribute | undefined, after: SheetAttribute | undefined): Difference | null {
  const from = before?.entries ?? [];
  const to = after?.entries ?? [];
  const list = (before ?? after)?.list ?? false;
  if (!list) {
    const same = from.length === to.length && from.every((entry, index) => entry.key === to[index].key);
    return same ? null : { opened: from.map((e) => e.text), now: to.map((e) => e.text) };
  }
  const fromKeys = new Set(from.map((e) => e.key));
  const toKeys = new Set(to.map((e) => e.key));
  const gone = from.filter((e) => !toKeys.has(e.key)).map((e) => e.text);
  const added = to.filter((e) => !fromKeys.has(e.key)).map((e) => e.text);
  return gone.length || added.length ? { opened: gone, now: added } : null;
}

/**
 * The attributes that differ between what the sheet opened and what is stored now, in the
 * sheet's order (an attribute only one side has, such as a new address type's reply address,
 * counts as empty on the other). With `pending` (the sheet's held state), each line also says
 * what the admin changed in that attribute, so a clash of both edits is visible.
 */
export function changedAttributes(opened: SheetAttribute[], now: SheetAttribute[], pending?: SheetAttribute[]): AttributeChange[] {
  const byKey = (attributes: SheetAttribute[] | undefined) => new Map((attributes ?? []).map((a) => [a.key, a]));
  const openedByKey = byKey(opened);
  const nowByKey = byKey(now);
  const pendingByKey = byKey(pending);
  const order = [...opened, ...now.filter((a) => !openedByKey.has(a.key))];

  const changes: AttributeChange[] = [];
  for (const attribute of order) {
    const then = openedByKey.get(attribute.key);
    const diff = difference(then, nowByKey.get(attribute.key));
    if (!diff) continue;
    const mine = pending ? difference(then, pendingByKey.get(attribute.key)) : null;
    changes.push({ key: attribute.key, label: attribute.label, list: attribute.list, ...diff, ...(mine ? { mine } : {}) });
  }
  return changes;
}

/**
 * Overwrite: the admin's changes on top of what is stored now. A field the admin changed (draft
 * differs from the state the sheet opened) keeps the admin's value; every other field takes the
 * current value, so someone else's change to a field the admin did not touch survives. A list
 * field is one field: the admin's whole list wins when the admin changed it.
 */
export function rebaseChanges<T extends object>(opened: T, draft: T, current: T): T {
  const result = { ...current };
  for (const field of Object.keys(draft) as (keyof T)[]) {
    if (!sameValue(draft[field], opened[field])) result[field] = draft[field];
  }
  return result;
}

/** Plain-data equality (the sheets' drafts are JSON-shaped). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
