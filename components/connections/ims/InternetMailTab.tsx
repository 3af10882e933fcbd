'use client';
// Internet Mail tab: the administrator's mailbox, chosen from the address book (Change...).
import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import { RecipientPicker } from '@/components/recipients/RecipientPicker';
import { MessageIcon } from '@/components/shell/icons';
import { useInternetMailService } from './InternetMailServiceSheet';

export function InternetMailTab() {
  const { site, siteSmtpDomain, draft, update, fieldErrors } = useInternetMailService();
  const [picking, setPicking] = useState(false);
  const admin = draft.administrator;
  return (
    <div className="general-tab">
      <Field
        label="Administrator's mailbox:"
        value={admin?.displayName ?? ''}
        placeholder="(none)"
        onChange={() => {}}
        readOnly
        aria-readonly
        error={fieldErrors.administrator}
      />
      <div className="admin-buttons">
        <button type="button" onClick={() => setPicking(true)} data-autofocus>
          Change...
        </button>
        <button type="button" onClick={() => update({ administrator: null })} disabled={!admin}>
          Clear
        </button>
      </div>
      <p className="hint">
        The administrator&apos;s mailbox receives the service&apos;s error notifications and all mail to postmaster@{siteSmtpDomain ?? '<site SMTP domain>'} (Q242387).
        Postmaster of another hosted domain needs a secondary address on some mailbox.
      </p>
      {!admin && (
        <p className="health-inline" role="status">
          <MessageIcon name="warning" /> With no administrator&apos;s mailbox, mail to postmaster@{siteSmtpDomain ?? '<site SMTP domain>'} gets a non-delivery report.
        </p>
      )}
      {picking && (
        <RecipientPicker
          title="Administrator's Mailbox"
          site={site}
          kind="mailbox"
          chosenLabel="Administrator's mailbox"
          initial={admin ? [{ ...admin, kind: 'mailbox' }] : []}
          single
          onCancel={() => setPicking(false)}
          onOk={(chosen) => {
            // Removing the one chosen and pressing OK clears it, as Clear does.
            const [mailbox] = chosen;
            update({ administrator: mailbox ? { id: mailbox.id, directoryName: mailbox.directoryName, displayName: mailbox.displayName } : null });
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}
