'use server';
import { revalidatePath } from 'next/cache';
import { type ActionResult, runAction } from '@/lib/server/actions/run-action';
import { changeRole } from '@/lib/server/permissions/change-role';
import { grantRole } from '@/lib/server/permissions/grant-role';
import type { PermissionEntry } from '@/lib/server/permissions/list-permissions';
import { revokeRole } from '@/lib/server/permissions/revoke-role';
import { changeRoleSchema, grantIdSchema, grantRoleSchema } from '@/lib/validation/permissions';

// The Permissions tab's Add..., Change Role... and Remove. The data functions check that the
// administrator is a Permissions Admin of the place; hiding the buttons is only a courtesy.

export async function grantRoleAction(input: unknown): Promise<ActionResult<PermissionEntry>> {
  const result = await runAction(() => grantRole(grantRoleSchema.parse(input)));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function changeRoleAction(id: unknown, input: unknown): Promise<ActionResult<PermissionEntry>> {
  const result = await runAction(() => changeRole(grantIdSchema.parse(id), changeRoleSchema.parse(input).role));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}

export async function revokeRoleAction(id: unknown): Promise<ActionResult<{ id: number }>> {
  const result = await runAction(() => revokeRole(grantIdSchema.parse(id)));
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
