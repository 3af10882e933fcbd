import 'server-only';
// Directory Import (Tools menu; KB Q155594): the one code path behind the page, the API and
// `npm run directory -- import`. Reads the file, checks every row against the directory, and
// applies the plan in one transaction:
// - all or nothing by default: any problem and nothing is written (the report says so); with
//   applyValid the valid rows are written and the rest reported;
// - a file that cannot be read to the end (bad quoting, an unusable header) is never applied;
// - an import that stops midway — the process killed — leaves the directory as it was: the
//   transaction is never committed, and the database (SQLite or PostgreSQL) drops it.
// The database work is directory-store.ts's (sqlite-directory.ts or pg-directory.ts, by DATABASE_URL).
// The work is cut into chunks with a turn of the event loop between them, so a 100,000-row file
// neither freezes the server nor the page polling its progress.
import { decodeImportFile } from '@/lib/core/directory-import/decode';
import { type ImportResult, type ImportRow, readImportText } from '@/lib/core/directory-import/parse-import';
import { type ImportPlan, createImportPlanner } from '@/lib/core/directory-import/plan-import';
import type { ImportCounts, ImportOptions, ImportProgress, ImportReport } from '@/lib/core/directory-import/report';
import { AppError, conflict, invalid, notFound, tooLarge } from '@/lib/server/errors';
import { MAX_IMPORT_BYTES } from '@/lib/validation/directory-import';
import { timeSlicer } from './time-slice';
import { type Actor, canView, currentActor, requirePermission } from '@/lib/server/auth/actor';
import { type ImportDirectory, type SiteRow, listImportSites, openImportDirectory } from './directory-store';


/** Imports in this process run one after another; the database serialises them with other processes. */
const holder = globalThis as unknown as { xadmImportQueue?: Promise<unknown> };

function serialised<T>(work: () => Promise<T>): Promise<T> {
  const previous = holder.xadmImportQueue ?? Promise.resolve();
  const next = previous.then(work, work);
  holder.xadmImportQueue = next.catch(() => undefined);
  return next;
}

/** Rows checked per chunk: what the lookup loads before checking them (PostgreSQL) is one round trip each. */
const CHECK_CHUNK = 2_000;

export function findImportSite(sites: SiteRow[], name: string | undefined): SiteRow {
  const site = name === undefined ? sites[0] : sites.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!site) {
    if (name === undefined) throw notFound('The organization has no site to import into.');
    throw new AppError('not_found', `There is no site named '${name}'.`, { site: 'No such site.' });
  }
  return site;
}

/**
 * What is refused before any row is read, synchronously (the page's job starts only after it):
 * an empty or too large file, a container that does not exist. Returns the container.
 */
