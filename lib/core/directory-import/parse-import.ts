// Directory Import's parser (KB Q155594, Q146304, Q184536; ../shared/EXCHANGE55.md "Directory
// Import"). Pure: text in, plain rows and problems out; no database. What needs the directory —
// whether an Update creates or modifies, Site Addressing for new recipients, uniqueness against
// existing recipients, members that exist — is the apply layer's work. This layer applies the
// console's own checks (lib/validation/recipient.ts, lib/core/addresses.ts, lib/core/proxy-set.ts)
// so that a refused value reads the same here as on a property sheet, and it checks uniqueness
// between the rows of the file.
//
// Choices where the format is silent:
// - An empty field changes nothing, like an absent column; `~DEL` clears (Q184536). First Name,
//   Last Name and Initials can be cleared (null); Display Name, Alias Name and a custom
//   recipient's E-mail Address cannot. `~DEL` in Secondary-Proxy-Addresses removes every
//   secondary address, in Members every member; Proxy-Addresses cannot be emptied (reply addresses).
// - Empty values of a multi-valued field (`a%%b`, a trailing `%`) are skipped; a member named
//   twice is kept once.
// - A line whose fields are all empty (a spreadsheet's blank row) is skipped, as are empty lines.
// - Delete rows read only Obj-Class and Directory Name; other fields are not checked.
// - Create rows need everything a new recipient needs that the file must supply: a custom
//   recipient's E-mail Address. Display Name and Alias Name may be left to the apply layer
//   (defaults from the directory name or the template); an Update row may be either kind of
//   change, so it carries what it has.
// - A row with any problem is left out of `rows`; its problems say why.
// - A CSV syntax error (bad quoting) stops reading: after it the library cannot tell where
//   records begin, so the rest of the file is not read, and the problem says so.
import { CsvError as StreamCsvError, parse as parseStream } from 'csv-parse';
import { CsvError, parse } from 'csv-parse/sync';
import { checkAddress, formatWrittenAddress, parseWrittenAddress, proxyUniqueKey } from '@/lib/core/addresses';
import { checkProxySet, type ProxyEntry } from '@/lib/core/proxy-set';
import {
  aliasSchema,
  directoryNameSchema,
  nameFieldsSchema,
  writtenAddressSchema,
  type RecipientKind,
} from '@/lib/validation/recipient';
import {
  DEFAULT_MODE,
  IMPORT_ATTRIBUTES,
  type ImportAttribute,
  type ImportMode,
  attributeOfHeader,
  isDeleteValue,
  modeOf,
  objClassOf,
  splitValues,
} from './format';

export type ImportProblem = { line: number; column: string | null; value: string | null; reason: string };

/** Single-valued attributes: undefined = unchanged (absent or empty); null = cleared with ~DEL. */
export type ImportFields = {
  firstName?: string | null;
  lastName?: string | null;
  initials?: string | null;
  displayName?: string;
  alias?: string;
  /** A custom recipient's target, written TYPE:address. */
  targetAddress?: string;
};

export type ImportRow = {
  /** The file line where the record starts (header = 1). */
  line: number;
  objClass: RecipientKind;
  mode: ImportMode;
  directoryName: string;
  fields: ImportFields;
  /** Proxy-Addresses: the whole set, `SMTP:` marking the reply address of its type. */
  proxyAddresses?: ProxyEntry[];
  /** Secondary-Proxy-Addresses: every value secondary whatever the case of its prefix; [] after ~DEL. */
  secondaryProxyAddresses?: Array<{ type: string; address: string }>;
  /** Members by directory name; [] after ~DEL. */
  members?: string[];
};

export type ImportHeader = {
  /** The column names as written. */
  names: string[];
  /** What each column stands for; null for an unknown or repeated column (its values are not read). */
  attributes: Array<ImportAttribute | null>;
};

