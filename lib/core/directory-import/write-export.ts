// Directory Export: writes recipients in the format Directory Import reads (KB Q155594, Q146304;
// ../shared/EXCHANGE55.md "Directory Import"). Pure: plain recipients in, CSV text out.
// - No Mode column: every row is an Update, so re-importing the file creates or modifies.
// - Proxy-Addresses is the whole set, `SMTP:` (upper case) marking the reply address of its type.
// - A value of a multi-valued attribute containing '%' cannot be written ('%' separates values and
//   has no escape), nor can any value that reads back as something else: `~DEL` (Q184536: clears)
//   or, for a single-valued attribute, an empty text is written as an empty field (unchanged on
//   import). Such recipients are refused with a problem each, rather than written wrongly.
import { stringify } from 'csv-stringify/sync';
import { formatWrittenAddress } from '@/lib/core/addresses';
import type { ProxyEntry } from '@/lib/core/proxy-set';
import type { RecipientKind } from '@/lib/validation/recipient';
import { DEFAULT_EXPORT_COLUMNS, IMPORT_ATTRIBUTES, OBJ_CLASS_NAMES, VALUE_SEPARATOR, isDeleteValue, type ExportColumn } from './format';

export type ExportRecipient = {
  kind: RecipientKind;
  directoryName: string;
  firstName?: string | null;
  lastName?: string | null;
  initials?: string | null;
  displayName?: string | null;
  alias?: string | null;
  /** A custom recipient's target, written TYPE:address. */
  targetAddress?: string | null;
  proxyAddresses?: ProxyEntry[];
  /** A distribution list's members, by directory name. */
  members?: string[];
};

export { DEFAULT_EXPORT_COLUMNS, type ExportColumn } from './format';

export type ExportProblem = { directoryName: string; column: string; value: string; reason: string };

export type ExportResult = { ok: true; text: string } | { ok: false; problems: ExportProblem[] };

const SEPARATOR_IN_VALUE = `contains '${VALUE_SEPARATOR}', which separates the values of a multi-valued attribute and cannot be escaped in an export file.`;
const DELETE_KEYWORD = `reads back as ~DEL, which clears the attribute on import (Q184536).`;

/**
 * The export file's text, header first, CRLF line ends (Q146304), quoting as RFC 4180; or the
 * values that cannot be written.
 */
export function formatExportFile(recipients: readonly ExportRecipient[], columns: readonly ExportColumn[] = DEFAULT_EXPORT_COLUMNS): ExportResult {
  const problems: ExportProblem[] = [];
  const header = [IMPORT_ATTRIBUTES.objClass, IMPORT_ATTRIBUTES.directoryName, ...columns.map((c) => IMPORT_ATTRIBUTES[c])];
  const records: string[][] = [header];

  for (const r of recipients) {
    const refuse = (column: string, value: string, reason: string) =>
      problems.push({ directoryName: r.directoryName, column, value, reason: `'${value}' ${reason}` });
    const single = (column: string, value: string | null | undefined) => {
      if (value === null || value === undefined) return '';
      if (isDeleteValue(value)) refuse(column, value, DELETE_KEYWORD);
      return value;
    };
    const multi = (column: string, values: string[] | undefined) => {
      if (values === undefined) return '';
      for (const v of values) {
        if (v.includes(VALUE_SEPARATOR)) refuse(column, v, SEPARATOR_IN_VALUE);
        else if (v === '') refuse(column, v, 'is empty; an empty value is skipped on import.');
      }
      if (values.length === 1 && isDeleteValue(values[0])) refuse(column, values[0], DELETE_KEYWORD);
      return values.join(VALUE_SEPARATOR);
    };

    const record = [OBJ_CLASS_NAMES[r.kind], single(IMPORT_ATTRIBUTES.directoryName, r.directoryName)];
    for (const c of columns) {
      const name = IMPORT_ATTRIBUTES[c];
      switch (c) {
        case 'proxyAddresses':
          record.push(multi(name, r.proxyAddresses?.map(formatWrittenAddress)));
          break;
        case 'secondaryProxyAddresses':
          record.push(multi(name, r.proxyAddresses?.filter((p) => !p.primary).map(formatWrittenAddress)));
          break;
        case 'members':
          record.push(r.kind === 'dl' ? multi(name, r.members) : '');
          break;
        case 'targetAddress':
          record.push(r.kind === 'custom' ? single(name, r.targetAddress) : '');
          break;
        default:
          record.push(single(name, r[c]));
      }
    }
    records.push(record);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, text: stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }) };
}
