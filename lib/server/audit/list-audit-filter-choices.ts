import 'server-only';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { auditVisibility } from './audit-filter';

export type AuditFilterChoices = { administrators: string[]; actions: string[]; objectTypes: string[] };

/**
 * The values the Audit Log's filters offer: the administrators, actions and object types of the
 * entries the acting administrator may see (GROUP BY in the database, not a read of the trail).
 */
export async function listAuditFilterChoices(): Promise<AuditFilterChoices> {
  const actor = await currentActor();
  const sites = await db.site.findMany({ select: { id: true } });
  const where = auditVisibility(actor.grants, sites.map((s) => s.id));
  const [administrators, actions, objectTypes] = await Promise.all([
    db.auditEntry.groupBy({ by: ['actor'], where, orderBy: { actor: 'asc' } }),
    db.auditEntry.groupBy({ by: ['action'], where, orderBy: { action: 'asc' } }),
    db.auditEntry.groupBy({ by: ['objectType'], where, orderBy: { objectType: 'asc' } }),
  ]);
  return { administrators: administrators.map((r) => r.actor), actions: actions.map((r) => r.action), objectTypes: objectTypes.map((r) => r.objectType) };
}