export type ImportResult = {
  header: ImportHeader | null;
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Every address the file gives (proxyUniqueKey → the line that gives it first). */
  addressLines: ReadonlyMap<string, number>;
  /** Each record's directory name by its line (sparse), for messages that name another row. */
  directoryNameByLine: readonly string[];
  /**
   * Whether the whole file was read: false when the header is unusable (no Obj-Class or Directory
   * Name column) or a CSV syntax error stopped reading. An incomplete file is never applied, not
   * even its valid rows: what the unread rest would have done is unknown.
   */
  complete: boolean;
};

/** The console's checks, by attribute: the zod schemas of the property sheets. */
const FIELD_SCHEMAS = {
  directoryName: directoryNameSchema,
  firstName: nameFieldsSchema.shape.firstName,
  lastName: nameFieldsSchema.shape.lastName,
  initials: nameFieldsSchema.shape.initials,
  displayName: nameFieldsSchema.shape.displayName,
  alias: aliasSchema,
  targetAddress: writtenAddressSchema,
} as const;

function schemaProblem(attribute: keyof typeof FIELD_SCHEMAS, value: string): string | null {
  const result = FIELD_SCHEMAS[attribute].safeParse(value);
  return result.success ? null : result.error.issues[0].message;
}

// The console's messages (createRecipientSchema) for what a row may not carry.
const NEEDS_TARGET = 'A custom recipient needs a target address, e.g. SMTP:cust@partner.example.';
const ONLY_CUSTOM_TARGET = 'Only a custom recipient has a target address.';
const ONLY_DL_MEMBERS = 'Only a distribution list has members.';
const WRITTEN_FORM = 'A proxy address must be written TYPE:address, e.g. SMTP:bob@adatum.com.';

/**
 * Reads an import file record by record: feed it the header, then each record with the line it
 * starts on, then take the result. parseImportFile drives it from a string; a streaming caller
 * (csv-parse's stream API) can drive it the same way.
 */
