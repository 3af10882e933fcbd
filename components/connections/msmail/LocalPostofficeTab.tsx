'use client';
import Link from 'next/link';
import { Field } from '@/components/forms/Field';
import { MessageIcon } from '@/components/shell/icons';
import { paths } from '@/components/shell/paths';
import { useMsMailConnector } from './MsMailConnectorSheet';

/** Local Postoffice: the connector's own network and postoffice names, as MS Mail sees Exchange. */
export function LocalPostofficeTab() {
  const { site, draft, update, fieldErrors, siteAddressingPostoffice } = useMsMailConnector();
  const current = `${draft.network.trim()}/${draft.postoffice.trim()}`.toUpperCase();
  const differs = siteAddressingPostoffice !== null && current !== siteAddressingPostoffice.toUpperCase();
  return (
    <div className="general-tab">
      <Field label="Network:" value={draft.network} maxLength={10} onChange={(network) => update({ network })} error={fieldErrors.network} spellCheck={false} autoComplete="off" data-autofocus />
      <Field label="Postoffice:" value={draft.postoffice} maxLength={10} onChange={(postoffice) => update({ postoffice })} error={fieldErrors.postoffice} spellCheck={false} autoComplete="off" />
      <p className="hint">
        The connector appears to MS Mail as this postoffice; MS Mail users reach Exchange recipients at NETWORK/POSTOFFICE/MAILBOX. Each name is 1–10 letters or digits.
      </p>
      <span>Site Addressing:</span>
      <span>
        MS Mail addresses are generated on {siteAddressingPostoffice ?? '(no MS rule)'} — <Link href={paths.siteAddressing(site)}>Site Addressing</Link>
      </span>
      {differs && (
        <p className="health-inline" role="status">
          <MessageIcon name="warning" /> The connector postoffice differs from Site Addressing ({siteAddressingPostoffice}): mail from MS Mail to the recipients&apos; generated MS addresses would not reach Exchange.
        </p>
      )}
    </div>
  );
}
