// Tools → Directory Export: which recipients of a site, and which attributes, go into the file
// (KB Q155594's format, lib/core/directory-import/write-export.ts). One schema for the API route
// and the Directory Export window; the window reads its URL with the lenient parser below.
import { z } from 'zod';
import { IMPORT_ATTRIBUTES, attributeOfHeader } from '@/lib/core/directory-import/format';
import { DEFAULT_EXPORT_COLUMNS, type ExportColumn } from '@/lib/core/directory-import/format';
import { RECIPIENT_KINDS, type RecipientKind } from './recipient';
import { recipientListQuerySchema } from './recipient-list';

/** Every column Directory Export can write besides Obj-Class and Directory Name, in the header's order. */
export const EXPORT_COLUMNS = (Object.keys(IMPORT_ATTRIBUTES) as Array<keyof typeof IMPORT_ATTRIBUTES>).filter(
  (key): key is ExportColumn => key !== 'objClass' && key !== 'mode' && key !== 'directoryName',
);

/** Written on every row whatever is chosen: the object's class and its key. */
export const ALWAYS_WRITTEN = [IMPORT_ATTRIBUTES.objClass, IMPORT_ATTRIBUTES.directoryName] as const;

/** The filter's limit: the Recipients list's `q`. */
export const MAX_FILTER_LENGTH = recipientListQuerySchema.shape.q.unwrap().maxLength ?? 256;

const COLUMN_LIST = EXPORT_COLUMNS.map((c) => IMPORT_ATTRIBUTES[c]).join(', ');
const KIND_LIST = RECIPIENT_KINDS.join(', ');

const BY_KEY = new Map<string, ExportColumn>(EXPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** A comma-separated list of values: surrounding spaces and empty entries ignored. */
const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export type ColumnsParse = { ok: true; columns: ExportColumn[] } | { ok: false; message: string };

/**
 * `First Name,Proxy-Addresses` or `firstName,proxyAddresses` (either spelling, any case) → the
 * columns, in the order given, each once. Obj-Class and Directory Name are accepted and skipped
 * (they are always written); Mode is refused (an export has no Mode column: every row is an Update).
 */
export function parseExportColumns(value: string): ColumnsParse {
  const columns: ExportColumn[] = [];
  const unknown: string[] = [];
  for (const name of splitList(value)) {
    const attribute = attributeOfHeader(name) ?? BY_KEY.get(name.toLowerCase()) ?? null;
    if (attribute === 'objClass' || attribute === 'directoryName') continue;
    if (attribute === null || attribute === 'mode') unknown.push(name);
    else if (!columns.includes(attribute)) columns.push(attribute);
  }
  if (unknown.length > 0) {
    const named = unknown.map((n) => `'${n.slice(0, 40)}'`).join(', ');
    return {
      ok: false,
      message: `${unknown.length === 1 ? 'This column is' : 'These columns are'} not written by Directory Export: ${named}. Choose from ${COLUMN_LIST} (Obj-Class and Directory Name are always written).`,
    };
  }
  return { ok: true, columns };
}

/** `mailbox,dl` → the kinds, each once, in Exchange's order (mailbox, custom, dl); null when a value is not a kind. */
export function parseExportKinds(value: string): RecipientKind[] | null {
  const given = splitList(value);
  if (given.length === 0 || !given.every((k) => (RECIPIENT_KINDS as readonly string[]).includes(k))) return null;
  return RECIPIENT_KINDS.filter((k) => given.includes(k));
}

const kindSchema = z.string({ error: `kind must be text: ${KIND_LIST}, or several separated by commas.` }).transform((value, ctx) => {
  const kinds = parseExportKinds(value);
  if (kinds) return kinds;
  ctx.addIssue({ code: 'custom', message: `kind must be ${KIND_LIST}, or several separated by commas (mailbox,dl); '${value.slice(0, 40)}' is not.` });
  return z.NEVER;
});

const columnsSchema = z
  .string({ error: `columns must be a comma-separated list of column names (${COLUMN_LIST}).` })
  .max(1000, { error: 'columns can be at most 1000 characters.' })
  .transform((value, ctx) => {
    const parsed = parseExportColumns(value);
    if (parsed.ok) return parsed.columns;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });

/**
 * GET /api/v1/directory/export: strict, an unknown parameter is a 422 naming it.
 * - `site`: the container (a site's Recipients); the first site when absent.
 * - `kind`: mailbox, custom, dl or several (`mailbox,dl`); every kind when absent.
 * - `q`: the Recipients list's filter (display name, alias or directory name contains it, or an
 *   e-mail address starts with it), so a filtered view exports what the list shows.
 * - `columns`: header names or keys, comma-separated; DEFAULT_EXPORT_COLUMNS when absent, and
 *   only Obj-Class and Directory Name when empty (`columns=`).
 */
export const directoryExportQuerySchema = z.strictObject({
  site: z.string().min(1).max(64).optional(),
  kind: kindSchema.optional(),
  q: recipientListQuerySchema.shape.q,
  columns: columnsSchema.optional().transform((columns) => columns ?? [...DEFAULT_EXPORT_COLUMNS]),
});
export type DirectoryExportQuery = z.output<typeof directoryExportQuerySchema>;

/** The Directory Export window's choices. */
export type DirectoryExportChoices = { kinds: RecipientKind[]; q: string; columns: ExportColumn[] };

/** The parameters of the API route (and of the window's own URL) for these choices; defaults are left out. */
export function directoryExportParams(choices: DirectoryExportChoices, site?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (site !== undefined) params.set('site', site);
  if (choices.kinds.length < RECIPIENT_KINDS.length) params.set('kind', choices.kinds.join(','));
  if (choices.q.trim() !== '') params.set('q', choices.q.trim());
  const isDefault = choices.columns.length === DEFAULT_EXPORT_COLUMNS.length && choices.columns.every((c, i) => c === DEFAULT_EXPORT_COLUMNS[i]);
  if (!isDefault) params.set('columns', choices.columns.join(','));
  return params;
}

/**
 * The window's URL, read leniently: a bad value falls back to its default. `kind` and `columns`
 * may be comma-separated or repeated (`?kind=mailbox&kind=dl`).
 */
export function parseDirectoryExportParams(params: Record<string, string | string[] | undefined>): DirectoryExportChoices {
  const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);
  const kind = joined(params.kind);
  const columns = joined(params.columns);
  const q = Array.isArray(params.q) ? params.q[0] : params.q;
  const parsedColumns = columns === undefined ? null : parseExportColumns(columns);
  return {
    kinds: (kind !== undefined && parseExportKinds(kind)) || [...RECIPIENT_KINDS],
    q: q !== undefined && recipientListQuerySchema.shape.q.safeParse(q).success ? q : '',
    // The window's check boxes have no order: its columns are in the header's order.
    columns: parsedColumns?.ok ? EXPORT_COLUMNS.filter((c) => parsedColumns.columns.includes(c)) : [...DEFAULT_EXPORT_COLUMNS],
  };
}
