// Test data factories: unique names per call, returning what they create.
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import type { CreateRecipientInput } from '@/lib/validation/recipient';

let counter = 0;
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export async function makeMailbox(overrides: Partial<CreateRecipientInput> = {}) {
  const alias = overrides.alias ?? uniqueName('mbx');
  return createRecipient({ kind: 'mailbox', alias, displayName: overrides.displayName ?? `Mailbox ${alias}`, ...overrides } as CreateRecipientInput);
}
