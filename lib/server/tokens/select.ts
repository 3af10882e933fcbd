import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** What a token list shows of a token: never its hash. */
export const apiTokenSelect = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiTokenSelect;

type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export type ApiTokenEntry = {
  /** DELETE /api/v1/tokens/{id}; also what `npm run admin -- revoke-token` takes. */
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'revoked';
};

export function apiTokenEntry(row: ApiTokenRow): ApiTokenEntry {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt ? 'revoked' : 'active',
  };
}

/** How the audit trail names a token: "nightly export of jdoe". */
export const auditedTokenName = (name: string, username: string) => `${name} of ${username}`;
