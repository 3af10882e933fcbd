// MS Mail names as the connector's pages check them: 1–10 letters or digits (Exchange 5.5 help,
// Appendix C), compared case-insensitively. The same rule as msMailConnectorSchema on the server.
import { postofficeKey } from '@/lib/core/routing/resolve';
import type { PostofficeDefinition } from '@/lib/core/routing/types';

const MS_PART = /^[A-Za-z0-9]{1,10}$/;

export function checkPostofficeName(value: string, part: 'network' | 'postoffice'): string | null {
  const name = value.trim();
  if (name === '') return `The ${part} name is empty.`;
  if (!MS_PART.test(name)) return `The ${part} name '${name}' must be 1–10 letters or digits.`;
  return null;
}

/** Refuses the connector's own postoffice and one already listed (`except` is the line being edited). */
export function checkPostofficeEntry(
  entry: Pick<PostofficeDefinition, 'network' | 'postoffice'>,
  own: string,
  listed: PostofficeDefinition[],
  except?: number,
): { field: 'network' | 'postoffice'; message: string } | null {
  const network = checkPostofficeName(entry.network, 'network');
  if (network) return { field: 'network', message: network };
  const postoffice = checkPostofficeName(entry.postoffice, 'postoffice');
  if (postoffice) return { field: 'postoffice', message: postoffice };
  const key = postofficeKey(entry.network.trim(), entry.postoffice.trim());
  if (key === own.toUpperCase()) return { field: 'postoffice', message: `${key} is the connector's own postoffice (Local Postoffice); it cannot also be listed.` };
  if (listed.some((po, i) => i !== except && postofficeKey(po.network, po.postoffice) === key)) return { field: 'postoffice', message: `${key} is already listed.` };
  return null;
}
