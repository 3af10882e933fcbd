// Tools → Find Recipients (Exchange 5.5's Find Recipients dialog): what to look for and where.
// One schema for the API (GET /api/v1/recipients/find, strict: a bad parameter is a 422 naming
// it) and the page, which reads its URL with the lenient parser below.
import { z } from 'zod';
import { LIMITS } from './recipient';

/** At most this many recipients are listed; `more` says there were others. */
export const FIND_LIMIT = 200;

/** The search fields, in the dialog's order. */
export const FIND_FIELDS = ['displayName', 'alias', 'address'] as const;
export type FindField = (typeof FIND_FIELDS)[number];

/** The dialog's labels, for messages that name the fields. */
export const FIND_FIELD_LABELS: Record<FindField, string> = { displayName: 'Display name', alias: 'Alias', address: 'E-mail address' };

// The longest written address: a 16-character type, ':' and a 1,024-character address.
const MAX_ADDRESS = 16 + 1 + 1024;
/** The longest text each field takes (the page's boxes take no more). */
export const FIND_MAX_LENGTH: Record<FindField, number> = { displayName: LIMITS.displayName, alias: LIMITS.alias, address: MAX_ADDRESS };

// A control character can be in no name or address; PostgreSQL refuses a NUL in text outright.
const CONTROL = /[\u0000-\u001f\u007f]/;

function criterion(field: FindField) {
  return z
    .string({ error: `${field} must be text.` })
    .max(FIND_MAX_LENGTH[field], { error: `${field} can be at most ${FIND_MAX_LENGTH[field]} characters.` })
    .refine((v) => !CONTROL.test(v), { error: `${field} must not contain control characters.` })
    // "Begins with" ignores spaces around what was typed, as the Recipients list's Find does.
    .transform((v) => v.trim());
}

export const NOTHING_TO_FIND = 'Give at least one of displayName, alias or address: each finds the recipients whose value begins with it.';
/** The page's words for the same refusal. */
export const NOTHING_TO_FIND_PAGE = `Fill in ${FIND_FIELD_LABELS.displayName}, ${FIND_FIELD_LABELS.alias} or ${FIND_FIELD_LABELS.address}: Find Now lists the recipients whose values begin with what you type.`;

const shape = {
  displayName: criterion('displayName').optional(),
  alias: criterion('alias').optional(),
  /** Bare ("bob@", any type) or written with its type ("smtp:bob@", "X400:c=US"). */
  address: criterion('address').optional(),
  /** "Look in": a site's name (case-insensitive); omitted, the whole organization. */
  site: z.string({ error: 'site must be text.' }).min(1, { error: 'site must name a site.' }).max(64, { error: 'site can be at most 64 characters.' }).optional(),
};

/** GET /api/v1/recipients/find: at least one of displayName, alias, address (blank is not given). */
export const findRecipientsQuerySchema = z.strictObject(shape).superRefine((value, ctx) => {
  if (FIND_FIELDS.every((field) => !value[field])) {
    for (const field of FIND_FIELDS) ctx.addIssue({ code: 'custom', path: [field], message: NOTHING_TO_FIND });
  }
});
export type FindRecipientsQuery = z.infer<typeof findRecipientsQuerySchema>;

/** The criteria as the page's boxes show them (blank for not given). */
export type FindCriteria = Record<FindField, string> & { site: string };

/**
 * The page's URL, read leniently: unknown parameters are ignored and an empty search is simply
 * not run. `query` is what to run (null when nothing is asked yet, or a value is refused),
 * `error` the refusal in the dialog's words.
 */
export function parseFindRecipientsParams(params: Record<string, string | string[] | undefined>): {
  criteria: FindCriteria;
  query: FindRecipientsQuery | null;
  error: string | null;
} {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const criteria: FindCriteria = { displayName: one(params.displayName), alias: one(params.alias), address: one(params.address), site: one(params.site) };
  const given = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== ''));
  if (FIND_FIELDS.every((field) => criteria[field].trim() === '')) return { criteria, query: null, error: null };
  const parsed = findRecipientsQuerySchema.safeParse(given);
  if (parsed.success) return { criteria, query: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  const field = issue.path[0] as FindField | 'site';
  const label = field === 'site' ? 'Look in' : FIND_FIELD_LABELS[field];
  // "displayName can be at most 256 characters." → "Display name can be at most 256 characters."
  return { criteria, query: null, error: issue.message.startsWith(`${field} `) ? `${label}${issue.message.slice(field.length)}` : issue.message };
}

/** The page's URL for criteria (blank fields left out). */
export function findRecipientsSearch(criteria: Partial<FindCriteria>): string {
  const search = new URLSearchParams();
  for (const key of [...FIND_FIELDS, 'site'] as const) {
    const value = criteria[key];
    if (value) search.set(key, value);
  }
  return search.toString();
}
