// Exchange 5.5's directory import / export format (KB Q155594, Q146304, Q184536;
// ../shared/EXCHANGE55.md "Directory Import"): a CSV file whose first line names the attributes.
// Pure data and small functions shared by the import parser and the export writer.
import type { RecipientKind } from '@/lib/validation/recipient';

/** The attributes this console reads and writes, by their canonical header spelling. */
export const IMPORT_ATTRIBUTES = {
  objClass: 'Obj-Class',
  mode: 'Mode',
  directoryName: 'Directory Name',
  firstName: 'First Name',
  lastName: 'Last Name',
  initials: 'Initials',
  displayName: 'Display Name',
  alias: 'Alias Name',
  targetAddress: 'E-mail Address',
  proxyAddresses: 'Proxy-Addresses',
  secondaryProxyAddresses: 'Secondary-Proxy-Addresses',
  members: 'Members',
} as const;

export type ImportAttribute = keyof typeof IMPORT_ATTRIBUTES;

/** The single-valued attributes a row may carry besides its class, mode and directory name. */
export const SINGLE_VALUED = ['firstName', 'lastName', 'initials', 'displayName', 'alias', 'targetAddress'] as const;
export type SingleValuedAttribute = (typeof SINGLE_VALUED)[number];

/** The multi-valued ones: values separated by '%' (Q146304). */
export const MULTI_VALUED = ['proxyAddresses', 'secondaryProxyAddresses', 'members'] as const;
export type MultiValuedAttribute = (typeof MULTI_VALUED)[number];

const BY_HEADER = new Map<string, ImportAttribute>(
  (Object.entries(IMPORT_ATTRIBUTES) as Array<[ImportAttribute, string]>).map(([key, name]) => [name.toLowerCase(), key]),
);
// Q184536's export names the whole proxy set "E-mail addresses": read it as Proxy-Addresses.
BY_HEADER.set('e-mail addresses', 'proxyAddresses');

/** The attribute a header name stands for: case-insensitive, surrounding spaces ignored; null when unknown. */
export function attributeOfHeader(name: string): ImportAttribute | null {
  return BY_HEADER.get(name.trim().toLowerCase()) ?? null;
}

/** Obj-Class values (Q146304): Mailbox; Remote for a custom recipient; Dist-List or dl for a list. */
const OBJ_CLASSES = new Map<string, RecipientKind>([
  ['mailbox', 'mailbox'],
  ['remote', 'custom'],
  ['dist-list', 'dl'],
  ['dl', 'dl'],
]);

/** What Directory Export writes in Obj-Class for each kind. */
export const OBJ_CLASS_NAMES: Record<RecipientKind, string> = { mailbox: 'Mailbox', custom: 'Remote', dl: 'dl' };

export function objClassOf(value: string): RecipientKind | null {
  return OBJ_CLASSES.get(value.trim().toLowerCase()) ?? null;
}

/** Modes (Q146304). Update, the default, creates the object if it is missing and modifies it if present. */
export const IMPORT_MODES = ['create', 'modify', 'delete', 'update'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const DEFAULT_MODE: ImportMode = 'update';

export function modeOf(value: string): ImportMode | null {
  const mode = value.trim().toLowerCase();
  return (IMPORT_MODES as readonly string[]).includes(mode) ? (mode as ImportMode) : null;
}

/** Separates the values of a multi-valued attribute (Q146304). It cannot be escaped. */
export const VALUE_SEPARATOR = '%';

/**
 * Q184536: `~DEL` as a value removes the attribute's data. An empty field changes nothing — that is
 * how Exchange reads a spreadsheet with blank cells — so clearing needs this keyword.
 */
export const DELETE_VALUE = '~DEL';

export function isDeleteValue(value: string): boolean {
  return value.trim().toUpperCase() === DELETE_VALUE;
}

/** The values of a multi-valued field; empty values (`a%%b`, a trailing `%`) are skipped. */
export function splitValues(field: string): string[] {
  return field.split(VALUE_SEPARATOR).filter((v) => v !== '');
}

/** Directory Export's optional columns (Obj-Class and Directory Name are always written). */
export type ExportColumn = Exclude<ImportAttribute, 'objClass' | 'mode' | 'directoryName'>;

/** The columns written when none are chosen. Secondary-Proxy-Addresses is for imports: Proxy-Addresses has the whole set. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  'firstName',
  'lastName',
  'initials',
  'displayName',
  'alias',
  'targetAddress',
  'proxyAddresses',
  'members',
];

