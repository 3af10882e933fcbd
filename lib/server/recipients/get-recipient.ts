import 'server-only';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { type RecipientDetail, recipientDetailSelect, toRecipientDetail } from './select';

export async function getRecipient(id: number): Promise<RecipientDetail> {
  const row = await db.recipient.findUnique({ where: { id }, select: recipientDetailSelect });
  if (!row) throw notFound(`There is no recipient with id ${id}.`);
  return toRecipientDetail(row);
}
