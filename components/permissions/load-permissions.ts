import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/server/errors';
import { listAdministrators } from '@/lib/server/permissions/list-administrators';
import { type PermissionList, listPermissions } from '@/lib/server/permissions/list-permissions';

export type PermissionsData = { list: PermissionList; administrators: string[] };

/**
 * What a Permissions tab needs: the grants, and for a Permissions Admin the accounts Add... offers.
 * A site the administrator cannot see is the not-found page.
 */
export async function loadPermissions(site: string | null): Promise<PermissionsData> {
  const list = await listPermissions(site).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  });
  return { list, administrators: list.canManage ? await listAdministrators(site) : [] };
}
