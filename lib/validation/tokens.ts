import { z } from 'zod';
import { MAX_RECORD_ID } from './record-id';

/** Another administrator's user name (a Permissions Admin's choice); absent: one's own. */
const username = z
  .string({ error: 'username must be text.' })
  .trim()
  .min(1, { error: 'username must not be empty; leave it out for your own tokens.' })
  .max(64, { error: 'A user name has at most 64 characters.' });

/** GET /api/v1/tokens?username= and the API Tokens page's administrator. */
export const tokensQuerySchema = z.strictObject({ username: username.optional() });

export const TOKEN_NAME_MAX = 64;

/** POST /api/v1/tokens and the New Token... dialog. */
export const createTokenSchema = z.strictObject({
  name: z
    .string({ error: 'name must be text.' })
    .trim()
    .min(1, { error: 'Name the token, e.g. after the script that will use it.' })
    .max(TOKEN_NAME_MAX, { error: `A token name has at most ${TOKEN_NAME_MAX} characters.` }),
  username: username.nullable().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** A token's id as the API Tokens page sends it to its server action. */
export const tokenIdSchema = z.number({ error: 'The token id must be a number.' }).int().positive().max(MAX_RECORD_ID);
