// The keys the Recipients list sorts on and Find Recipients matches on (Recipient.displayNameKey,
// Recipient.aliasKey, ProxyAddress.addressKey). Computed here, once, for every writer (the sheets,
// Directory Import, the seeds), so SQLite and PostgreSQL hold the same bytes and compare them the
// same way (byte order: SQLite's BINARY, PostgreSQL's COLLATE "C").

/** Case-insensitive key: NFC, then lower case (locale-independent, as String#toLowerCase is). */
export function lowerCaseKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/**
 * The half-open range [from, to) of keys that begin with `prefix` in code-point (byte) order:
 * `to` is the prefix with its last code point raised by one. Used instead of LIKE so that `%`
 * and `_` in a search are plain characters and both databases search an index.
 * Null when the prefix is empty (everything matches).
 */
export function prefixRange(prefix: string): { from: string; to: string } | null {
  const points = Array.from(lowerCaseKey(prefix));
  while (points.length) {
    const last = points.pop()!.codePointAt(0)!;
    // U+10FFFF cannot be raised: drop it and raise the code point before it.
    if (last >= 0x10ffff) continue;
    // Skip the surrogate block, which UTF-8 cannot hold.
    const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
    return { from: lowerCaseKey(prefix), to: points.join('') + String.fromCodePoint(next) };
  }
  return null;
}

/** The keys a recipient row carries. */
export function recipientKeys(row: { displayName: string; alias: string }) {
  return { displayNameKey: lowerCaseKey(row.displayName), aliasKey: lowerCaseKey(row.alias) };
}
