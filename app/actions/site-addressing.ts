'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionResult, runAction } from '@/lib/server/actions/run-action';
import { updateSiteAddressing } from '@/lib/server/site-addressing/update-site-addressing';
import { siteAddressingSchema } from '@/lib/validation/site-addressing';

export async function updateSiteAddressingAction(site: unknown, input: unknown): Promise<ActionResult<Awaited<ReturnType<typeof updateSiteAddressing>>>> {
  const result = await runAction(() => updateSiteAddressing(z.string().min(1).max(64).parse(site), siteAddressingSchema.parse(input)));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}
