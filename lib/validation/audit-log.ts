// Tools → Audit Log: which entries of the audit trail, in which order. One schema for the API
// routes (strict: an unknown or bad parameter is a 422 naming it) and the Audit Log window, which
// reads its URL leniently (a bad value falls back to its default).
import { z } from 'zod';

export const AUDIT_SORT_KEYS = ['time', 'administrator', 'action', 'object'] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];
export const AUDIT_DEFAULT_SORT = '-time';
export const AUDIT_MAX_PER_PAGE = 200;
export const AUDIT_DEFAULT_PER_PAGE = 50;

const sortPattern = new RegExp(`^-?(${AUDIT_SORT_KEYS.join('|')})$`);

/** A day (2026-11-21, the whole UTC day) or an instant with its offset (2026-11-21T10:30:00Z). */
const moment = (name: string) =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: `${name} must be a date (YYYY-MM-DD) or an ISO 8601 date and time with its offset (2026-11-21T10:30:00Z).`,
  });

const text = (name: string, max: number) => z.string().trim().max(max, { error: `${name} can be at most ${max} characters.` });

const filterShape = {
  /** The administrator's user name, exactly ("command line" for npm run scripts). */
  administrator: text('administrator', 64).optional(),
  /** An action (`recipient.update`), or every action of a kind when it ends with a dot (`recipient.`). */
  action: text('action', 64)
    .regex(/^[A-Za-z0-9._-]*$/, { error: 'action is an action name such as recipient.update, or a prefix ending in a dot such as recipient.' })
    .optional(),
  /** The kind of object, exactly: recipient, site-addressing, internet-mail-service, ... */
  objectType: text('objectType', 64).optional(),
  /** Text in the object's name, or its id exactly. */
  object: text('object', 256).optional(),
  /** From this day or instant on (inclusive). */
  from: moment('from').optional(),
  /** Up to this instant, or to the end of this day (inclusive). */
  to: moment('to').optional(),
};

/** The filters without paging: GET /api/v1/audit/export. */
export const auditExportQuerySchema = z.strictObject({
  ...filterShape,
  sort: z
    .string()
    .regex(sortPattern, { error: `sort must be one of ${AUDIT_SORT_KEYS.join(', ')}, optionally prefixed with '-' for descending.` })
    .default(AUDIT_DEFAULT_SORT),
});
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

/** GET /api/v1/audit: the filters and a page. */
export const auditListQuerySchema = z.strictObject({
  ...auditExportQuerySchema.shape,
  page: z.coerce.number({ error: 'page must be a number.' }).int({ error: 'page must be a whole number.' }).min(1, { error: 'page starts at 1.' }).max(1_000_000).default(1),
  perPage: z.coerce
    .number({ error: 'perPage must be a number.' })
    .int({ error: 'perPage must be a whole number.' })
    .min(1, { error: 'perPage must be at least 1.' })
    .max(AUDIT_MAX_PER_PAGE, { error: `perPage can be at most ${AUDIT_MAX_PER_PAGE}.` })
    .default(AUDIT_DEFAULT_PER_PAGE),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export type AuditFilters = Pick<AuditExportQuery, 'administrator' | 'action' | 'objectType' | 'object' | 'from' | 'to'>;
export const AUDIT_FILTER_KEYS = ['administrator', 'action', 'objectType', 'object', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[];

/** The Audit Log window reads its table state from the URL leniently: bad values fall back. */
export function parseAuditListParams(params: Record<string, string | string[] | undefined>): AuditListQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const pick = <T,>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const shape = auditListQuerySchema.shape;
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = pick<string | undefined>(shape[key], one(params[key])?.trim() || undefined, undefined);
    if (value) filters[key] = value;
  }
  return {
    ...filters,
    page: pick(shape.page, one(params.page) ?? 1, 1),
    perPage: pick(shape.perPage, one(params.perPage) ?? AUDIT_DEFAULT_PER_PAGE, AUDIT_DEFAULT_PER_PAGE),
    sort: pick(shape.sort, one(params.sort) ?? AUDIT_DEFAULT_SORT, AUDIT_DEFAULT_SORT),
  };
}

/** The query string of an API call or page URL with these filters (empty ones left out). */
export function auditQueryString(query: Partial<AuditListQuery>): string {
  const search = new URLSearchParams();
  for (const key of [...AUDIT_FILTER_KEYS, 'sort', 'page', 'perPage'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (key === 'sort' && value === AUDIT_DEFAULT_SORT) continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'perPage' && value === AUDIT_DEFAULT_PER_PAGE) continue;
    search.set(key, String(value));
  }
  return search.toString();
}
