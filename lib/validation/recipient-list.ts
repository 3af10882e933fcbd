import { z } from 'zod';

export const RECIPIENT_SORT_KEYS = ['displayName', 'alias', 'kind', 'directoryName'] as const;
export type RecipientSortKey = (typeof RECIPIENT_SORT_KEYS)[number];
export const MAX_PER_PAGE = 200;

const sortPattern = new RegExp(`^-?(${RECIPIENT_SORT_KEYS.join('|')})$`);

/** GET /api/v1/recipients: strict, a bad parameter is a 422 naming it. */
export const recipientListQuerySchema = z.strictObject({
  site: z.string().min(1).max(64).optional(),
  // The Find box: recipients whose display name, alias or any address begins with it
  // (lib/server/recipients/recipient-queries.ts). No control characters: no name or address
  // holds one, and PostgreSQL refuses a NUL in text outright.
  q: z
    .string()
    .max(256, { error: 'q can be at most 256 characters.' })
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: 'q must not contain control characters.' })
    .optional(),
  page: z.coerce.number({ error: 'page must be a number.' }).int({ error: 'page must be a whole number.' }).min(1, { error: 'page starts at 1.' }).max(1_000_000).default(1),
  perPage: z.coerce
    .number({ error: 'perPage must be a number.' })
    .int({ error: 'perPage must be a whole number.' })
    .min(1, { error: 'perPage must be at least 1.' })
    .max(MAX_PER_PAGE, { error: `perPage can be at most ${MAX_PER_PAGE}.` })
    .default(50),
  kind: z.enum(['mailbox', 'custom', 'dl'], { error: 'kind must be mailbox, custom or dl.' }).optional(),
  sort: z
    .string()
    .regex(sortPattern, { error: `sort must be one of ${RECIPIENT_SORT_KEYS.join(', ')}, optionally prefixed with '-' for descending.` })
    .default('displayName'),
});
export type RecipientListQuery = z.infer<typeof recipientListQuerySchema>;

/** The Recipients page reads its table state from the URL leniently: bad values fall back. */
export function parseRecipientListParams(params: Record<string, string | string[] | undefined>): RecipientListQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const pick = <T,>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const shape = recipientListQuerySchema.shape;
  return {
    q: pick(shape.q, one(params.q) || undefined, undefined),
    page: pick(shape.page, one(params.page) ?? 1, 1),
    perPage: pick(shape.perPage, one(params.perPage) ?? 50, 50),
    sort: pick(shape.sort, one(params.sort) ?? 'displayName', 'displayName'),
    kind: pick(shape.kind, one(params.kind) || undefined, undefined),
  };
}
