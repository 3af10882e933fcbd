import { apiRoute, json, readBody, readId } from '@/lib/server/api/handler';
import { deleteRecipient } from '@/lib/server/recipients/delete-recipient';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { updateRecipient } from '@/lib/server/recipients/update-recipient';
import { updateRecipientSchema } from '@/lib/validation/recipient';

type Params = { id: string };

// GET /api/v1/recipients/{id} – a recipient with its proxy addresses, members and lists
export const GET = apiRoute<Params>(async (_request, { id }) => json(await getRecipient(readId(id))));

// PATCH /api/v1/recipients/{id} – change General fields, the whole proxy list, target, members, lists
export const PATCH = apiRoute<Params>(async (request, { id }) =>
  json(await updateRecipient(readId(id), await readBody(request, updateRecipientSchema))),
);

// DELETE /api/v1/recipients/{id} – delete a recipient with its addresses and memberships
export const DELETE = apiRoute<Params>(async (_request, { id }) => json({ deleted: await deleteRecipient(readId(id)) }));
