'use client';
// Tools → Find Recipients, as Exchange Administrator's dialog: "Look in" (the organization or a
// site), the fields to match (each "begins with", any case, all filled ones must match), Find
// Now and New Search, and the recipients found below. The search lives in the URL (Find Now
// pushes it, so Back returns to the previous search); the server finds, this renders.
// Keyboard: Enter in a box presses Find Now; ↓ from a box moves into the results; in the results
// arrows, Home, End, Page Up/Down move, Enter (or a double click) opens the property sheet.
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { type FormEvent, type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState, useTransition } from 'react';
import { recipientSheetPath } from '@/components/recipients/paths';
import { kindColumn, nameColumns } from '@/components/recipients/columns';
import { paths } from '@/components/shell/paths';
import { SortableHeaderRow } from '@/components/shell/SortableHeaderRow';
import { useRowCursor } from '@/components/shell/use-row-cursor';
import type { FindRecipientsResult, FoundRecipient } from '@/lib/server/recipients/find-recipients';
import { FIND_FIELD_LABELS, FIND_FIELDS, FIND_LIMIT, FIND_MAX_LENGTH, type FindCriteria, type FindField, NOTHING_TO_FIND_PAGE, findRecipientsSearch } from '@/lib/validation/find-recipients';
import './find-recipients.css';

const PLACEHOLDERS: Record<FindField, string> = {
  displayName: 'e.g. Kelly, B',
  alias: 'e.g. bob',
  address: 'e.g. bob@ or smtp:bob@old.example or MS:ADATUM/',
};
/** Rows Page Up / Page Down move by. */
const PAGE_ROWS = 10;

export type FindRecipientsWindowProps = {
  organization: string;
  /** The sites the administrator can see. */
  sites: string[];
  /** The search in the URL (blank fields not given). */
  criteria: FindCriteria;
  /** What the server found for it; null before a search, or when it was refused. */
  result: FindRecipientsResult | null;
  /** Why the URL's search was refused (a field too long, a site that does not exist). */
  error: string | null;
};

