import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { searchKey } from '../../scripts/migrate.mjs';
import { lowerCaseKey, prefixRange } from './search-keys';

/** Byte order of UTF-8, as SQLite's BINARY and PostgreSQL's COLLATE "C" compare. */
const byteCompare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const inRange = (key: string, range: { from: string; to: string }) => byteCompare(key, range.from) >= 0 && byteCompare(key, range.to) < 0;

describe('[SEARCH KEYS] begins-with as a range an index can answer', () => {
  test('keys ignore case, also beyond ASCII, and NFC and NFD spellings are one key', () => {
    expect(lowerCaseKey('Émile ZOLA')).toBe('émile zola');
    expect(lowerCaseKey('E\u0301mile')).toBe(lowerCaseKey('\u00c9mile'));
  });

  test('the migration backfill computes the same keys as the app', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (value) => searchKey(value) === lowerCaseKey(value)));
  });

  test('% and _ are plain characters, and an empty prefix is no range', () => {
    expect(prefixRange('')).toBeNull();
    expect(prefixRange('50%_')).toEqual({ from: '50%_', to: '50%`' });
    expect(prefixRange('Kel')).toEqual({ from: 'kel', to: 'kem' });
  });

  test('a key is in the range exactly when it begins with the prefix (byte order)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'z', 'é', '%', '_', '~', '\u{10FFFF}', '\u{FFFF}', '中', '@', '.') });
    fc.assert(
      fc.property(text, text, (prefix, rest) => {
        const range = prefixRange(prefix);
        fc.pre(range !== null);
        const key = lowerCaseKey(rest);
        expect(inRange(key, range!)).toBe(key.startsWith(lowerCaseKey(prefix)));
      }),
      { numRuns: 2000 },
    );
  });
});
