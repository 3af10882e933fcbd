import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** What a permissions row shows of a grant. */
export const grantSelect = {
  id: true,
  role: true,
  siteId: true,
  administratorId: true,
  administrator: { select: { username: true } },
  site: { select: { name: true } },
} satisfies Prisma.RoleGrantSelect;

export type GrantRow = Prisma.RoleGrantGetPayload<{ select: typeof grantSelect }>;

/** A grant as the audit trail records it: who, which role, where. */
export function auditedGrant(row: GrantRow, organization: string) {
  const scope = row.site?.name ?? organization;
  return { name: `${row.administrator.username} on ${scope}`, attributes: { username: row.administrator.username, role: row.role, scope } };
}
