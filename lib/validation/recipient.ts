// One zod schema per input, shared by the property sheets (client) and the API / actions (server).
import { z } from 'zod';
import { checkAddress, normalizeAddressType, parseWrittenAddress } from '@/lib/core/addresses';
import { MAX_RECORD_ID } from './record-id';

/** Exchange Administrator's General tab limits (../shared/EXCHANGE55.md). */
export const LIMITS = { firstName: 64, initials: 6, lastName: 64, displayName: 256, alias: 64, directoryName: 64 } as const;

const LABELS = {
  firstName: 'First name',
  initials: 'Initials',
  lastName: 'Last name',
  displayName: 'Display name',
  alias: 'Alias',
  directoryName: 'Directory name',
} as const;

const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

function text(field: keyof typeof LIMITS, { required }: { required: boolean }) {
  const label = LABELS[field];
  let s = z
    .string({ error: `${label} must be text.` })
    .max(LIMITS[field], { error: `${label} can be at most ${LIMITS[field]} characters.` })
    .refine(noControl, { error: `${label} must not contain control characters.` })
    .refine((v) => v.trim() === v, { error: `${label} must not begin or end with spaces.` });
  if (required) s = s.min(1, { error: `${label} is required.` });
  return s;
}

/** Alias: used to generate addresses (%m); Exchange refuses characters that break them. */
export const aliasSchema = text('alias', { required: true }).refine((v) => !/[\s@"(),:;<>[\]\\]/.test(v), {
  error: 'Alias must not contain spaces or any of @ " ( ) , : ; < > [ ] \\.',
});
export const directoryNameSchema = text('directoryName', { required: true }).refine((v) => !/[\\/]/.test(v), {
  error: 'Directory name must not contain / or \\.',
});

export const RECIPIENT_KINDS = ['mailbox', 'custom', 'dl'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const KIND_LABELS: Record<RecipientKind, string> = {
  mailbox: 'Mailbox',
  custom: 'Custom Recipient',
  dl: 'Distribution List',
};

/** A written address `TYPE:address` (a custom recipient's target). */
export const writtenAddressSchema = z.string({ error: 'The target address must be text, e.g. SMTP:cust@partner.example.' }).superRefine((value, ctx) => {
  const parsed = parseWrittenAddress(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'The target address must be written TYPE:address, e.g. SMTP:cust@partner.example.' });
    return;
  }
  const check = checkAddress(parsed.type, parsed.address);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

export const nameFieldsSchema = z.object({
  firstName: text('firstName', { required: false }).optional(),
  initials: text('initials', { required: false }).optional(),
  lastName: text('lastName', { required: false }).optional(),
  displayName: text('displayName', { required: true }),
  alias: aliasSchema,
});

export const createRecipientSchema = z
  .strictObject({
    kind: z.enum(RECIPIENT_KINDS, { error: 'kind must be "mailbox", "custom" or "dl".' }),
    site: z.string().min(1).max(64).optional(),
    directoryName: directoryNameSchema.optional(),
    alias: aliasSchema,
    displayName: text('displayName', { required: true }),
    firstName: text('firstName', { required: false }).optional(),
    initials: text('initials', { required: false }).optional(),
    lastName: text('lastName', { required: false }).optional(),
    targetAddress: writtenAddressSchema.optional(),
    members: z.array(directoryNameSchema, { error: 'members must be a list of directory names.' }).max(10_000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'custom' && !value.targetAddress) {
      ctx.addIssue({ code: 'custom', path: ['targetAddress'], message: 'A custom recipient needs a target address, e.g. SMTP:cust@partner.example.' });
    }
    if (value.kind !== 'custom' && value.targetAddress !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['targetAddress'], message: 'Only a custom recipient has a target address.' });
    }
    if (value.kind !== 'dl' && value.members !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'Only a distribution list has members.' });
    }
  });
export type CreateRecipientInput = z.infer<typeof createRecipientSchema>;

export const proxyAddressInputSchema = z.strictObject({
  type: z
    .string({ error: 'type must be text (SMTP, MS, X400, CCMAIL or another type name).' })
    .transform(normalizeAddressType),
  address: z.string({ error: 'address must be text.' }),
  primary: z.boolean({ error: 'primary must be true or false.' }).optional(),
});
export type ProxyAddressInput = z.infer<typeof proxyAddressInputSchema>;

export const proxyAddressPatchSchema = z
  .strictObject({
    address: z.string({ error: 'address must be text.' }).optional(),
    primary: z.literal(true, { error: 'primary can only be set to true (Set As Reply Address); make another address primary instead.' }).optional(),
  })
  .refine((v) => v.address !== undefined || v.primary !== undefined, { error: 'Give address and/or "primary": true.' });

const idList = z.array(z.number({ error: 'must be a recipient id (a number).' }).int().positive().max(MAX_RECORD_ID)).max(10_000);

/** PATCH /recipients/{id} and the property sheet's Apply: every field optional, lists replace. */
export const updateRecipientSchema = z.strictObject({
  version: z.number().int().positive().max(MAX_RECORD_ID).optional(),
  displayName: text('displayName', { required: true }).optional(),
  alias: aliasSchema.optional(),
  firstName: text('firstName', { required: false }).optional(),
  initials: text('initials', { required: false }).optional(),
  lastName: text('lastName', { required: false }).optional(),
  targetAddress: writtenAddressSchema.optional(),
  proxyAddresses: z
    .array(
      z.strictObject({
        type: z.string().transform(normalizeAddressType),
        address: z.string(),
        primary: z.boolean(),
      }),
    )
    .max(1000)
    .optional(),
  /** Distribution lists only: the members, by directory name or id. */
  members: z.array(z.union([directoryNameSchema, z.number().int().positive().max(MAX_RECORD_ID)])).max(10_000).optional(),
  /** The lists this recipient belongs to (Distribution Lists tab), by id. */
  memberOf: idList.optional(),
});
export type UpdateRecipientInput = z.infer<typeof updateRecipientSchema>;