export function createImportReader() {
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  let header: ImportHeader | null = null;
  /** Column index of each attribute read; null before the header or when the header is unusable. */
  let columns: Partial<Record<ImportAttribute, number>> | null = null;
  let stopped = false;
  let records = 0;
  const directoryNames = new Map<string, number>();
  /** Addresses given so far: proxyUniqueKey → line. */
  const proxies = new Map<string, number>();
  const directoryNameByLine: string[] = [];

  function readHeader(names: string[]) {
    const attributes: Array<ImportAttribute | null> = [];
    const at: Partial<Record<ImportAttribute, number>> = {};
    names.forEach((name, i) => {
      const attribute = attributeOfHeader(name);
      if (attribute === null) {
        problems.push({
          line: 1,
          column: name,
          value: null,
          reason: name.trim() === ''
            ? `Column ${i + 1} has no attribute name; its values are not imported.`
            : `'${name}' is not an attribute Directory Import knows; its values are not imported. Known attributes: ${Object.values(IMPORT_ATTRIBUTES).join(', ')}.`,
        });
      } else if (at[attribute] !== undefined) {
        problems.push({ line: 1, column: name, value: null, reason: `${IMPORT_ATTRIBUTES[attribute]} appears twice in the header (columns ${at[attribute]! + 1} and ${i + 1}); the second is not read.` });
        attributes.push(null);
        return;
      } else {
        at[attribute] = i;
      }
      attributes.push(attribute);
    });
    header = { names, attributes };
    let usable = true;
    // Q146304: Obj-Class must be the first field; Mode, if used, the second; Directory Name is the key.
    if (at.objClass === undefined) {
      problems.push({ line: 1, column: null, value: null, reason: 'The header has no Obj-Class column; it must be the first column. No rows were read.' });
      usable = false;
    } else if (at.objClass !== 0) {
      problems.push({ line: 1, column: names[at.objClass], value: null, reason: `Obj-Class must be the first column; it is column ${at.objClass + 1}.` });
    }
    if (at.mode !== undefined && at.mode !== 1) {
      problems.push({ line: 1, column: names[at.mode], value: null, reason: `Mode, when present, must be the second column; it is column ${at.mode + 1}.` });
    }
    if (at.directoryName === undefined) {
      problems.push({ line: 1, column: null, value: null, reason: 'The header has no Directory Name column: it names the object each row creates, modifies or deletes. No rows were read.' });
      usable = false;
    }
    columns = usable ? at : null;
  }

  function readRow(fields: string[], line: number, at: Partial<Record<ImportAttribute, number>>) {
    const names = header!.names;
    if (fields.every((f) => f === '')) return;
    if (fields.length !== names.length) {
      problems.push({ line, column: null, value: null, reason: `This line has ${fields.length} fields; the header has ${names.length}. (A field containing a comma must be in double quotes.)` });
      return;
    }
    const before = problems.length;
    const column = (a: ImportAttribute) => (at[a] === undefined ? IMPORT_ATTRIBUTES[a] : names[at[a]!]);
    const value = (a: ImportAttribute) => (at[a] === undefined ? undefined : fields[at[a]!]);
    const problem = (a: ImportAttribute, v: string | null, reason: string) => problems.push({ line, column: column(a), value: v, reason });

    const objClassValue = value('objClass')!;
    const objClass = objClassOf(objClassValue);
    if (objClass === null) problem('objClass', objClassValue, 'Obj-Class must be Mailbox, Remote (a custom recipient), Dist-List or dl (a distribution list).');

    const modeValue = value('mode');
    const mode = modeValue === undefined || modeValue.trim() === '' ? DEFAULT_MODE : modeOf(modeValue);
    if (mode === null) problem('mode', modeValue!, 'Mode must be Create, Modify, Delete or Update.');

    const directoryName = value('directoryName')!;
    const dnProblem = schemaProblem('directoryName', directoryName);
    if (dnProblem !== null) {
      problem('directoryName', directoryName, dnProblem);
    } else {
      const key = directoryName.toLowerCase();
      const first = directoryNames.get(key);
      if (first !== undefined) problem('directoryName', directoryName, `The directory name '${directoryName}' is already used on line ${first}.`);
      else directoryNames.set(key, line);
      directoryNameByLine[line] = directoryName;
    }
    if (objClass === null || mode === null) return;

    const row: ImportRow = { line, objClass, mode, directoryName, fields: {} };
    if (mode !== 'delete') readAttributes(row, value, problem);
    if (problems.length === before) rows.push(row);
  }

  function readAttributes(
    row: ImportRow,
    value: (a: ImportAttribute) => string | undefined,
    problem: (a: ImportAttribute, v: string | null, reason: string) => void,
  ) {
    const { objClass, mode } = row;
    for (const a of ['firstName', 'lastName', 'initials', 'displayName', 'alias'] as const) {
      const v = value(a);
      if (v === undefined || v === '') continue;
      if (isDeleteValue(v)) {
        if (a === 'firstName' || a === 'lastName' || a === 'initials') row.fields[a] = null;
        else problem(a, v, `${schemaProblem(a, '')} It cannot be removed with ~DEL.`);
        continue;
      }
      const reason = schemaProblem(a, v);
      if (reason !== null) problem(a, v, reason);
      else row.fields[a] = v;
    }

    const target = value('targetAddress');
    if (target !== undefined && target !== '') {
      if (objClass !== 'custom') problem('targetAddress', target, ONLY_CUSTOM_TARGET);
      else if (isDeleteValue(target)) problem('targetAddress', target, `${NEEDS_TARGET} It cannot be removed with ~DEL.`);
      else {
        const reason = schemaProblem('targetAddress', target);
        if (reason !== null) problem('targetAddress', target, reason);
        else row.fields.targetAddress = target;
      }
    } else if (objClass === 'custom' && mode === 'create') {
      problem('targetAddress', target ?? null, NEEDS_TARGET);
    }

    // Addresses on this row, by proxyUniqueKey: a value given twice is reported once.
    const own = new Set<string>();
    const claim = (a: ImportAttribute, entry: { type: string; address: string; primary: boolean }) => {
      const written = formatWrittenAddress(entry);
      const key = proxyUniqueKey(entry.type, entry.address);
      if (own.has(key)) {
        problem(a, written, `${entry.type}:${entry.address} appears twice on this recipient.`);
        return false;
      }
      own.add(key);
      const first = proxies.get(key);
      if (first !== undefined) {
        problem(a, written, `${entry.type}:${entry.address} is already an address of '${directoryNameByLine[first]}' on line ${first}.`);
        return false;
      }
      proxies.set(key, row.line);
      return true;
    };
    const claimAll = (a: ImportAttribute, entries: ProxyEntry[]) => entries.map((e) => claim(a, e)).every(Boolean);
    const readAddresses = (a: 'proxyAddresses' | 'secondaryProxyAddresses', field: string) => {
      const entries: ProxyEntry[] = [];
      let clean = true;
      for (const written of splitValues(field)) {
        const parsed = parseWrittenAddress(written);
        if (parsed === null) {
          problem(a, written, WRITTEN_FORM);
          clean = false;
          continue;
        }
        const check = checkAddress(parsed.type, parsed.address);
        if (!check.ok) {
          problem(a, written, check.message);
          clean = false;
          continue;
        }
        entries.push(a === 'secondaryProxyAddresses' ? { ...parsed, primary: false } : parsed);
      }
      return clean ? entries : null;
    };

    const proxyField = value('proxyAddresses');
    if (proxyField !== undefined && proxyField !== '') {
      if (isDeleteValue(proxyField)) {
        problem('proxyAddresses', proxyField, 'The proxy addresses cannot all be removed: a recipient keeps a reply address of each type.');
      } else {
        const entries = readAddresses('proxyAddresses', proxyField);
        if (entries !== null) {
          // Proxy-Addresses is the whole set: one reply address per type (the E-mail Addresses tab's rules).
          const set = checkProxySet(entries);
          if (!set.ok) problem('proxyAddresses', formatWrittenAddress(entries[set.index]), set.message);
          else if (claimAll('proxyAddresses', entries)) row.proxyAddresses = entries;
        }
      }
    }

    const secondaryField = value('secondaryProxyAddresses');
    if (secondaryField !== undefined && secondaryField !== '') {
      if (isDeleteValue(secondaryField)) row.secondaryProxyAddresses = [];
      else {
        const entries = readAddresses('secondaryProxyAddresses', secondaryField);
        if (entries !== null && claimAll('secondaryProxyAddresses', entries)) {
          row.secondaryProxyAddresses = entries.map(({ type, address }) => ({ type, address }));
        }
      }
    }

    const membersField = value('members');
    if (membersField !== undefined && membersField !== '') {
      if (objClass !== 'dl') problem('members', membersField, ONLY_DL_MEMBERS);
      else if (isDeleteValue(membersField)) row.members = [];
      else {
        const members: string[] = [];
        const seen = new Set<string>();
        let clean = true;
        for (const member of splitValues(membersField)) {
          const reason = schemaProblem('directoryName', member);
          if (reason !== null) {
            problem('members', member, reason);
            clean = false;
          } else if (!seen.has(member.toLowerCase())) {
            seen.add(member.toLowerCase());
            members.push(member);
          }
        }
        if (clean) row.members = members;
      }
    }
  }

  return {
    /** One record of the file (the first is the header), with the line it starts on. */
    record(fields: string[], line: number): void {
      if (stopped) return;
      records += 1;
      if (header === null) readHeader(fields);
      else if (columns !== null) readRow(fields, line, columns);
    },
    /** A CSV syntax error: reported, and nothing after it is read. */
    syntaxError(line: number, columnIndex: number | null, reason: string): void {
      if (stopped) return;
      stopped = true;
      const name = columnIndex === null ? null : (header?.names[columnIndex] ?? null);
      problems.push({ line, column: name, value: null, reason: `${reason} The rest of the file was not read.` });
    },
    /** Records read so far, the header included (for progress). */
    get recordsRead(): number {
      return records;
    },
    result(): ImportResult {
      if (header === null && !stopped) problems.push({ line: 1, column: null, value: null, reason: 'The file is empty: the first line must name the attributes, starting with Obj-Class.' });
      return { header, rows, problems, addressLines: proxies, directoryNameByLine, complete: !stopped && columns !== null };
    },
  };
}

