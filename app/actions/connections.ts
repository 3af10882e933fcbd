'use server';
// Thin server actions for the Connections property sheets (Internet Mail Service, MS Mail
// Connector): parse with the shared schemas, call the data layer, revalidate.
import { revalidatePath } from 'next/cache';
import { type ZodError, z } from 'zod';
import { type ActionResult, runAction } from '@/lib/server/actions/run-action';
import { zodFields } from '@/lib/server/errors';
import { type InternetMailService, getInternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { type MsMailConnector, getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { updateInternetMailService } from '@/lib/server/routing/update-internet-mail-service';
import { updateMsMailConnector } from '@/lib/server/routing/update-msmail-connector';
import { internetMailServiceSchema, msMailConnectorSchema } from '@/lib/validation/routing';

const siteSchema = z.string().min(1).max(64);

/** The fields of the sheets in the words of their tabs, so a refusal names what to fix. */
function fieldLabel(path: string, input: unknown): string {
  const [head, index, field] = path.split('.');
  const row = Number(index);
  if (head === 'hostName') return 'Host name';
  if (head === 'administrator') return "Administrator's mailbox";
  if (head === 'rerouteIncoming') return 'Reroute incoming SMTP mail';
  if (head === 'postoffice') return 'Local postoffice';
  const list = (input as Record<string, unknown> | null)?.[head];
  const entry = Array.isArray(list) && Number.isInteger(row) ? (list[row] as Record<string, unknown> | undefined) : undefined;
  if (head === 'routes') {
    if (!entry) return 'Routing table';
    const name = typeof entry.sentTo === 'string' ? ` (${entry.sentTo})` : '';
    return `Routing entry ${row + 1}${name}, ${field === 'routeTo' ? "'Should be rerouted to this domain'" : "'E-mail sent to this domain'"}`;
  }
  if (head === 'postoffices') {
    if (!entry) return 'Connections';
    const name = typeof entry.network === 'string' && typeof entry.postoffice === 'string' ? ` (${entry.network}/${entry.postoffice})` : '';
    return `Postoffice ${row + 1}${name}`;
  }
  return 'Input';
}

function refused<T>(error: ZodError, input: unknown): ActionResult<T> {
  const fields = zodFields(error);
  const [path, message] = Object.entries(fields)[0] ?? ['_', 'The input is not valid.'];
  return { ok: false, code: 'invalid_input', message: `${fieldLabel(path, input)}: ${message}`, fields };
}

type InternetMailServiceResult = Awaited<ReturnType<typeof updateInternetMailService>>;

/** The Internet Mail Service sheet's Apply and OK: every tab in one save. */
export async function updateInternetMailServiceAction(site: unknown, input: unknown): Promise<ActionResult<InternetMailServiceResult>> {
  const siteName = siteSchema.safeParse(site);
  if (!siteName.success) return { ok: false, code: 'invalid_input', message: 'The site name is not valid.' };
  const parsed = internetMailServiceSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error, input);
  const result = await runAction(() => updateInternetMailService(siteName.data, parsed.data));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}

type MsMailConnectorResult = Awaited<ReturnType<typeof updateMsMailConnector>>;

/** The MS Mail Connector sheet's Apply and OK: Local Postoffice and Connections in one save. */
export async function updateMsMailConnectorAction(site: unknown, input: unknown): Promise<ActionResult<MsMailConnectorResult>> {
  const siteName = siteSchema.safeParse(site);
  if (!siteName.success) return { ok: false, code: 'invalid_input', message: 'The site name is not valid.' };
  const parsed = msMailConnectorSchema.safeParse(input);
  if (!parsed.success) return refused(parsed.error, input);
  const result = await runAction(() => updateMsMailConnector(siteName.data, parsed.data));
  if (result.ok) revalidatePath('/sites', 'layout');
  return result;
}

/** The Internet Mail Service sheet after a version conflict: what is stored now, to show what changed. */
export async function getInternetMailServiceAction(site: unknown): Promise<ActionResult<InternetMailService>> {
  return runAction(() => getInternetMailService(siteSchema.parse(site)));
}

/** The MS Mail Connector sheet after a version conflict: what is stored now, to show what changed. */
export async function getMsMailConnectorAction(site: unknown): Promise<ActionResult<MsMailConnector>> {
  return runAction(() => getMsMailConnector(siteSchema.parse(site)));
}
