import { paths } from '@/components/shell/paths';

export type RecipientTab = 'general' | 'email-addresses' | 'distribution-lists' | 'members';

/**
 * A recipient property sheet tab. `list` carries the Recipients list's query (page, sort,
 * filter) so that OK and Cancel return to the same view.
 */
export function recipientSheetPath(site: string, id: number, tab: RecipientTab, list = ''): string {
  return `${paths.recipients(site)}/${id}/${tab}${list ? `?list=${encodeURIComponent(list)}` : ''}`;
}

export function recipientsListPath(site: string, list = '', selected?: number): string {
  const params = new URLSearchParams(list);
  if (selected !== undefined) params.set('selected', String(selected));
  const query = params.toString();
  return `${paths.recipients(site)}${query ? `?${query}` : ''}`;
}
