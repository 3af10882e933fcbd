import 'server-only';
import { resolveAddress } from '@/lib/core/routing/resolve';
import type { RoutingResult } from '@/lib/core/routing/types';
import { AppError, errorBody, invalid, toAppError, type ErrorBody } from '@/lib/server/errors';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { RoutingPreviewInput } from '@/lib/validation/routing';
import { getRoutingSnapshot, snapshotSite, type RoutingSnapshot } from './get-routing-snapshot';

function previewOne(snapshot: RoutingSnapshot, input: RoutingPreviewInput, steps = true): RoutingResult {
  const routing = snapshotSite(snapshot, input.site);
  const outcome = resolveAddress(routing, snapshot.directory, input, { steps });
  if (!outcome.ok) throw invalid(`${outcome.field === 'address' ? 'Address' : 'Origin'}: ${outcome.message}`, { [outcome.field]: outcome.message });
  return outcome.result;
}

/** Where does mail to this address land? The one resolver, over the current snapshot. */
export async function previewRouting(input: RoutingPreviewInput): Promise<RoutingResult> {
  await findSiteFor('view', input.site);
  return previewOne(await getRoutingSnapshot(), input);
}

/** Each distinct site of a batch, checked once: the administrator must be able to see it. */
async function checkSites(items: RoutingPreviewInput[]): Promise<Map<string, AppError | null>> {
  const checked = new Map<string, AppError | null>();
  for (const item of items) {
    const key = item.site?.toLowerCase() ?? '';
    if (checked.has(key)) continue;
    checked.set(key, await findSiteFor('view', item.site).then(() => null, (error: unknown) => (error instanceof AppError ? error : toAppError(error))));
  }
  return checked;
}

/**
 * Many addresses at once, in order; an item the resolver cannot judge carries its own error.
 * With `steps: false` the results leave out their steps (everything else is the same).
 */
export async function previewRoutingBatch(items: RoutingPreviewInput[], { steps = true }: { steps?: boolean } = {}): Promise<Array<RoutingResult | Omit<RoutingResult, 'steps'> | ErrorBody>> {
  const sites = await checkSites(items);
  const snapshot = await getRoutingSnapshot();
  return items.map((item) => {
    const siteError = sites.get(item.site?.toLowerCase() ?? '');
    if (siteError) return errorBody(siteError);
    try {
      const result = previewOne(snapshot, item, steps);
      if (steps) return result;
      const { steps: _none, ...verdictOnly } = result;
      return verdictOnly;
    } catch (error) {
      const appError = error instanceof AppError ? error : toAppError(error);
      return errorBody(appError);
    }
  });
}
