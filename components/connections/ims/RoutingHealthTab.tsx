'use client';
import { HealthProblemList, recipientNames } from '@/components/connections/HealthProblemList';
import { useInternetMailService } from './InternetMailServiceSheet';

/** Routing Health: not an Exchange 5.5 tab, xadm's own list of what the KB articles warn about. */
export function RoutingHealthTab() {
  const { site, problems, dirty, savedAdministrator } = useInternetMailService();
  const names = recipientNames(problems, savedAdministrator ? [savedAdministrator] : []);
  return (
    <div className="routing-health-tab">
      <p className="hint xadm-note">xadm&apos;s addition, not part of Exchange Administrator 5.5: the problems the Knowledge Base articles warn about, found in the saved configuration of {site}.</p>
      {dirty && <p className="note">Changes not applied yet are not checked here: click Apply to check them.</p>}
      {problems.length === 0 ? (
        <p className="health-none" role="status">
          No problems found.
        </p>
      ) : (
        <HealthProblemList site={site} problems={problems} names={names} label="Routing health problems" />
      )}
    </div>
  );
}
