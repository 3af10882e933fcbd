// `npm run admin -- create USER [--role permissions-admin|admin|view-only] [--site SITE]`
// `npm run admin -- create-token USER [--name NAME]`
// `npm run admin -- revoke-token ID`
// Administrators and API tokens from a shell (issue 5), through the same data functions as the
// console. A new administrator's password comes from XADM_NEW_PASSWORD or is generated and
// printed once; a token is printed once (only its hash is kept).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { deploy } from './migrate.mjs';

const USAGE = `usage:
  npm run admin -- create USER [--role permissions-admin|admin|view-only] [--site SITE]
  npm run admin -- create-token USER [--name NAME]
  npm run admin -- revoke-token ID`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, site: { type: 'string' }, name: { type: 'string' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const [command, subject, ...extra] = parsed.positionals;
  if (!command || !subject || extra.length) fail(USAGE);
  await deploy();
  const { ROLES, createAdministrator } = await import('../lib/server/auth/administrators');
  // The same data functions as Tools → API Tokens: the audit trail records them ("command line").
  const { createOwnApiToken } = await import('../lib/server/tokens/create-own-api-token');
  const { revokeOwnApiToken } = await import('../lib/server/tokens/revoke-own-api-token');
  const { findSite } = await import('../lib/server/sites/find-site');
  switch (command) {
    case 'create': {
      const role = (parsed.values.role ?? 'admin') as (typeof ROLES)[number];
      if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}.`);
      const siteId = parsed.values.site ? (await findSite(parsed.values.site)).id : null;
      const password = process.env.XADM_NEW_PASSWORD || randomBytes(12).toString('base64url');
      const admin = await createAdministrator({ username: subject, password, role, siteId });
      process.stdout.write(`Created administrator ${admin.username} (${role}${parsed.values.site ? ` on site ${parsed.values.site}` : ' on the organization'}).\n`);
      if (!process.env.XADM_NEW_PASSWORD) process.stdout.write(`Password (shown only now): ${password}\n`);
      return;
    }
    case 'create-token': {
      const token = await createOwnApiToken(parsed.values.name ?? 'script', subject);
      process.stdout.write(`API token ${token.id} for ${subject} (shown only now; send it as Authorization: Bearer …):\n${token.token}\n`);
      return;
    }
    case 'revoke-token': {
      const id = Number(subject);
      if (!Number.isSafeInteger(id) || id <= 0) fail('revoke-token takes the token id that create-token printed.');
      await revokeOwnApiToken(id);
      process.stdout.write(`API token ${id} is revoked.\n`);
      return;
    }
    default:
      fail(USAGE);
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    const { toAppError } = await import('../lib/server/errors');
    fail(toAppError(error).message);
  },
);