export type ImportReader = ReturnType<typeof createImportReader>;

const SYNTAX_REASONS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted field is not closed: the file ends inside double quotes.',
  INVALID_OPENING_QUOTE: 'A double quote appears inside a field that does not start with one; quote the whole field and write the quote twice ("").',
  CSV_INVALID_CLOSING_QUOTE: 'A quoted field\'s closing quote is followed by other characters; write a quote inside a quoted field twice ("").',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'A quoted field\'s closing quote is followed by other characters; write a quote inside a quoted field twice ("").',
};

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.includes('\n') || field.includes('\r')) breaks += field.match(LINE_BREAK)!.length;
  }
  return breaks;
}

const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;

/**
 * Feeds csv-parse's records to the reader with the line each starts on. Lines are counted here:
 * csv-parse's own count (info.lines) counts a CRLF inside quotes as two lines. A record starts
 * after the last one ended and the empty lines skipped since, and ends as many lines later as its
 * quoted fields hold line breaks.
 */
function lineTracker(reader: ImportReader) {
  let lastLine = 0;
  let lastEmpty = 0;
  return {
    onRecord(record: string[], info: { empty_lines: number }) {
      const line = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = line + lineBreaks(record);
      lastEmpty = info.empty_lines;
      reader.record(record, line);
      return null;
    },
    onError(error: unknown) {
      // The sync and stream entry points may be separate bundles (CommonJS), each with its own class.
      if (!(error instanceof CsvError || error instanceof StreamCsvError)) throw error;
      const empty = typeof error.empty_lines === 'number' ? error.empty_lines : lastEmpty;
      const column = typeof error.column === 'number' ? error.column : null;
      reader.syntaxError(lastLine + 1 + (empty - lastEmpty), column, SYNTAX_REASONS[error.code] ?? error.message);
    },
  };
}

