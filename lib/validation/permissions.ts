import { z } from 'zod';
import { ROLES } from '@/lib/core/auth/permissions';
import { MAX_RECORD_ID } from './record-id';

const role = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}.` });
/** A site's name; absent or null: the organisation. */
const site = z
  .string({ error: 'site must be text.' })
  .trim()
  .min(1, { error: 'site must not be empty; leave it out for the organization.' })
  .max(64, { error: 'A site name has at most 64 characters.' });

/** GET /api/v1/permissions?site= */
export const permissionsQuerySchema = z.strictObject({ site: site.optional() });

/** POST /api/v1/permissions and the Permissions tab's Add... dialog. */
export const grantRoleSchema = z.strictObject({
  username: z
    .string({ error: 'username must be text.' })
    .trim()
    .min(1, { error: 'Choose an administrator.' })
    .max(64, { error: 'A user name has at most 64 characters.' }),
  role,
  site: site.nullable().optional(),
});
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

/** PATCH /api/v1/permissions/{id} and the Change Role... dialog. */
export const changeRoleSchema = z.strictObject({ role });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** A grant's id as the Permissions tab sends it to its server actions. */
export const grantIdSchema = z.number({ error: 'The permission id must be a number.' }).int().positive().max(MAX_RECORD_ID);
