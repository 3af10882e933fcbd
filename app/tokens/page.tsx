import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ToolWindow } from '@/components/shell/ToolWindow';
import { ApiTokensWindow } from '@/components/tokens/ApiTokensWindow';
import { loadApiTokens } from '@/components/tokens/load-api-tokens';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?username=` read leniently: anything that cannot be a user name shows one's own tokens. */
function usernameParam(value: string | string[] | undefined): string | undefined {
  const username = (Array.isArray(value) ? value[0] : value)?.trim();
  return username && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(username) ? username : undefined;
}

/** Tools → API Tokens: the administrator's tokens for scripts; a Permissions Admin may open another's. */
export default async function ApiTokensPage({ searchParams }: Props) {
  await connection();
  const [{ organization, sites }, data] = await Promise.all([getOrganizationTree(), loadApiTokens(usernameParam((await searchParams).username))]);
  const active = data.list.tokens.filter((token) => token.state === 'active').length;

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ node: 'organization' }} status={`${active} active ${active === 1 ? 'token' : 'tokens'}`}>
      <ToolWindow titleId="api-tokens-title" title={`API Tokens for ${data.list.username}`} icon="properties" className="api-tokens" bodyClassName="api-tokens-body">
        <ApiTokensWindow key={data.list.username} {...data} />
      </ToolWindow>
    </ConsoleWindow>
  );
}
