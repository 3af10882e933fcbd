'use client';
// Edit Routing Table Entry: "E-mail sent to this domain:", then accepted as inbound or rerouted
// to another domain. Checked here as the server will check it (lib/core/routing/routing-table).
import { useId, useState } from 'react';
import { Field } from '@/components/forms/Field';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import { checkRouteEntry, normalizeSentTo, sentToKey } from '@/lib/core/routing/routing-table';
import { ROUTE_INBOUND, type RouteEntry } from '@/lib/core/routing/types';

type RoutingEntryDialogProps = {
  /** The entry being edited; none for Add. */
  entry?: RouteEntry;
  siteSmtpDomain: string | null;
  /** Sent to of the other lines of the table, to refuse a duplicate. */
  others: string[];
  /** The site SMTP domain's line: its Sent to cannot change. */
  siteDomainLine?: boolean;
  onOk: (entry: RouteEntry) => void;
  onCancel: () => void;
};

export function RoutingEntryDialog({ entry, siteSmtpDomain, others, siteDomainLine = false, onOk, onCancel }: RoutingEntryDialogProps) {
  const [sentTo, setSentTo] = useState(entry?.sentTo ?? '');
  const [inbound, setInbound] = useState(!entry || entry.routeTo === ROUTE_INBOUND);
  const [routeTo, setRouteTo] = useState(entry && entry.routeTo !== ROUTE_INBOUND ? entry.routeTo : '');
  const [errors, setErrors] = useState<{ sentTo?: string; routeTo?: string }>({});
  const name = useId();

  const submit = () => {
    const candidate = { sentTo, routeTo: inbound ? ROUTE_INBOUND : routeTo };
    const problem = checkRouteEntry(candidate, siteSmtpDomain);
    if (problem) return setErrors({ [problem.field]: problem.message });
    const key = sentToKey(sentTo);
    const duplicate = others.find((other) => sentToKey(other) === key);
    if (duplicate !== undefined) return setErrors({ sentTo: `The routing table already has an entry for ${normalizeSentTo(duplicate)}.` });
    const normalized = normalizeSentTo(sentTo);
    const target = inbound ? ROUTE_INBOUND : routeTo.trim().toLowerCase();
    onOk({ sentTo: normalized, routeTo: target });
  };

  return (
    <Dialog
      title="Edit Routing Table Entry"
      onClose={onCancel}
      width={500}
      buttons={<OkCancelButtons onOk={submit} onCancel={onCancel} />}
    >
      <form
        className="routing-entry-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label="E-mail sent to this domain:"
          value={sentTo}
          maxLength={300}
          onChange={(value) => {
            setSentTo(value);
            setErrors({});
          }}
          error={errors.sentTo}
          readOnly={siteDomainLine}
          aria-readonly={siteDomainLine || undefined}
          spellCheck={false}
          autoComplete="off"
          data-autofocus={!siteDomainLine || undefined}
        />
        <p className="hint">
          {siteDomainLine
            ? `${siteSmtpDomain} is the site SMTP domain (Site Addressing): mail sent to it is always accepted as inbound.`
            : 'cpandl.net also matches every subdomain (x.cpandl.net); #cpandl.net matches cpandl.net only. The most specific entry wins.'}
        </p>
        <div className="field-row">
          <input
            type="radio"
            id={`${name}-inbound`}
            name={name}
            checked={inbound}
            onChange={() => {
              setInbound(true);
              setErrors({});
            }}
            data-autofocus={siteDomainLine || undefined}
          />
          <label htmlFor={`${name}-inbound`}>Should be accepted as &apos;inbound&apos;</label>
        </div>
        <div className="field-row">
          <input
            type="radio"
            id={`${name}-reroute`}
            name={name}
            checked={!inbound}
            onChange={() => {
              setInbound(false);
              setErrors({});
            }}
          />
          <label htmlFor={`${name}-reroute`}>Should be rerouted to this domain:</label>
        </div>
        <div className="reroute-target">
          <Field
            label="Domain to reroute to:"
            className="visually-hidden-label"
            value={routeTo}
            maxLength={300}
            onChange={(value) => {
              setRouteTo(value);
              setErrors({});
            }}
            error={errors.routeTo}
            disabled={inbound}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <p className="hint">Rerouted mail has its domain rewritten (administrator@cpandl.net becomes administrator@adatum.com) and is looked up again (Q307628).</p>
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
