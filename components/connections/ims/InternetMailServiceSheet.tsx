'use client';
// Internet Mail Service property sheet. Each tab has its own URL (a child page of the sheet's
// layout); the layout keeps this component mounted across tab switches, so the changes of every
// tab are held here until Apply or OK saves them together, and Cancel discards them.
import { useRouter, useSelectedLayoutSegment } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { getInternetMailServiceAction, updateInternetMailServiceAction } from '@/app/actions/connections';
import { ChangedElsewhereDialog } from '@/components/shell/ChangedElsewhereDialog';
import { ConfirmDialog } from '@/components/shell/ConfirmDialog';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { ReadOnlyFields } from '@/components/shell/ReadOnlyFields';
import { type InternetMailServiceTab, paths } from '@/components/shell/paths';
import { type AttributeChange, changedAttributes, rebaseChanges } from '@/lib/core/changed-elsewhere';
import type { HealthProblem } from '@/lib/core/routing/health';
import { checkDomainName, checkRoutingTable, domainKey, findRewriteLoops, sentToKey } from '@/lib/core/routing/routing-table';
import type { RouteEntry } from '@/lib/core/routing/types';
import { internetMailServiceAttributes } from '@/lib/core/sheet-attributes';
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

type ChangedElsewhere = { current: InternetMailService; changes: AttributeChange[]; thenClose: boolean };

/** What a save sends: the held state, the version it is based on, and the state that version held. */
type Attempt = { state: ImsDraft; base: number; opened: ImsDraft };

type Props = {
  service: InternetMailService;
  problems: HealthProblem[];
  /** Why the administrator cannot change the service (their role); the sheet then shows it read-only. */
  readOnly?: string;
  children: ReactNode;
};

export function InternetMailServiceSheet({ service, problems, readOnly, children }: Props) {
  const router = useRouter();
  const { site, siteSmtpDomain } = service;
  const segment = useSelectedLayoutSegment() ?? 'general';
  const [saved, setSaved] = useState(() => draftOf(service));
  const [draft, setDraft] = useState(saved);
  // The version the sheet opened (or last saved): Apply sends it back, so that a save over
  // someone else's change is refused instead of silently undoing it.
  const [version, setVersion] = useState(service.version);
  const [changedElsewhere, setChangedElsewhere] = useState<ChangedElsewhere | null>(null);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [askingLoops, setAskingLoops] = useState<null | { loops: string[]; attempt: Attempt; thenClose: boolean }>(null);
  const [, startTransition] = useTransition();

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const close = () => router.push(paths.connections(site));

  const update = useCallback((change: Partial<ImsDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setFieldErrors({});
    setError(undefined);
    setNote(undefined);
  }, []);

  const input = (state: ImsDraft, base: number, confirmLoops: boolean) => ({
    hostName: state.hostName,
    administrator: state.administrator?.directoryName ?? null,
    rerouteIncoming: state.rerouteIncoming,
    routes: state.routes,
    version: base,
    ...(confirmLoops ? { confirmLoops: true } : {}),
  });

  /** The checks the server makes, run first so that a mistake is named before anything is sent. */
  const check = (state: ImsDraft, base: number): boolean => {
    const host = checkDomainName(state.hostName, 'The host name');
    if (!host.ok) {
      setFieldErrors({ hostName: host.message });
      setError(`General tab: ${host.message}`);
      return false;
    }
    const problem = checkRoutingTable(state.routes, siteSmtpDomain);
    if (problem) {
      setError(`Routing tab, entry ${state.routes[problem.index].sentTo}: ${problem.message}`);
      return false;
    }
    const parsed = internetMailServiceSchema.safeParse(input(state, base, false));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return false;
    }
    return true;
  };

  const accept = (stored: InternetMailService) => {
    const fresh = draftOf(stored);
    setSaved(fresh);
    setDraft(fresh);
    setVersion(stored.version);
    setError(undefined);
    setFieldErrors({});
  };

  /**
   * Someone else saved the service after this sheet opened it (409 with the current version):
   * load what is stored now and show what differs; nothing is saved until Overwrite.
   */
  const showChangedElsewhere = async (opened: ImsDraft, state: ImsDraft, thenClose: boolean) => {
    const current = await getInternetMailServiceAction(site);
    if (!current.ok) {
      setError(current.message);
      return;
    }
    const changes = changedAttributes(
      internetMailServiceAttributes(opened),
      internetMailServiceAttributes(draftOf(current.data)),
      internetMailServiceAttributes(state),
    );
    setChangedElsewhere({ current: current.data, changes, thenClose });
  };

  const save = async ({ state, base, opened }: Attempt, confirmLoops: boolean, thenClose: boolean) => {
    setBusy(true);
    const result = await updateInternetMailServiceAction(site, input(state, base, confirmLoops));
    setAskingLoops(null);
    if (!result.ok && result.code === 'conflict' && result.fields?.version !== undefined) {
      await showChangedElsewhere(opened, state, thenClose);
      setBusy(false);
      return;
    }
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    const siteDomainAdded =
      state.rerouteIncoming && siteSmtpDomain && !state.routes.some((r) => isSiteDomainEntry(r.sentTo, siteSmtpDomain));
    accept(result.data);
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

  const submit = (thenClose: boolean, attempt: Attempt = { state: draft, base: version, opened: saved }) => {
    if (!check(attempt.state, attempt.base)) return;
    // The server refuses a rewrite loop unless the administrator has seen it named (5.4.6 NDRs).
    const loops = findRewriteLoops(attempt.state.routes, siteSmtpDomain);
    if (loops.length > 0) setAskingLoops({ loops, attempt, thenClose });
    else void save(attempt, false, thenClose);
  };

  /** Reload: the admin's changes are dropped and the sheet shows what is stored now. */
  const reload = (current: InternetMailService) => {
    setChangedElsewhere(null);
    accept(current);
    setNote(undefined);
    startTransition(() => router.refresh());
  };

  /**
   * Overwrite: the admin's changes on top of what is stored now (what the admin did not change
   * keeps its current value), sent with the current version after the usual checks.
   */
  const overwrite = ({ current, thenClose }: ChangedElsewhere) => {
    const now = draftOf(current);
    const rebased = rebaseChanges(saved, draft, now);
    setChangedElsewhere(null);
    setSaved(now);
    setDraft(rebased);
    setVersion(current.version);
    submit(thenClose, { state: rebased, base: current.version, opened: now });
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
        applyDisabled={!dirty || !!readOnly}
        onApply={() => dirty && !readOnly && submit(false)}
        onOk={() => (dirty && !readOnly ? submit(true) : close())}
        onCancel={close}
      >
        <ReadOnlyFields reason={readOnly}>{children}</ReadOnlyFields>
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
          onYes={() => void save(askingLoops.attempt, true, askingLoops.thenClose)}
          onNo={() => setAskingLoops(null)}
        />
      )}
      {changedElsewhere && (
        <ChangedElsewhereDialog
          objectName="The Internet Mail Service"
          changes={changedElsewhere.changes}
          busy={busy}
          onReload={() => reload(changedElsewhere.current)}
          onOverwrite={() => overwrite(changedElsewhere)}
          onCancel={() => {
            setChangedElsewhere(null);
            setError('Nothing was saved: the Internet Mail Service was changed by someone else after you opened it.');
          }}
        />
      )}
    </Context.Provider>
  );
}