export async function checkImportRequest(bytes: Uint8Array, options: ImportOptions): Promise<SiteRow> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(`The import file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, { file: 'Too large.' });
  if (bytes.byteLength === 0) throw invalid('The import file is empty: its first line must name the attributes, starting with Obj-Class.', { file: 'Empty.' });
  const site = findImportSite(await listImportSites(), options.site);
  // Issue 5: a dry run needs to see the container, an import to change it.
  if (!(await canView(site.id))) throw new AppError('not_found', `There is no site named '${options.site ?? site.name}'.`, { site: 'No such site.' });
  await requirePermission(options.validateOnly ? 'view' : 'change', site.id, site.name);
  return site;
}

export async function importDirectory(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const started = performance.now();
  const site = await checkImportRequest(bytes, options);
  const actor = await currentActor();
  const progress: ImportProgress = { phase: 'reading', bytesRead: 0, bytesTotal: bytes.byteLength, rowsRead: 0, rowsChecked: 0, rowsToApply: 0, rowsApplied: 0 };
  const report = () => onProgress?.({ ...progress });

  const parsed = await readFile(bytes, progress, report);
  const { complete } = parsed;
  return serialised(async () => {
    const directory = await openImportDirectory();
    try {
      const { plan, applied } = await checkAndApply(directory, site, parsed, options, progress, report, actor);
      progress.phase = 'done';
      report();
      return {
        site: site.name,
        options,
        applied,
        counts: plan.counts,
        problems: plan.problems,
        message: summary(plan, applied, complete, options),
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      await directory.rollback();
      if (directory.isLockConflict(error)) {
        throw conflict('The directory is locked by another long change (another import?), so nothing was imported. Import the file again when it is done.');
      }
      throw error;
    } finally {
      await directory.close();
    }
  });
}

/** Decodes and parses the file; its text is garbage once this returns (a 100,000-row file is 17 MB of it). */
async function readFile(bytes: Uint8Array, progress: ImportProgress, report: () => void) {
  const size = bytes.byteLength;
  const { text } = decodeImportFile(bytes);
  const length = text.length;
  report();
  // 64 KB of text (about 400 rows) is a few milliseconds of parsing between turns of the event loop.
  return readImportText(text, {
    chunkSize: 64 * 1024,
    onProgress: (chars, records) => {
      progress.bytesRead = length === 0 ? size : Math.round((chars / length) * size);
      progress.rowsRead = Math.max(0, records - 1);
      report();
    },
  });
}

async function checkAndApply(
  directory: ImportDirectory,
  site: SiteRow,
  parsed: ImportResult,
  options: ImportOptions,
  progress: ImportProgress,
  report: () => void,
  actor: Actor,
): Promise<{ plan: ImportPlan; applied: boolean }> {
  // One transaction from the first row checked to the last written: the rows are checked against
  // the directory they are written to. An import that will write takes the directory at once
  // (SQLite: BEGIN IMMEDIATE; PostgreSQL: its tables locked IN EXCLUSIVE MODE): other writers wait
  // for it (SQLite's busy timeout is 10 s) rather than the import finding, at its end, that the
  // directory changed under it; it waits for a writer that holds it the same way, without
  // blocking the event loop. A dry run only reads.
  const willWrite = !options.validateOnly && parsed.complete;
  await directory.begin(willWrite ? 'write' : 'read');
  progress.phase = 'checking';
  const { rows } = parsed;
  const lookup = await directory.lookup(site);
  const planner = createImportPlanner(lookup, { overwrite: options.overwrite }, parsed);
  const total = rows.length;
  const slicer = timeSlicer();
  for (let start = 0; start < total; start += CHECK_CHUNK) {
    const end = Math.min(total, start + CHECK_CHUNK);
    await lookup.beforeCheck(rows.slice(start, end));
    for (let i = start; i < end; i++) {
      planner.check(rows[i]);
      // A checked row is not needed again (the plan holds what it writes): let it go, so the rows
      // and the plan are not both in memory at their largest (100,000 rows: about 70 MB each).
      (rows as Array<ImportRow | null>)[i] = null;
      if (slicer.due()) {
        progress.rowsChecked = i + 1;
        report();
        await slicer.pause();
      }
    }
  }
  progress.rowsChecked = total;
  await lookup.beforeFinish();
  const plan = planner.finish(parsed.problems, { applyValid: options.applyValid });
  // Nor is the file's address index (300,000 addresses: about 30 MB) once every row is checked.
  (parsed as { addressLines: ImportResult['addressLines'] }).addressLines = new Map();
  const applied = willWrite && (plan.problems.length === 0 || options.applyValid);
  if (!applied || plan.ops.length === 0) {
    await directory.rollback();
    return { plan, applied };
  }
  progress.phase = 'applying';
  progress.rowsToApply = plan.ops.length;
  report();
  await directory.writePlan(site.id, plan.ops, {
    onApplied: (done) => {
      progress.rowsApplied = done;
      report();
    },
  });
  // The audit trail: one entry for the import, in its transaction (issue 5).
  await directory.writeAuditEntry(actor, {
    action: 'directory.import',
    objectType: 'directory',
    objectId: site.id,
    objectName: `Directory Import into ${site.name}`,
    siteId: site.id,
    after: { ...plan.counts, overwrite: options.overwrite, applyValid: options.applyValid, problems: plan.problems.length },
  });
  await directory.commit();
  return { plan, applied };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function countsText(counts: ImportCounts): string {
  const parts = [
    counts.created && `${counts.created.toLocaleString('en-US')} created`,
    counts.modified && `${counts.modified.toLocaleString('en-US')} modified`,
    counts.deleted && `${counts.deleted.toLocaleString('en-US')} deleted`,
    counts.unchanged && `${counts.unchanged.toLocaleString('en-US')} unchanged`,
  ].filter(Boolean);
  const rows = counts.created + counts.modified + counts.deleted + counts.unchanged;
  return rows === 0 ? 'no rows' : `${plural(rows, 'row')} (${parts.join(', ')})`;
}

/** The report's one sentence. */
function summary(plan: ImportPlan, applied: boolean, complete: boolean, options: ImportOptions): string {
  const { counts, problems } = plan;
  const rowProblems = counts.rejected;
  const headerProblems = problems.some((p) => p.line === 1);
  const trouble = [rowProblems && `${plural(rowProblems, 'row has', 'rows have')} problems`, headerProblems && 'the header has problems'].filter(Boolean).join(' and ');
  if (!complete) return `No changes were made: the file could not be read to the end (see the problems). Nothing of it is imported until it can be.`;
  if (options.validateOnly) {
    return problems.length === 0
      ? `Validate only: the file has no problems. Importing it would give: ${countsText(counts)}. Nothing was changed.`
      : `Validate only: ${trouble}. The valid rows would give: ${countsText(counts)}. Nothing was changed.`;
  }
  if (!applied) return `No changes were made: ${trouble}. Fix them and import the file again, or choose to import the valid rows.`;
  if (problems.length > 0) return `Imported the valid rows: ${countsText(counts)}. ${trouble.charAt(0).toUpperCase()}${trouble.slice(1)}; they were not imported.`;
  return `Imported: ${countsText(counts)}.`;
}
