import 'server-only';
import { canView } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { type RecipientDetail, recipientDetailSelect, toRecipientDetail } from './select';

export async function getRecipient(id: number): Promise<RecipientDetail> {
  const row = await db.recipient.findUnique({ where: { id }, select: recipientDetailSelect });
  // A recipient of a site the administrator cannot see reads as missing.
  if (!row || !(await canView(row.siteId))) throw notFound(`There is no recipient with id ${id}.`);
  return toRecipientDetail(row);
}
