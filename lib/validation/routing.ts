import { z } from 'zod';
import { checkMsName, checkMsPostoffice } from '@/lib/core/addresses';
import { checkPostofficeEntry } from '@/lib/core/routing/postoffices';
import { checkDomainName, checkRouteEntry, normalizeSentTo, sentToKey } from '@/lib/core/routing/routing-table';
import { MAX_ADDRESS_LENGTH } from '@/lib/core/routing/resolve';
import { ORIGINS, POSTOFFICE_CONNECTIONS, ROUTE_INBOUND } from '@/lib/core/routing/types';
import { LIMITS } from '@/lib/validation/recipient';

export const MAX_ROUTES = 1000;
export const MAX_POSTOFFICES = 1000;
export const MAX_BATCH = 10_000;

const routeSchema = z
  .strictObject({
    sentTo: z.string({ error: 'sentTo must be text, e.g. "cpandl.net" or "#microsoft.com".' }).max(300, { error: 'sentTo can be at most 300 characters.' }),
    routeTo: z.string({ error: 'routeTo must be "inbound" or a domain.' }).max(300, { error: 'routeTo can be at most 300 characters.' }),
  })
  .superRefine((entry, ctx) => {
    const problem = checkRouteEntry(entry, null);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  })
  .transform((entry) => ({
    sentTo: normalizeSentTo(entry.sentTo),
    routeTo: entry.routeTo.trim().toLowerCase() === ROUTE_INBOUND ? ROUTE_INBOUND : entry.routeTo.trim().toLowerCase(),
  }));

/**
 * The `version` a property sheet (or an API client) read with GET, sent back so that a save over
 * someone else's change is refused (409) instead of silently undoing it. 0 is what GET reports
 * for a site whose Internet Mail Service or connector has never been saved.
 */
const versionSchema = z
  .number({ error: 'version must be the whole number GET returned.' })
  .int({ error: 'version must be the whole number GET returned.' })
  .nonnegative({ error: 'version must be the whole number GET returned.' })
  .optional();

/**
 * PUT /api/v1/sites/{site}/internet-mail-service and the Internet Mail Service sheet's Apply.
 * The checks that need the site (its SMTP domain, the administrator's directory name) and the
 * rewrite-loop warning run in the data layer, which knows them.
 */
export const internetMailServiceSchema = z.strictObject({
  hostName: z
    .string({ error: 'hostName must be text, e.g. "mail.adatum.com".' })
    .max(255, { error: 'The host name can be at most 255 characters.' })
    .superRefine((value, ctx) => {
      const check = checkDomainName(value, 'The host name');
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
    })
    .transform((value) => value.trim().toLowerCase()),
  administrator: z
    .string({ error: "administrator must be the directory name of the administrator's mailbox, or null." })
    .trim()
    .min(1, { error: "administrator must name a recipient's directory name, or be null." })
    .max(LIMITS.directoryName, { error: `A directory name can be at most ${LIMITS.directoryName} characters.` })
    .nullable(),
  rerouteIncoming: z.boolean({ error: 'rerouteIncoming must be true or false.' }),
  routes: z
    .array(routeSchema, { error: 'routes must be a list of { sentTo, routeTo }.' })
    .max(MAX_ROUTES, { error: `The routing table can have at most ${MAX_ROUTES} entries.` })
    .superRefine((routes, ctx) => {
      const seen = new Set<string>();
      routes.forEach((route, index) => {
        const key = sentToKey(route.sentTo);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'sentTo'], message: `The routing table already has an entry for ${route.sentTo}.` });
        seen.add(key);
      });
    }),
  /** A table with a rewrite loop is saved only when the caller has seen the warning. */
  confirmLoops: z.boolean({ error: 'confirmLoops must be true or false.' }).optional(),
  version: versionSchema,
});
export type InternetMailServiceInput = z.infer<typeof internetMailServiceSchema>;

const postofficePart = (part: 'network' | 'postoffice') =>
  z
    .string({ error: `${part} must be text.` })
    .trim()
    .superRefine((value, ctx) => {
      const check = checkMsName(value, part);
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
    })
    .transform((value) => value.toUpperCase());

const postofficeSchema = z.strictObject({
  network: postofficePart('network'),
  postoffice: postofficePart('postoffice'),
  connection: z.enum(POSTOFFICE_CONNECTIONS, { error: 'connection must be "direct" or "indirect".' }),
});

/** PUT /api/v1/sites/{site}/msmail-connector and the MS Mail Connector sheet's Apply. */
export const msMailConnectorSchema = z
  .strictObject({
    postoffice: z
      .string({ error: 'postoffice must be text, e.g. "ADATUM/REDMOND".' })
      .trim()
      .superRefine((value, ctx) => {
        const check = checkMsPostoffice(value);
        if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
      })
      .transform((value) => value.toUpperCase()),
    postoffices: z
      .array(postofficeSchema, { error: 'postoffices must be a list of { network, postoffice, connection }.' })
      .max(MAX_POSTOFFICES, { error: `The connector can know at most ${MAX_POSTOFFICES} postoffices.` }),
    version: versionSchema,
  })
  .superRefine((value, ctx) => {
    value.postoffices.forEach((po, index) => {
      // The earlier lines only: the second of two equal lines is the one refused.
      const problem = checkPostofficeEntry(po, value.postoffice, value.postoffices.slice(0, index));
      if (problem) ctx.addIssue({ code: 'custom', path: ['postoffices', index, problem.field], message: problem.message });
    });
  });
export type MsMailConnectorInput = z.infer<typeof msMailConnectorSchema>;

const previewItemSchema = z.strictObject({
  address: z.string({ error: 'address must be text, e.g. "administrator@cpandl.net".' }).max(MAX_ADDRESS_LENGTH, { error: `The address can be at most ${MAX_ADDRESS_LENGTH} characters.` }),
  origin: z.enum(ORIGINS, { error: 'origin must be "internet", "exchange" or "msmail".' }),
  site: z.string({ error: 'site must be the name of a site.' }).max(64, { error: 'A site name can be at most 64 characters.' }).optional(),
});

/** POST /api/v1/routing/preview */
export const routingPreviewSchema = previewItemSchema;
export type RoutingPreviewInput = z.infer<typeof routingPreviewSchema>;

/** POST /api/v1/routing/preview/batch */
export const routingBatchSchema = z.strictObject({
  items: z
    .array(previewItemSchema, { error: 'items must be a list of { address, origin, site? }.' })
    .min(1, { error: 'items must hold at least one address.' })
    .max(MAX_BATCH, { error: `A batch can hold at most ${MAX_BATCH.toLocaleString('en-US')} addresses.` }),
  /** false leaves each result's `steps` out: a tenth of the size, for checks that need verdicts only. */
  steps: z.boolean({ error: 'steps must be true or false.' }).optional(),
});

/** The preview page's URL parameters, read leniently (a bad origin falls back to the Internet). */
export function parsePreviewParams(params: Record<string, string | string[] | undefined>) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const origin = first(params.origin);
  return {
    address: (first(params.address) ?? '').slice(0, MAX_ADDRESS_LENGTH + 1),
    origin: (ORIGINS as readonly string[]).includes(origin ?? '') ? (origin as (typeof ORIGINS)[number]) : 'internet',
  };
}
