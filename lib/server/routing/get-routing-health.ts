import 'server-only';
import { checkRoutingHealth, type HealthProblem } from '@/lib/core/routing/health';
import { getRoutingSnapshot, snapshotSite } from './get-routing-snapshot';

export type RoutingHealth = { site: string; problems: HealthProblem[] };

/** The problems the KB articles warn about, in the site's configuration as it is now. */
export async function getRoutingHealth(siteName?: string): Promise<RoutingHealth> {
  const snapshot = await getRoutingSnapshot();
  const routing = snapshotSite(snapshot, siteName);
  return { site: routing.config.site, problems: checkRoutingHealth(routing, snapshot.directory) };
}
