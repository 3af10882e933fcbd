import { z } from 'zod';
import { KNOWN_ADDRESS_TYPES, type KnownAddressType } from '@/lib/core/addresses';
import { checkSiteAddressingRule } from '@/lib/core/site-addressing';

const ruleSchema = z
  .strictObject({
    type: z.enum(KNOWN_ADDRESS_TYPES, { error: 'type must be SMTP, MS, X400 or CCMAIL.' }),
    rule: z.string({ error: 'rule must be text.' }).max(256, { error: 'A rule can be at most 256 characters.' }),
    enabled: z.boolean({ error: 'enabled must be true or false.' }),
  })
  .superRefine((value, ctx) => {
    const check = checkSiteAddressingRule(value.type as KnownAddressType, value.rule);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['rule'], message: check.message });
  });

/** PUT /api/v1/sites/{site}/site-addressing and the Site Addressing sheet's Apply. */
export const siteAddressingSchema = z.strictObject({
  rules: z
    .array(ruleSchema)
    .min(1)
    .refine((rules) => new Set(rules.map((r) => r.type)).size === rules.length, { error: 'Each address type can have only one rule.' })
    .refine((rules) => rules.some((r) => r.type === 'SMTP'), { error: 'The SMTP rule is required: it defines the site SMTP domain.' }),
  /** Exchange asks whether to update the addresses of existing recipients; true does so. */
  updateExisting: z.boolean({ error: 'updateExisting must be true or false.' }).optional(),
});
export type SiteAddressingInput = z.infer<typeof siteAddressingSchema>;
