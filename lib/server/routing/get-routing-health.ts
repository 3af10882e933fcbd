import 'server-only';
import { checkRoutingHealth, type HealthProblem } from '@/lib/core/routing/health';
import type { CompiledRouting } from '@/lib/core/routing/resolve';
import { findSiteFor } from '@/lib/server/sites/find-site';
import { getRoutingSnapshot, snapshotSite } from './get-routing-snapshot';

export type RoutingHealth = { site: string; problems: HealthProblem[] };

// Health reads every proxy address once; a snapshot never changes, so its answer is kept with it.
const answers = new WeakMap<CompiledRouting, HealthProblem[]>();

/** The problems the KB articles warn about, in the site's configuration as it is now. */
export async function getRoutingHealth(siteName?: string): Promise<RoutingHealth> {
  await findSiteFor('view', siteName);
  const snapshot = await getRoutingSnapshot();
  const routing = snapshotSite(snapshot, siteName);
  let problems = answers.get(routing);
  if (!problems) answers.set(routing, (problems = checkRoutingHealth(routing, snapshot.directory)));
  return { site: routing.config.site, problems };
}