/**
 * Parses a whole import file (RFC 4180 quoting; CRLF or LF; a UTF-8 byte order mark is ignored).
 * Problems name the line where the record starts: a quoted field may span lines.
 */
export function parseImportFile(text: string): ImportResult {
  const reader = createImportReader();
  const tracker = lineTracker(reader);
  try {
    parse(text, { ...CSV_OPTIONS, on_record: tracker.onRecord });
  } catch (error) {
    tracker.onError(error);
  }
  return reader.result();
}

/**
 * parseImportFile for a large file: the text is fed to csv-parse's stream API in chunks, and the
 * event loop gets a turn after each one, so a 100,000-row file does not stall the server.
 * `onProgress` hears the characters parsed so far and the records read.
 */
export async function readImportText(
  text: string,
  { chunkSize = 256 * 1024, onProgress }: { chunkSize?: number; onProgress?: (charsRead: number, recordsRead: number) => void } = {},
): Promise<ImportResult> {
  const reader = createImportReader();
  const tracker = lineTracker(reader);
  const parser = parseStream({ ...CSV_OPTIONS, on_record: tracker.onRecord });
  let failed: unknown = null;
  parser.on('error', (error) => {
    failed ??= error;
  });
  // Records are consumed by on_record; the readable side stays empty but must flow for 'end'.
  parser.resume();
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
  });
  for (let at = 0; at < text.length && failed === null; at += chunkSize) {
    parser.write(text.slice(at, at + chunkSize));
    onProgress?.(Math.min(text.length, at + chunkSize), reader.recordsRead);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (failed === null) parser.end();
  await ended;
  if (failed !== null) tracker.onError(failed);
  onProgress?.(text.length, reader.recordsRead);
  return reader.result();
}
