// The role matrix (issue 5): every mutating API route, tried on site REDMOND's objects by a View
// Only Admin of the organisation and by an Admin of another site: refused, and the database is
// unchanged (403; 404 where that administrator cannot see the object at all, so nothing of it
// leaks); the allowed role (an Admin of REDMOND; a Permissions Admin for roles) succeeds.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, test } from 'vitest';
import * as importJobsRoute from '@/app/api/v1/directory/import-jobs/route';
import * as importRoute from '@/app/api/v1/directory/import/route';
import * as permissionRoute from '@/app/api/v1/permissions/[id]/route';
import * as permissionsRoute from '@/app/api/v1/permissions/route';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import * as proxyRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/[proxyId]/route';
import * as proxiesRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/route';
import * as recipientRoute from '@/app/api/v1/recipients/[id]/route';
import * as recipientsRoute from '@/app/api/v1/recipients/route';
import * as imsRoute from '@/app/api/v1/sites/[site]/internet-mail-service/route';
import * as connectorRoute from '@/app/api/v1/sites/[site]/msmail-connector/route';
import * as siteAddressingRoute from '@/app/api/v1/sites/[site]/site-addressing/route';
import type { Role } from '@/lib/core/auth/permissions';
import { createAdministrator, createApiToken } from '@/lib/server/auth/administrators';
import { db } from '@/lib/server/db';
import { getImportJob } from '@/lib/server/directory-import/import-jobs';
import { getInternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { makeMailbox, uniqueName } from '../factories';
import { directorySnapshot } from './helpers/snapshot';

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function administrator(role: Role, siteId: number | null) {
  const username = uniqueName('rm').toLowerCase();
  await createAdministrator({ username, password: 'a long enough password', role, siteId });
  return (await createApiToken(username, 'role matrix')).token;
}

function send(token: string, handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: string | undefined;
  if (typeof body === 'string') {
    payload = body;
    headers['content-type'] = 'text/csv';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  return handler(new NextRequest(`http://localhost${path}`, { method, headers, body: payload }), { params: Promise.resolve(params) });
}

/** Everything a refused request must leave as it was: the directory, the configuration, the roles, the audit trail. */
async function everything() {
  return {
    directory: await directorySnapshot(),
    grants: await db.roleGrant.findMany({ orderBy: { id: 'asc' } }),
    audit: await db.auditEntry.count(),
  };
}

/** `prepare` makes the case's own target (outside the compared window) and returns the request. */
type Case = {
  name: string;
  allowed: 'admin' | 'permissions-admin';
  /** Someone else's token is missing, not forbidden, for whoever may not manage it (nothing of it leaks). */
  hiddenFromOthers?: boolean;
  prepare: () => Promise<(token: string) => Promise<Response>>;
};

let tokens: { viewOnly: string; otherSiteAdmin: string; siteAdmin: string; permissionsAdmin: string };

beforeAll(async () => {
  const redmond = await db.site.findFirstOrThrow({ where: { name: 'REDMOND' }, select: { id: true, organizationId: true } });
  const paris = await db.site.create({ data: { name: 'PARIS', organizationId: redmond.organizationId }, select: { id: true } });
  tokens = {
    viewOnly: await administrator('view-only', null),
    otherSiteAdmin: await administrator('admin', paris.id),
    siteAdmin: await administrator('admin', redmond.id),
    permissionsAdmin: process.env.XADM_TEST_TOKEN!,
  };
});

/** Each case makes its own target when it runs, so the allowed run has something to act on. */
const CASES: Case[] = [
  {
    name: 'POST /recipients',
    allowed: 'admin',
    prepare: async () => (t) => send(t, recipientsRoute.POST as Handler, 'POST', '/api/v1/recipients', { kind: 'mailbox', site: 'REDMOND', alias: uniqueName('rm'), displayName: 'Role Matrix' }),
  },
  {
    name: 'PATCH /recipients/{id}',
    allowed: 'admin',
    prepare: async () => {
      const m = await makeMailbox();
      return (t: string) => send(t, recipientRoute.PATCH as Handler, 'PATCH', `/api/v1/recipients/${m.id}`, { displayName: 'Changed' }, { id: String(m.id) });},
  },
  {
    name: 'DELETE /recipients/{id}',
    allowed: 'admin',
    prepare: async () => {
      const m = await makeMailbox();
      return (t: string) => send(t, recipientRoute.DELETE as Handler, 'DELETE', `/api/v1/recipients/${m.id}`, undefined, { id: String(m.id) });},
  },
  {
    name: 'POST /recipients/{id}/proxy-addresses',
    allowed: 'admin',
    prepare: async () => {
      const m = await makeMailbox();
      return (t: string) => send(t, proxiesRoute.POST as Handler, 'POST', `/api/v1/recipients/${m.id}/proxy-addresses`, { type: 'SMTP', address: `${m.alias}@fabrikam.com` }, { id: String(m.id) });},
  },
  {
    name: 'PATCH /recipients/{id}/proxy-addresses/{proxyId}',
    allowed: 'admin',
    prepare: async () => {
      const m = await makeMailbox();
      const { proxy } = await addProxyAddress(m.id, { type: 'SMTP', address: `${m.alias}@fabrikam.com` });
      return (t: string) => send(t, proxyRoute.PATCH as Handler, 'PATCH', `/api/v1/recipients/${m.id}/proxy-addresses/${proxy!.id}`, { address: `${m.alias}.2@fabrikam.com` }, { id: String(m.id), proxyId: String(proxy!.id) });},
  },
  {
    name: 'DELETE /recipients/{id}/proxy-addresses/{proxyId}',
    allowed: 'admin',
    prepare: async () => {
      const m = await makeMailbox();
      const { proxy } = await addProxyAddress(m.id, { type: 'SMTP', address: `${m.alias}@fabrikam.com` });
      return (t: string) => send(t, proxyRoute.DELETE as Handler, 'DELETE', `/api/v1/recipients/${m.id}/proxy-addresses/${proxy!.id}`, undefined, { id: String(m.id), proxyId: String(proxy!.id) });},
  },
  {
    name: 'PUT /sites/{site}/site-addressing',
    allowed: 'admin',
    prepare: async () => {
      // A real change: cc:Mail generation switched on or off.
      const { rules } = await getSiteAddressing('REDMOND');
      const changed = rules.map((r) => (r.type === 'CCMAIL' ? { ...r, enabled: !r.enabled } : r));
      return (t: string) => send(t, siteAddressingRoute.PUT as Handler, 'PUT', '/api/v1/sites/REDMOND/site-addressing', { rules: changed, updateExisting: false }, { site: 'REDMOND' });},
  },
  {
    name: 'PUT /sites/{site}/internet-mail-service',
    allowed: 'admin',
    prepare: async () => {
      const ims = await getInternetMailService('REDMOND');
      return (t: string) => send(t, imsRoute.PUT as Handler, 'PUT', '/api/v1/sites/REDMOND/internet-mail-service', { hostName: `mail${uniqueName('h')}.adatum.com`.toLowerCase(), administrator: ims.administrator, rerouteIncoming: ims.rerouteIncoming, routes: ims.routes }, { site: 'REDMOND' });},
  },
  {
    name: 'PUT /sites/{site}/msmail-connector',
    allowed: 'admin',
    prepare: async () => {
      const c = await getMsMailConnector('REDMOND');
      return (t: string) => send(t, connectorRoute.PUT as Handler, 'PUT', '/api/v1/sites/REDMOND/msmail-connector', { postoffice: c.postoffice, postoffices: [{ network: 'NET', postoffice: uniqueName('P').slice(0, 10).toUpperCase().replace(/[^A-Z0-9]/g, 'X'), connection: 'direct' }] }, { site: 'REDMOND' });},
  },
  {
    name: 'POST /directory/import',
    allowed: 'admin',
    prepare: async () => (t) => send(t, importRoute.POST as Handler, 'POST', '/api/v1/directory/import?site=REDMOND', `Obj-Class,Directory Name\r\nMailbox,${uniqueName('imp')}\r\n`),
  },
  {
    name: 'POST /directory/import-jobs',
    allowed: 'admin',
    prepare: async () => (t) => send(t, importJobsRoute.POST as Handler, 'POST', '/api/v1/directory/import-jobs?site=REDMOND', `Obj-Class,Directory Name\r\nMailbox,${uniqueName('job')}\r\n`),
  },
  {
    name: 'POST /permissions',
    allowed: 'permissions-admin',
    prepare: async () => {
      const username = uniqueName('grantee').toLowerCase();
      await createAdministrator({ username, password: 'a long enough password', role: 'view-only', siteId: null });
      return (t: string) => send(t, permissionsRoute.POST as Handler, 'POST', '/api/v1/permissions', { username, role: 'admin', site: 'REDMOND' });},
  },
  {
    name: 'DELETE /permissions/{id}',
    allowed: 'permissions-admin',
    prepare: async () => {
      const username = uniqueName('revokee').toLowerCase();
      const redmond = await db.site.findFirstOrThrow({ where: { name: 'REDMOND' }, select: { id: true } });
      await createAdministrator({ username, password: 'a long enough password', role: 'admin', siteId: redmond.id });
      const grant = await db.roleGrant.findFirstOrThrow({ where: { administrator: { username } }, select: { id: true } });
      return (t: string) => send(t, permissionRoute.DELETE as Handler, 'DELETE', `/api/v1/permissions/${grant.id}`, undefined, { id: String(grant.id) });},
  },
  {
    name: 'POST /tokens for another administrator',
    allowed: 'permissions-admin',
    prepare: async () => {
      const username = uniqueName('owner').toLowerCase();
      await createAdministrator({ username, password: 'a long enough password', role: 'view-only', siteId: null });
      return (t: string) => send(t, tokensRoute.POST as Handler, 'POST', '/api/v1/tokens', { name: 'theirs', username });
    },
  },
  {
    name: "DELETE /tokens/{id} of another administrator",
    allowed: 'permissions-admin',
    hiddenFromOthers: true,
    prepare: async () => {
      const username = uniqueName('owner').toLowerCase();
      await createAdministrator({ username, password: 'a long enough password', role: 'view-only', siteId: null });
      const { id } = await createApiToken(username, 'theirs');
      return (t: string) => send(t, tokenRoute.DELETE as Handler, 'DELETE', `/api/v1/tokens/${id}`, undefined, { id: String(id) });
    },
  },
];

describe('[ROLES] every mutating API route', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s: refused for a View Only Admin and an Admin of another site; done for the allowed role', async (_name, c) => {
    for (const who of ['viewOnly', 'otherSiteAdmin'] as const) {
      const request = await c.prepare();
      const before = await everything();
      const response = await request(tokens[who]);
      const body = await response.json();
      // 403; an Admin of another site cannot see REDMOND's objects at all, so for them a 404 is
      // the same refusal without saying what exists.
      if (who === 'viewOnly' && !c.hiddenFromOthers) expect(response.status, JSON.stringify(body)).toBe(403);
      else expect([403, 404], `${who}: ${response.status} ${JSON.stringify(body)}`).toContain(response.status);
      expect(body.error.code).toBe(response.status === 403 ? 'forbidden' : 'not_found');
      expect(await everything()).toEqual(before);
    }
    const request = await c.prepare();
    const before = await everything();
    const response = await request(c.allowed === 'admin' ? tokens.siteAdmin : tokens.permissionsAdmin);
    expect(response.status, JSON.stringify(await response.clone().json())).toBeLessThan(300);
    // A job imports in the background: wait for it to finish, so that it neither writes into the
    // next case's before/after comparison nor goes unchecked.
    if (c.name === 'POST /directory/import-jobs') {
      const { job } = (await response.json()) as { job: { id: string } };
      await expect.poll(async () => (await getImportJob(job.id))?.state, { timeout: 20_000 }).toBe('done');
    }
    // The change is in the audit trail.
    expect(await db.auditEntry.count()).toBeGreaterThan(before.audit);
  });
});
