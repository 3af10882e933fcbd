// Test data through the JSON API (faster than clicking; each test makes its own recipients).
import { type APIRequestContext, expect } from '@playwright/test';

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export type Proxy = { id: number; type: string; address: string; primary: boolean };
export type Recipient = { id: number; site: string; directoryName: string; displayName: string; alias: string; proxyAddresses: Proxy[] };

export async function createMailbox(request: APIRequestContext, fields: Record<string, string> = {}): Promise<Recipient> {
  const alias = fields.alias ?? unique('e2e');
  const response = await request.post('/api/v1/recipients', {
    data: { kind: 'mailbox', alias, displayName: fields.displayName ?? `E2E ${alias}`, ...fields },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function getRecipient(request: APIRequestContext, id: number): Promise<Recipient> {
  const response = await request.get(`/api/v1/recipients/${id}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

export async function addProxy(request: APIRequestContext, id: number, type: string, address: string) {
  const response = await request.post(`/api/v1/recipients/${id}/proxy-addresses`, { data: { type, address } });
  expect(response.status(), await response.text()).toBe(201);
}

export const emailTab = (r: Recipient) => `/sites/${r.site}/recipients/${r.id}/email-addresses`;
export const generalTab = (r: Recipient) => `/sites/${r.site}/recipients/${r.id}/general`;
