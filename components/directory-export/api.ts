// The Directory Export window's two requests: how many recipients the choices select (the
// Recipients list's own count, so the number means what the list shows) and the file itself.
import type { ExportProblem } from '@/lib/core/directory-import/write-export';
import { type DirectoryExportChoices, directoryExportParams } from '@/lib/validation/directory-export';
import { RECIPIENT_KINDS } from '@/lib/validation/recipient';
import { attachmentName } from './download';

const EXPORT = '/api/v1/directory/export';
const RECIPIENTS = '/api/v1/recipients';

/** The export's URL for these choices: the file, or a 422 naming the values that cannot be written. */
export const exportUrl = (site: string, choices: DirectoryExportChoices) => `${EXPORT}?${directoryExportParams(choices, site)}`;

/**
 * How many recipients the export will write. The list filters one kind at a time, so a choice of
 * two kinds is the sum of two counts (each recipient has one kind).
 */
export async function countRecipients(site: string, { kinds, q }: DirectoryExportChoices, signal: AbortSignal): Promise<number> {
  if (kinds.length === 0) return 0;
  const each = kinds.length === RECIPIENT_KINDS.length ? [undefined] : kinds;
  const totals = await Promise.all(
    each.map(async (kind) => {
      const params = new URLSearchParams({ site, perPage: '1' });
      if (q.trim()) params.set('q', q.trim());
      if (kind) params.set('kind', kind);
      const response = await fetch(`${RECIPIENTS}?${params}`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { total: number }).total;
    }),
  );
  return totals.reduce((a, b) => a + b, 0);
}

export type ExportOutcome =
  | { type: 'file'; blob: Blob; fileName: string; count: number }
  | { type: 'problems'; problems: ExportProblem[]; problemCount: number }
  | { type: 'error'; message: string };

/** Fetches the file; an answer that is not a file becomes its problems or its message. */
export async function fetchExport(site: string, choices: DirectoryExportChoices): Promise<ExportOutcome> {
  const unreachable = { type: 'error', message: 'The server could not be reached. Check the connection and export again.' } as const;
  let response: Response;
  try {
    response = await fetch(exportUrl(site, choices));
  } catch {
    return unreachable;
  }
  if (response.ok) {
    const blob = await response.blob().catch(() => null);
    if (!blob) return unreachable;
    return {
      type: 'file',
      blob,
      fileName: attachmentName(response.headers.get('Content-Disposition'), `${site}.csv`),
      count: Number(response.headers.get('X-Recipient-Count') ?? 0),
    };
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string }; problems?: ExportProblem[]; problemCount?: number } | null;
  if (Array.isArray(body?.problems) && body.problems.length > 0) {
    return { type: 'problems', problems: body.problems, problemCount: body.problemCount ?? body.problems.length };
  }
  return { type: 'error', message: body?.error?.message ?? `The export failed (HTTP ${response.status}).` };
}
