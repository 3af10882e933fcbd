// One preview's answer: the verdict at a glance, the path diagram, where the message lands, the
// NDR, a list's members, and the ordered steps with the configuration object each one used.
import Link from 'next/link';
import { recipientSheetPath } from '@/components/recipients/paths';
import { RecipientIcon } from '@/components/recipients/RecipientIcon';
import { ORIGIN_LABELS, type RoutedMember, type RoutingResult } from '@/lib/core/routing/types';
import { VERDICT_WORDS, objectLink, recipientNames, replyNote } from './describe';
import { RouteDiagram } from './RouteDiagram';
import { VerdictIcon } from './VerdictIcon';

const MEMBER_VERDICTS: Record<RoutedMember['verdict'], string> = { delivered: 'delivered', forwarded: 'forwarded', expanded: 'expanded' };

function Members({ site, members }: { site: string; members: RoutedMember[] }) {
  return (
    <ul className="route-members">
      {members.map((member, index) => (
        <li key={`${member.recipient.id}-${index}`}>
          <span className="route-member">
            <RecipientIcon kind={member.recipient.kind} />
            <Link href={recipientSheetPath(site, member.recipient.id, 'general')}>{member.recipient.displayName}</Link>
            <span className="route-member-verdict">
              {member.note ? member.note : `${MEMBER_VERDICTS[member.verdict]}${member.finalAddress ? ` to ${member.finalAddress}` : ''}`}
            </span>
          </span>
          {member.members && member.members.length > 0 && <Members site={site} members={member.members} />}
        </li>
      ))}
    </ul>
  );
}

export function RoutingResultView({ site, result }: { site: string; result: RoutingResult }) {
  const names = recipientNames(result);
  const note = replyNote(result);
  const written = result.type === 'SMTP' ? result.address : `${result.type}:${result.address}`;
  return (
    <section className="routing-result" aria-labelledby="routing-verdict">
      <div className={`verdict-banner verdict-${result.verdict}`}>
        <VerdictIcon verdict={result.verdict} />
        <div>
          <p className="verdict-word">{VERDICT_WORDS[result.verdict]}</p>
          <h2 id="routing-verdict" className="verdict-summary">
            {result.summary}
          </h2>
          <p className="verdict-input">
            {written} from {ORIGIN_LABELS[result.origin]}
          </p>
        </div>
      </div>

      <RouteDiagram result={result} />

      <div className="routing-result-columns">
        <div className="routing-facts">
          <h3>Where it lands</h3>
          <dl>
            <dt>Final address:</dt>
            <dd className="route-address">{result.finalAddress}</dd>
            <dt>Recipient:</dt>
            <dd>
              {result.recipient ? (
                <span className="route-member">
                  <RecipientIcon kind={result.recipient.kind} />
                  <Link href={recipientSheetPath(site, result.recipient.id, 'general')}>{result.recipient.displayName}</Link>
                </span>
              ) : (
                <span className="route-none">none</span>
              )}
            </dd>
            <dt>Reply address:</dt>
            <dd>
              {result.replyAddress ? <span className="route-address">{result.replyAddress}</span> : <span className="route-none">none</span>}
              {note && <p className="route-note">{note}</p>}
            </dd>
            {result.ndr && (
              <>
                <dt>{result.verdict === 'rejected' ? 'SMTP reply:' : 'Non-delivery report:'}</dt>
                <dd className="route-ndr">
                  <span className="route-ndr-code">{result.ndr.code}</span> {result.ndr.text}
                  {result.ndr.diagnostic && <code className="route-ndr-diagnostic">{result.ndr.diagnostic}</code>}
                </dd>
              </>
            )}
          </dl>
          {result.members && (
            <>
              <h3>Members ({result.members.length})</h3>
              {result.members.length > 0 ? <Members site={site} members={result.members} /> : <p className="route-none">The list has no members.</p>}
            </>
          )}
        </div>

        <div className="routing-steps">
          <h3>Steps</h3>
          <ol>
            {result.steps.map((step, index) => {
              const link = step.object && objectLink(site, step.object, names);
              return (
                <li key={index} className="routing-step" data-rule={step.rule}>
                  <p className="routing-step-title">
                    <strong>{step.title}</strong>
                    {step.article && <span className="routing-step-article">KB {step.article}</span>}
                  </p>
                  <p className="routing-step-detail">{step.detail}</p>
                  {link && (
                    <p className="routing-step-object">
                      Uses: <Link href={link.href}>{link.label}</Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}
