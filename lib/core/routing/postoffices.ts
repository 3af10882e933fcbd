// The MS Mail Connector's postoffice list (Connections page; Q156545), checked the same way by
// the dialog and by the API's schema.
import { checkMsName } from '../addresses';
import { postofficeKey } from './resolve';
import type { PostofficeDefinition } from './types';

export type PostofficeProblem = { field: 'network' | 'postoffice'; message: string };

/**
 * One postoffice line: names of 1–10 letters or digits, not the connector's own postoffice
 * (`own`, NET/PO), not one already listed (`except` is the index of the line being edited).
 */
export function checkPostofficeEntry(
  entry: Pick<PostofficeDefinition, 'network' | 'postoffice'>,
  own: string,
  listed: readonly Pick<PostofficeDefinition, 'network' | 'postoffice'>[],
  except?: number,
): PostofficeProblem | null {
  for (const field of ['network', 'postoffice'] as const) {
    const check = checkMsName(entry[field].trim(), field);
    if (!check.ok) return { field, message: check.message };
  }
  const key = postofficeKey(entry.network.trim(), entry.postoffice.trim());
  if (key === own.trim().toUpperCase()) return { field: 'postoffice', message: `${key} is the connector's own postoffice (Local Postoffice); it cannot also be listed.` };
  if (listed.some((po, i) => i !== except && postofficeKey(po.network.trim(), po.postoffice.trim()) === key)) return { field: 'postoffice', message: `${key} is already listed.` };
  return null;
}
