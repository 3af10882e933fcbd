import 'server-only';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { retryOnWriteRace } from './proxy-addresses';

/** Deletes a recipient with its proxy addresses and list memberships (Edit → Delete). */
export async function deleteRecipient(id: number): Promise<{ id: number; displayName: string }> {
  const { count, row } = await retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      const row = await tx.recipient.findUnique({ where: { id }, select: { id: true, displayName: true } });
      const { count } = await tx.recipient.deleteMany({ where: { id } });
      return { count, row };
    }),
  );
  if (!row || count === 0) throw notFound(`There is no recipient with id ${id}.`);
  return row;
}
