import { connection } from 'next/server';
import { AuditLogTable } from '@/components/audit-log/AuditLogTable';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ToolWindow } from '@/components/shell/ToolWindow';
import { listAuditEntries } from '@/lib/server/audit/list-audit-entries';
import { listAuditFilterChoices } from '@/lib/server/audit/list-audit-filter-choices';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';
import { AUDIT_FILTER_KEYS, parseAuditListParams } from '@/lib/validation/audit-log';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Tools → Audit Log: the organisation's audit trail, the entries the administrator may see. The
 * URL carries the filters, sort and page (`?administrator=...&action=recipient.&page=2`), read
 * leniently; `entry` names the entry whose attributes are shown.
 */
export default async function AuditLogPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = parseAuditListParams(params);
  const [{ organization, sites }, page, choices] = await Promise.all([getOrganizationTree(), listAuditEntries(query), listAuditFilterChoices()]);
  const filters = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, query[key] ?? ''])) as Record<(typeof AUDIT_FILTER_KEYS)[number], string>;
  const entry = Number(Array.isArray(params.entry) ? params.entry[0] : params.entry);

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ node: 'organization' }} status={`${page.total} ${page.total === 1 ? 'entry' : 'entries'}`}>
      <ToolWindow titleId="audit-log-title" title={`Audit Log - ${organization}`} icon="properties" className="audit-log" bodyClassName="audit-log-body">
        <AuditLogTable
          page={page}
          filters={filters}
          choices={choices}
          expandedId={Number.isSafeInteger(entry) ? entry : undefined}
        />
      </ToolWindow>
    </ConsoleWindow>
  );
}
