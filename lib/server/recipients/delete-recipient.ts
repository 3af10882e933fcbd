import 'server-only';
import { db, serializeWrites } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { retryOnWriteRace } from './proxy-addresses';
import { recipientState, requireRecipientAccess } from './recipient-access';

/** Deletes a recipient with its proxy addresses and list memberships (Edit → Delete). */
export async function deleteRecipient(id: number): Promise<{ id: number; displayName: string }> {
  const { count, row } = await retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      await serializeWrites(tx);
      const access = await requireRecipientAccess(tx, id, 'change');
      const before = (await recipientState(tx, id))!.state;
      const row = await tx.recipient.findUnique({ where: { id }, select: { id: true, displayName: true } });
      const { count } = await tx.recipient.deleteMany({ where: { id } });
      if (count > 0) {
        await recordAudit(tx, { action: 'recipient.delete', objectType: 'recipient', objectId: id, objectName: access.displayName, siteId: access.siteId, before, after: null });
      }
      return { count, row };
    }),
  );
  if (!row || count === 0) throw notFound(`There is no recipient with id ${id}.`);
  return row;
}
