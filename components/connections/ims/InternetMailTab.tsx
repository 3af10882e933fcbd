'use client';
// Internet Mail tab: the administrator's mailbox, chosen from the address book (Change...).
import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import { RecipientPicker } from '@/components/recipients/RecipientPicker';
import { Dialog } from '@/components/shell/Dialog';
import { MessageIcon } from '@/components/shell/icons';
import { useInternetMailService } from './InternetMailServiceSheet';

export function InternetMailTab() {
  const { site, siteSmtpDomain, draft, update, fieldErrors } = useInternetMailService();
  const [picking, setPicking] = useState(false);
  const [tooMany, setTooMany] = useState(false);
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
          initial={[]}
          onCancel={() => setPicking(false)}
          onOk={(chosen) => {
            // The address book picks any number; the service has one administrator's mailbox.
            // Choosing none keeps the current one (Clear removes it).
            if (chosen.length > 1) return setTooMany(true);
            const [mailbox] = chosen;
            if (mailbox) update({ administrator: { id: mailbox.id, directoryName: mailbox.directoryName, displayName: mailbox.displayName } });
            setPicking(false);
          }}
        />
      )}
      {tooMany && (
        <Dialog
          title="Microsoft Exchange Administrator"
          role="alertdialog"
          onClose={() => setTooMany(false)}
          buttons={
            <button type="button" className="default" onClick={() => setTooMany(false)} data-autofocus>
              OK
            </button>
          }
        >
          <div className="message-box">
            <MessageIcon name="information" />
            <p className="message-box-text">The Internet Mail Service has one administrator&apos;s mailbox. Remove all but one mailbox from the list on the right.</p>
          </div>
        </Dialog>
      )}
    </div>
  );
}
