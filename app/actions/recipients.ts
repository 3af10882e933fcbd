'use server';
// Thin server actions for the recipient pages: parse with the shared schemas, call the data layer.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionResult, runAction } from '@/lib/server/actions/run-action';
import { db } from '@/lib/server/db';
import { assertProxiesFree } from '@/lib/server/recipients/proxy-addresses';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { deleteRecipient } from '@/lib/server/recipients/delete-recipient';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { listRecipients, type RecipientRow } from '@/lib/server/recipients/list-recipients';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { updateRecipient } from '@/lib/server/recipients/update-recipient';
import { createRecipientSchema, updateRecipientSchema } from '@/lib/validation/recipient';
import { recipientListQuerySchema } from '@/lib/validation/recipient-list';

const idSchema = z.number().int().positive();

export async function createRecipientAction(input: unknown): Promise<ActionResult<RecipientDetail>> {
  const result = await runAction(() => createRecipient(createRecipientSchema.parse(input)));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}

export async function updateRecipientAction(id: unknown, input: unknown): Promise<ActionResult<RecipientDetail>> {
  const result = await runAction(() => updateRecipient(idSchema.parse(id), updateRecipientSchema.parse(input)));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}

/** The property sheet after a version conflict: what is stored now, to show what changed. */
export async function getRecipientAction(id: unknown): Promise<ActionResult<RecipientDetail>> {
  return runAction(() => getRecipient(idSchema.parse(id)));
}

export async function deleteRecipientAction(id: unknown): Promise<ActionResult<{ id: number; displayName: string }>> {
  const result = await runAction(() => deleteRecipient(idSchema.parse(id)));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}

/** The address dialogs' OK: refuses at once an address another recipient holds (Q251152). */
export async function checkAddressFreeAction(recipientId: unknown, type: unknown, address: unknown): Promise<ActionResult<true>> {
  return runAction(async () => {
    const owner = recipientId === null ? null : idSchema.parse(recipientId);
    const entry = { type: z.string().max(16).parse(type), address: z.string().max(1024).parse(address) };
    await assertProxiesFree(db, owner, [entry]);
    return true as const;
  });
}

/** The address book dialogs (Modify members / lists): a page of matches. */
export async function findRecipientsAction(query: unknown): Promise<ActionResult<RecipientRow[]>> {
  return runAction(async () => (await listRecipients(recipientListQuerySchema.parse(query))).rows);
}
