'use client';
import Link from 'next/link';
import { Field } from '@/components/forms/Field';
import { paths } from '@/components/shell/paths';
import { useInternetMailService } from './InternetMailServiceSheet';

/** General tab: the host name the service announces (its MX target), and where the site domain comes from. */
export function GeneralTab() {
  const { site, siteSmtpDomain, draft, update, fieldErrors, problems } = useInternetMailService();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="general-tab">
      <Field
        label="Host name:"
        value={draft.hostName}
        maxLength={255}
        onChange={(hostName) => update({ hostName })}
        error={fieldErrors.hostName}
        spellCheck={false}
        autoComplete="off"
        data-autofocus
      />
      <p className="hint">The fully qualified name of this server (for example mail.adatum.com): the MX records of every domain it receives mail for must point here.</p>
      <span>Site SMTP domain:</span>
      <span>
        {siteSmtpDomain ?? '(none)'} — from <Link href={paths.siteAddressing(site)}>Site Addressing</Link>
      </span>
      <span>Routing health:</span>
      <span>
        {problems.length === 0 ? (
          'No problems found.'
        ) : (
          <Link href={paths.internetMailService(site, 'routing-health')}>
            {problems.length} problem{problems.length === 1 ? '' : 's'}
            {errors > 0 ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}
          </Link>
        )}
      </span>
    </div>
  );
}
