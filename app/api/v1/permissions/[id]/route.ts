import { apiRoute, json, readBody, readId } from '@/lib/server/api/handler';
import { changeRole } from '@/lib/server/permissions/change-role';
import { revokeRole } from '@/lib/server/permissions/revoke-role';
import { changeRoleSchema } from '@/lib/validation/permissions';

type Params = { id: string };

// PATCH /api/v1/permissions/{id} – change the role of a grant { role }; Permissions Admin only
export const PATCH = apiRoute<Params>(async (request, { id }) => json(await changeRole(readId(id), (await readBody(request, changeRoleSchema)).role)));

// DELETE /api/v1/permissions/{id} – remove a grant; Permissions Admin only, never the organisation's last one
export const DELETE = apiRoute<Params>(async (_request, { id }) => json({ revoked: await revokeRole(readId(id)) }));
