'use server';
import { revalidatePath } from 'next/cache';
import { type ActionResult, runAction } from '@/lib/server/actions/run-action';
import { type CreatedApiToken, createOwnApiToken } from '@/lib/server/tokens/create-own-api-token';
import { revokeOwnApiToken } from '@/lib/server/tokens/revoke-own-api-token';
import { paths } from '@/components/shell/paths';
import { createTokenSchema, tokenIdSchema } from '@/lib/validation/tokens';

// Tools → API Tokens: New Token... and Revoke. The data functions check whose token it is; the
// page offers only what the administrator may do.

export async function createTokenAction(input: unknown): Promise<ActionResult<CreatedApiToken>> {
  const result = await runAction(() => {
    const { name, username } = createTokenSchema.parse(input);
    return createOwnApiToken(name, username);
  });
  if (result.ok) revalidatePath(paths.apiTokens());
  return result;
}

export async function revokeTokenAction(id: unknown): Promise<ActionResult<{ id: number }>> {
  const result = await runAction(async () => ({ id: (await revokeOwnApiToken(tokenIdSchema.parse(id))).id }));
  if (result.ok) revalidatePath(paths.apiTokens());
  return result;
}
