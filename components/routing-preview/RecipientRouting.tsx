// Recipient mode: every address of one recipient, each previewed from where mail to it naturally
// comes (SMTP from the Internet, MS from an MS Mail user, other types from a user in this
// organization), with a link to the full preview of that address.
import Link from 'next/link';
import { recipientSheetPath } from '@/components/recipients/paths';
import { RecipientIcon } from '@/components/recipients/RecipientIcon';
import { paths, type PreviewOrigin } from '@/components/shell/paths';
import type { RoutingResult } from '@/lib/core/routing/types';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { VERDICT_WORDS, originChoice, previewAddress, writtenAddress } from './describe';
import { VerdictIcon } from './VerdictIcon';

export type AddressPreview = {
  id: number;
  type: string;
  address: string;
  primary: boolean;
  origin: PreviewOrigin;
  /** The resolver's answer, or why it could not judge the address. */
  outcome: { ok: true; result: RoutingResult } | { ok: false; message: string };
};

const KIND_WORDS = { mailbox: 'mailbox', custom: 'custom recipient', dl: 'distribution list' } as const;

export function RecipientRouting({ site, recipient, rows }: { site: string; recipient: RecipientDetail; rows: AddressPreview[] }) {
  return (
    <section className="recipient-routing" aria-labelledby="recipient-routing-title">
      <div className="recipient-routing-head">
        <RecipientIcon kind={recipient.kind} />
        <h2 id="recipient-routing-title">
          Every address of {recipient.displayName} ({KIND_WORDS[recipient.kind]})
        </h2>
        <Link href={recipientSheetPath(recipient.site, recipient.id, 'email-addresses')}>E-mail Addresses...</Link>
      </div>
      <p className="hint">
        Each address is previewed from where mail to it naturally comes: Internet addresses from the Internet, MS Mail addresses from an MS Mail user,
        other types from a user in this organization. The preview reads the saved addresses. Select an address to see every step.
      </p>
      <div className="sunken-panel recipient-routing-list">
        <table aria-label={`Routing of the addresses of ${recipient.displayName}`}>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Message from</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={paths.routingPreview(site, { address: previewAddress(row.type, row.address), origin: row.origin })}>
                    {writtenAddress(row.type, row.address, row.primary)}
                  </Link>
                  {row.primary && <span className="reply-marker"> (reply address)</span>}
                </td>
                <td>{originChoice(row.origin)}</td>
                <td>
                  {row.outcome.ok ? (
                    <span className={`route-row-verdict verdict-${row.outcome.result.verdict}`}>
                      <VerdictIcon verdict={row.outcome.result.verdict} size={16} />
                      <span title={VERDICT_WORDS[row.outcome.result.verdict]}>{row.outcome.result.summary}</span>
                    </span>
                  ) : (
                    <span className="inline-error">{row.outcome.message}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="list-empty">{recipient.displayName} has no e-mail addresses.</p>}
      </div>
    </section>
  );
}
