'use client';
// Routing tab: reroute incoming SMTP mail or not, and the Sent to / Route to table with Add,
// Edit and Remove (greyed while rerouting is off, as in Exchange). `?entry=<Sent to>` selects a
// line, so Routing Health and the routing preview can point at the entry to fix.
import { useSearchParams } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { EntryList } from '@/components/connections/EntryList';
import { sentToKey } from '@/lib/core/routing/routing-table';
import { ROUTE_INBOUND, type RouteEntry } from '@/lib/core/routing/types';
import { isSiteDomainEntry, useInternetMailService } from './InternetMailServiceSheet';
import { RoutingEntryDialog } from './RoutingEntryDialog';

type Line = RouteEntry & { key: string; implicit: boolean; siteDomain: boolean };

export function RoutingTab() {
  const { siteSmtpDomain, draft, update } = useInternetMailService();
  const entryParam = useSearchParams().get('entry');
  const [selected, setSelected] = useState<string | undefined>(() => (entryParam ? sentToKey(entryParam) : undefined));
  const [dialog, setDialog] = useState<null | { mode: 'add' } | { mode: 'edit'; key: string }>(null);
  const [message, setMessage] = useState<string>();
  const name = useId();
  const reroute = draft.rerouteIncoming;

  // A link to another entry while the tab is open (?entry= changed) moves the selection.
  useEffect(() => {
    if (entryParam) setSelected(sentToKey(entryParam));
  }, [entryParam]);

  // Q174351: with rerouting on, the table shows the site SMTP domain as inbound, saved or not.
  const lines: Line[] = draft.routes.map((route) => ({
    ...route,
    key: sentToKey(route.sentTo),
    implicit: false,
    siteDomain: isSiteDomainEntry(route.sentTo, siteSmtpDomain),
  }));
  if (reroute && siteSmtpDomain && !lines.some((line) => line.siteDomain)) {
    lines.unshift({ sentTo: siteSmtpDomain.toLowerCase(), routeTo: ROUTE_INBOUND, key: sentToKey(siteSmtpDomain), implicit: true, siteDomain: true });
  }
  const current = lines.find((line) => line.key === selected);
  const editing = dialog?.mode === 'edit' ? lines.find((line) => line.key === dialog.key) : undefined;

  const siteDomainReason = `${siteSmtpDomain} is the site SMTP domain (Site Addressing): mail sent to it is always accepted as inbound, so its entry cannot be removed or rerouted. To use another domain, change the SMTP address on Site Addressing.`;

  const remove = (key: string) => {
    const line = lines.find((l) => l.key === key);
    if (!line) return;
    if (line.siteDomain) return setMessage(siteDomainReason);
    const index = draft.routes.findIndex((route) => sentToKey(route.sentTo) === key);
    const routes = draft.routes.filter((_, i) => i !== index);
    update({ routes });
    setMessage(undefined);
    const next = lines.filter((l) => l.key !== key);
    setSelected(next[Math.min(lines.indexOf(line), next.length - 1)]?.key);
  };

  const save = (entry: RouteEntry) => {
    if (dialog?.mode === 'edit' && editing) {
      if (editing.implicit) {
        // Nothing to hold: the site domain's line is inbound whatever the dialog said.
        setDialog(null);
        return;
      }
      const routes = draft.routes.map((route) => (sentToKey(route.sentTo) === editing.key ? entry : route));
      update({ routes });
    } else {
      update({ routes: [...draft.routes, entry] });
    }
    setSelected(sentToKey(entry.sentTo));
    setMessage(undefined);
    setDialog(null);
  };

  return (
    <div className="routing-tab">
      <div className="field-row">
        <input
          type="radio"
          id={`${name}-off`}
          name={name}
          checked={!reroute}
          onChange={() => update({ rerouteIncoming: false })}
          data-autofocus={(!reroute && !(entryParam && current)) || undefined}
        />
        <label htmlFor={`${name}-off`}>Do not reroute incoming SMTP mail</label>
      </div>
      <div className="field-row">
        <input
          type="radio"
          id={`${name}-on`}
          name={name}
          checked={reroute}
          onChange={() => update({ rerouteIncoming: true })}
          data-autofocus={(reroute && !(entryParam && current)) || undefined}
        />
        <label htmlFor={`${name}-on`}>Reroute incoming SMTP mail (required for POP3/IMAP4 support)</label>
      </div>
      <p className={`routing-label ${reroute ? '' : 'disabled-text'}`}>Routing:</p>
      <EntryList
        label="Routing"
        className="routing-list"
        columns={[{ label: 'Sent to', className: 'col-sent-to' }, { label: 'Route to' }]}
        rows={lines.map((line) => ({
          key: line.key,
          className: reroute ? undefined : 'disabled-text',
          cells: [line.sentTo, line.routeTo === ROUTE_INBOUND ? '<inbound>' : line.routeTo],
        }))}
        selected={current?.key}
        onSelect={setSelected}
        onEdit={(key) => setDialog({ mode: 'edit', key })}
        onRemove={remove}
        disabled={!reroute}
        autoFocus={!!entryParam}
        emptyText={reroute ? 'No entries: mail from the Internet to any domain is refused as relaying.' : undefined}
      />
      <div className="button-row">
        <button type="button" disabled={!reroute} onClick={() => setDialog({ mode: 'add' })}>
          Add...
        </button>
        <button type="button" disabled={!reroute || !current} onClick={() => current && setDialog({ mode: 'edit', key: current.key })}>
          Edit...
        </button>
        <button type="button" disabled={!reroute || !current} onClick={() => current && remove(current.key)}>
          Remove
        </button>
      </div>
      <p className="hint">
        {reroute
          ? 'Mail from the Internet is accepted only for the domains in this table: inbound is delivered here, a domain to reroute to rewrites the address and looks it up again.'
          : 'The Internet Mail Service accepts mail for any domain and looks the address up in the directory as it is.'}
      </p>
      <div className="inline-error" role="alert">
        {message}
      </div>
      {dialog && (
        <RoutingEntryDialog
          entry={editing ? { sentTo: editing.sentTo, routeTo: editing.routeTo } : undefined}
          siteSmtpDomain={siteSmtpDomain}
          siteDomainLine={editing?.siteDomain}
          others={lines.filter((line) => line.key !== editing?.key).map((line) => line.sentTo)}
          onCancel={() => setDialog(null)}
          onOk={save}
        />
      )}
    </div>
  );
}
