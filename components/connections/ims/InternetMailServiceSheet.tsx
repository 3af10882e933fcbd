'use client';
// Internet Mail Service property sheet. Each tab has its own URL (a child page of the sheet's
// layout); the layout keeps this component mounted across tab switches, so the changes of every
// tab are held here until Apply or OK saves them together, and Cancel discards them.
import { useRouter, useSelectedLayoutSegment } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { updateInternetMailServiceAction } from '@/app/actions/connections';
import { ConfirmDialog } from '@/components/shell/ConfirmDialog';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { type InternetMailServiceTab, paths } from '@/components/shell/paths';
import type { HealthProblem } from '@/lib/core/routing/health';
import { checkDomainName, checkRoutingTable, domainKey, findRewriteLoops, sentToKey } from '@/lib/core/routing/routing-table';
import type { RouteEntry } from '@/lib/core/routing/types';
import type { InternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { internetMailServiceSchema } from '@/lib/validation/routing';

export type MailboxRef = { id: number; directoryName: string; displayName: string };

export type ImsDraft = {
  hostName: string;
  administrator: MailboxRef | null;
  rerouteIncoming: boolean;
  routes: RouteEntry[];
};

type SheetContext = {
  site: string;
  /** From Site Addressing: always inbound, shown in the table when rerouting is on (Q174351). */
  siteSmtpDomain: string | null;
  draft: ImsDraft;
  update: (change: Partial<ImsDraft>) => void;
  fieldErrors: Record<string, string>;
  /** Routing Health of the saved configuration. */
  problems: HealthProblem[];
  /** Changes held but not applied yet. */
  dirty: boolean;
  /** The saved administrator's mailbox (Routing Health names it in its links). */
  savedAdministrator: MailboxRef | null;
};

const Context = createContext<SheetContext | null>(null);

export function useInternetMailService(): SheetContext {
  const context = useContext(Context);
  if (!context) throw new Error('useInternetMailService outside an InternetMailServiceSheet');
  return context;
}

function draftOf(service: InternetMailService): ImsDraft {
  return {
    hostName: service.hostName,
    administrator: service.administratorMailbox,
    rerouteIncoming: service.rerouteIncoming,
    routes: service.routes.map(({ sentTo, routeTo }) => ({ sentTo, routeTo })),
  };
}

/** The site SMTP domain's own line: always inbound, never removed (Q174351, ROUTING.md). */
export function isSiteDomainEntry(sentTo: string, siteSmtpDomain: string | null): boolean {
  return !!siteSmtpDomain && !sentTo.trim().startsWith('#') && sentToKey(sentTo) === domainKey(siteSmtpDomain);
}

const TABS: { id: InternetMailServiceTab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'internet-mail', label: 'Internet Mail' },
  { id: 'routing', label: 'Routing' },
  { id: 'routing-health', label: 'Routing Health' },
];

export function InternetMailServiceSheet({ service, problems, children }: { service: InternetMailService; problems: HealthProblem[]; children: ReactNode }) {
  const router = useRouter();
  const { site, siteSmtpDomain } = service;
  const segment = useSelectedLayoutSegment() ?? 'general';
  const [saved, setSaved] = useState(() => draftOf(service));
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [askingLoops, setAskingLoops] = useState<null | { loops: string[]; thenClose: boolean }>(null);
  const [, startTransition] = useTransition();

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const close = () => router.push(paths.connections(site));

  const update = useCallback((change: Partial<ImsDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setFieldErrors({});
    setError(undefined);
    setNote(undefined);
  }, []);

  const input = (confirmLoops: boolean) => ({
    hostName: draft.hostName,
    administrator: draft.administrator?.directoryName ?? null,
    rerouteIncoming: draft.rerouteIncoming,
    routes: draft.routes,
    ...(confirmLoops ? { confirmLoops: true } : {}),
  });

  /** The checks the server makes, run first so that a mistake is named before anything is sent. */
  const check = (): boolean => {
    const host = checkDomainName(draft.hostName, 'The host name');
    if (!host.ok) {
      setFieldErrors({ hostName: host.message });
      setError(`General tab: ${host.message}`);
      return false;
    }
    const problem = checkRoutingTable(draft.routes, siteSmtpDomain);
    if (problem) {
      setError(`Routing tab, entry ${draft.routes[problem.index].sentTo}: ${problem.message}`);
      return false;
    }
    const parsed = internetMailServiceSchema.safeParse(input(false));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return false;
    }
    return true;
  };

  const save = async (confirmLoops: boolean, thenClose: boolean) => {
    setBusy(true);
    const result = await updateInternetMailServiceAction(site, input(confirmLoops));
    setBusy(false);
    setAskingLoops(null);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    const fresh = draftOf(result.data);
    const siteDomainAdded =
      draft.rerouteIncoming && siteSmtpDomain && !draft.routes.some((r) => isSiteDomainEntry(r.sentTo, siteSmtpDomain));
    setSaved(fresh);
    setDraft(fresh);
    setError(undefined);
    setFieldErrors({});
    setNote(
      [
        siteDomainAdded ? `${siteSmtpDomain} (the site SMTP domain) is in the routing table as inbound.` : '',
        result.data.warnings.length ? `Saved with a rewrite loop: ${result.data.warnings.join('; ')}.` : '',
      ]
        .filter(Boolean)
        .join(' ') || undefined,
    );
    if (thenClose) close();
    else startTransition(() => router.refresh());
  };

  const submit = (thenClose: boolean) => {
    if (!dirty) return thenClose ? close() : undefined;
    if (!check()) return;
    // The server refuses a rewrite loop unless the administrator has seen it named (5.4.6 NDRs).
    const loops = findRewriteLoops(draft.routes, siteSmtpDomain);
    if (loops.length > 0) setAskingLoops({ loops, thenClose });
    else void save(false, thenClose);
  };

  const tabs = TABS.map((tab) => ({
    ...tab,
    label: tab.id === 'routing-health' && problems.length > 0 ? `${tab.label} (${problems.length})` : tab.label,
    href: paths.internetMailService(site, tab.id),
  }));
  const savedAdministrator = saved.administrator;
  const value = useMemo(
    () => ({ site, siteSmtpDomain, draft, update, fieldErrors, problems, dirty, savedAdministrator }),
    [site, siteSmtpDomain, draft, update, fieldErrors, problems, dirty, savedAdministrator],
  );

  return (
    <Context.Provider value={value}>
      <PropertySheet
        title="Internet Mail Service"
        tabs={tabs}
        activeTab={tabs.some((t) => t.id === segment) ? segment : 'general'}
        busy={busy}
        error={error}
        applyDisabled={!dirty}
        onApply={() => submit(false)}
        onOk={() => submit(true)}
        onCancel={close}
      >
        {children}
        <p className="note" aria-live="polite">
          {note}
        </p>
      </PropertySheet>
      {askingLoops && (
        <ConfirmDialog
          icon="warning"
          title="Internet Mail Service"
          defaultButton="no"
          busy={busy}
          message={
            <>
              <p>The routing table rewrites in a circle:</p>
              <ul className="loop-list">
                {askingLoops.loops.map((loop) => (
                  <li key={loop}>{loop}</li>
                ))}
              </ul>
              <p>Mail sent to these domains would get a non-delivery report (5.4.6 routing loop). Do you want to save the routing table anyway?</p>
            </>
          }
          onYes={() => void save(true, askingLoops.thenClose)}
          onNo={() => setAskingLoops(null)}
        />
      )}
    </Context.Provider>
  );
}