export function FindRecipientsWindow({ organization, sites, criteria, result, error }: FindRecipientsWindowProps) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(criteria);
  const [message, setMessage] = useState<string | null>(error);
  const firstField = useRef<HTMLInputElement>(null);
  const rows = useMemo(() => result?.results ?? [], [result]);
  const { selected, setSelected, select, rowRef, moveByKey } = useRowCursor(rows, result?.results[0]?.id);

  // A new URL (Find Now, New Search, Back, Forward) brings its search: show it in the boxes.
  const [shown, setShown] = useState({ criteria, result, error });
  if (shown.criteria !== criteria || shown.result !== result || shown.error !== error) {
    setShown({ criteria, result, error });
    setValues(criteria);
    setMessage(error);
    setSelected(result?.results[0]?.id);
  }

  // The address column is shown when the search was by address: it says which address matched.
  const byAddress = criteria.address.trim() !== '' && result !== null;
  const columns = useMemo<ColumnDef<FoundRecipient>[]>(
    () => [
      ...nameColumns<FoundRecipient>(),
      { accessorKey: 'site', header: 'Site' },
      kindColumn<FoundRecipient>(),
      ...(byAddress ? [{ accessorKey: 'matchedAddress', header: 'E-mail Address', cell: ({ row }) => row.original.matchedAddress ?? '' } satisfies ColumnDef<FoundRecipient>] : []),
    ],
    [byAddress],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    // The server lists them by display name; the headers say so and do not re-sort.
    enableSorting: false,
    manualSorting: true,
    state: { sorting: [{ id: 'displayName', desc: false }] },
  });

  useEffect(() => {
    if (message && !result) firstField.current?.focus();
  }, [message, result]);

  const go = (next: Partial<FindCriteria>) => {
    const search = findRecipientsSearch(next);
    const url = search ? `${paths.findRecipients()}?${search}` : paths.findRecipients();
    startTransition(() => {
      // The same search again asks the server again (a recipient may have changed meanwhile).
      if (url === `${window.location.pathname}${window.location.search}`) router.refresh();
      else router.push(url, { scroll: false });
    });
  };

  const findNow = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (FIND_FIELDS.every((field) => values[field].trim() === '')) {
      setMessage(NOTHING_TO_FIND_PAGE);
      firstField.current?.focus();
      return;
    }
    setMessage(null);
    go({ ...Object.fromEntries(FIND_FIELDS.map((field) => [field, values[field].trim()])), site: values.site });
  };

  const newSearch = () => {
    setValues({ displayName: '', alias: '', address: '', site: values.site });
    setMessage(null);
    go({ site: values.site });
    firstField.current?.focus();
  };

  const open = (row: FoundRecipient | undefined) => {
    if (row) router.push(recipientSheetPath(row.site, row.id, 'general'));
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (moveByKey(event, index, { pageRows: PAGE_ROWS })) return;
    if (event.key === 'Enter' && !event.altKey) {
      event.preventDefault();
      open(rows[index]);
    }
  };

  const toResults = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' && rows.length > 0) {
      event.preventDefault();
      select(rows.find((r) => r.id === selected)?.id ?? rows[0].id);
    }
  };

  const summary =
    result === null
      ? null
      : result.more
        ? `More than ${FIND_LIMIT} recipients match; the first ${FIND_LIMIT} are listed. Narrow the search.`
        : result.results.length === 0
          ? 'No recipients match.'
          : `${result.results.length} ${result.results.length === 1 ? 'recipient' : 'recipients'} found.`;

  return (
    <div className="find-recipients-pane" aria-busy={pending}>
      <form className="find-form" role="search" aria-label="Find Recipients" onSubmit={findNow} noValidate>
        <div className="find-fields">
          <label htmlFor={`${id}-site`}>Look in:</label>
          <select id={`${id}-site`} value={values.site} onChange={(event) => setValues((v) => ({ ...v, site: event.target.value }))} onKeyDown={toResults}>
            <option value="">{`${organization} (the whole organization)`}</option>
            {sites.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            {values.site && !sites.some((name) => name.toLowerCase() === values.site.toLowerCase()) && <option value={values.site}>{values.site}</option>}
          </select>
          <span />
          {FIND_FIELDS.map((field, index) => (
            <FieldRow
              key={field}
              id={`${id}-${field}`}
              field={field}
              value={values[field]}
              inputRef={index === 0 ? firstField : undefined}
              autoFocus={index === 0 && result === null}
              invalid={message === NOTHING_TO_FIND_PAGE}
              describedBy={`${id}-message`}
              onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
              onKeyDown={toResults}
            />
          ))}
          <p className="find-hint find-rule">Every box filled in must match, in any case; an e-mail address of any type, or written with its type (smtp:bob@).</p>
        </div>
        <div className="find-buttons">
          <button type="submit" className="default" disabled={pending}>
            Find Now
          </button>
          <button type="button" onClick={newSearch}>
            New Search
          </button>
        </div>
      </form>
      <p id={`${id}-message`} className="find-message" role="alert">
        {message}
      </p>

      <div className="sunken-panel list-view find-results">
        <table className="interactive" role="grid" aria-label="Recipients found" aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <SortableHeaderRow key={group.id} group={group} />
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, index) => {
              const found = row.original;
              const isSelected = found.id === selected;
              return (
                <tr
                  key={row.id}
                  ref={rowRef(found.id)}
                  className={isSelected ? 'highlighted' : undefined}
                  aria-selected={isSelected}
                  aria-rowindex={index + 2}
                  tabIndex={isSelected ? 0 : -1}
                  onClick={() => select(index)}
                  onDoubleClick={() => open(found)}
                  onKeyDown={(event) => onRowKeyDown(event, index)}
                  data-recipient-id={found.id}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty-list">
                  {result ? 'No recipients match.' : 'Fill in what to look for, then Find Now.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className={`find-summary${result?.more ? ' find-summary-more' : ''}`} role="status" aria-live="polite">
        {summary}
      </p>
    </div>
  );
}

type FieldRowProps = {
  id: string;
  field: FindField;
  value: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus: boolean;
  invalid: boolean;
  describedBy: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
};

function FieldRow({ id, field, value, inputRef, autoFocus, invalid, describedBy, onChange, onKeyDown }: FieldRowProps) {
  return (
    <>
      <label htmlFor={id}>{FIND_FIELD_LABELS[field]}:</label>
      <input
        ref={inputRef}
        id={id}
        name={field}
        type="text"
        value={value}
        maxLength={FIND_MAX_LENGTH[field]}
        placeholder={PLACEHOLDERS[field]}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-hint">begins with</span>
    </>
  );
}
