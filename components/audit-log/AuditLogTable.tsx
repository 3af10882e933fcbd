'use client';
// Tools → Audit Log's contents: filter boxes, then a server-paged TanStack Table whose state
// (filters, page, page size, sort) lives in the URL, and an entry's attributes before and after
// under its row. Keyboard: Tab reaches the filters, then the list; arrows move, Enter (or →/←)
// shows and hides an entry's attributes, Page Up/Down turn the page.
import { type ColumnDef, type SortingState, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Fragment, useCallback, useEffect, useMemo, useState, useTransition, type KeyboardEvent } from 'react';
import type { AuditFilterChoices } from '@/lib/server/audit/list-audit-filter-choices';
import type { AuditPage, AuditRow } from '@/lib/server/audit/list-audit-entries';
import { AUDIT_FILTER_KEYS, auditQueryString } from '@/lib/validation/audit-log';
import { AuditEntryDetail } from './AuditEntryDetail';
import './audit-log.css';
import { Pager } from '@/components/shell/Pager';
import { SortableHeaderRow } from '@/components/shell/SortableHeaderRow';
import { useRowCursor } from '@/components/shell/use-row-cursor';

type FilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilterValues = Record<FilterKey, string>;

/** 2026-11-21T10:30:05.123Z → 2026-11-21 10:30:05 (the column says UTC). */
export const formatTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');

const columns: ColumnDef<AuditRow>[] = [
  // The column ids are the API's sort keys; the server sorts.
  { id: 'time', accessorKey: 'at', header: 'Time (UTC)', cell: ({ row }) => formatTime(row.original.at) },
  { id: 'administrator', accessorKey: 'administrator', header: 'Administrator' },
  { id: 'from', accessorKey: 'from', header: 'From', enableSorting: false },
  { id: 'action', accessorKey: 'action', header: 'Action' },
  {
    id: 'object',
    accessorKey: 'objectName',
    header: 'Object',
    cell: ({ row }) => (
      <span title={`${row.original.objectType}${row.original.site ? ` in ${row.original.site}` : ''}`}>{row.original.objectName}</span>
    ),
  },
];


function toSorting(sort: string): SortingState {
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

type Props = { page: AuditPage; filters: AuditFilterValues; choices: AuditFilterChoices; expandedId?: number };

export function AuditLogTable({ page, filters, choices, expandedId }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const { selected, setSelected, select, rowRef, moveByKey } = useRowCursor(page.rows, expandedId ?? page.rows[0]?.id);
  const [expanded, setExpanded] = useState<number | undefined>(expandedId);

  useEffect(() => {
    if (!page.rows.some((r) => r.id === selected)) setSelected(page.rows[0]?.id);
  }, [page.rows, selected]);

  const navigate = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') params.delete(key);
        else params.set(key, String(value));
      }
      params.delete('entry');
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  // Showing an entry's attributes is a deep link (?entry=ID) without asking the server again.
  const toggle = (id: number | undefined) => {
    if (id === undefined) return;
    const next = expanded === id ? undefined : id;
    setExpanded(next);
    const params = new URLSearchParams(window.location.search);
    if (next === undefined) params.delete('entry');
    else params.set('entry', String(next));
    const query = params.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  };
  const expand = (id: number | undefined, open: boolean) => {
    if (id !== undefined && (expanded === id) !== open) toggle(id);
  };

  const sorting = useMemo(() => toSorting(page.sort), [page.sort]);
  const table = useReactTable({
    data: page.rows,
    columns,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    pageCount: page.pageCount,
    state: { sorting, pagination: { pageIndex: page.page - 1, pageSize: page.perPage } },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      // A new column starts newest (time) or A to Z (the others); the server sorts.
      if (first) navigate({ sort: `${first.desc ? '-' : ''}${first.id}`, page: undefined });
    },
  });

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const rows = page.rows;
    const id = rows[index]?.id;
    if (moveByKey(event, index)) return;
    switch (event.key) {
      case 'ArrowRight':
        event.preventDefault();
        expand(id, true);
        break;
      case 'ArrowLeft':
      case 'Escape':
        if (expanded === id) {
          event.preventDefault();
          expand(id, false);
        }
        break;
      case 'Enter':
        if (event.altKey) break;
        event.preventDefault();
        toggle(id);
        break;
      case 'PageDown':
        if (page.page < page.pageCount) {
          event.preventDefault();
          navigate({ page: page.page + 1 });
        }
        break;
      case 'PageUp':
        if (page.page > 1) {
          event.preventDefault();
          navigate({ page: page.page - 1 });
        }
        break;
    }
  };

  const first = (page.page - 1) * page.perPage + 1;
  const last = first + page.rows.length - 1;
  const applied = AUDIT_FILTER_KEYS.filter((key) => filters[key] !== '');
  const exportQuery = auditQueryString({ ...Object.fromEntries(applied.map((key) => [key, filters[key]])), sort: page.sort });

  return (
    <div className="audit-log-pane" aria-busy={pending}>
      {/* Remounted when the URL's filters change (back, forward, Clear), so the boxes show them. */}
      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        choices={choices}
        onApply={(values) => navigate({ ...values, page: undefined })}
        onDown={() => select(selected ?? page.rows[0]?.id)}
      />
      <div className="list-toolbar">
        <span className="list-count" aria-live="polite">
          {page.total === 0 ? 'No entries' : `${first}–${last} of ${page.total}`}
        </span>
        <a className="audit-export" href={`/api/v1/audit/export${exportQuery ? `?${exportQuery}` : ''}`} download>
          Export (CSV)
        </a>
      </div>
      <div className="sunken-panel list-view audit-list">
        <table className="interactive" role="grid" aria-label="Audit log" aria-rowcount={page.total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <SortableHeaderRow key={group.id} group={group} />
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, index) => {
              const id = row.original.id;
              const isSelected = id === selected;
              const isExpanded = id === expanded;
              return (
                <Fragment key={row.id}>
                  <tr
                    ref={rowRef(id)}
                    className={isSelected ? 'highlighted' : undefined}
                    aria-selected={isSelected}
                    aria-expanded={isExpanded}
                    aria-rowindex={first + index + 1}
                    tabIndex={isSelected ? 0 : -1}
                    onClick={() => setSelected(id)}
                    onDoubleClick={() => toggle(id)}
                    onKeyDown={(event) => onRowKeyDown(event, index)}
                    data-entry-id={id}
                  >
                    {row.getVisibleCells().map((cell, cellIndex) => (
                      <td key={cell.id}>
                        {cellIndex === 0 && (
                          <button
                            type="button"
                            className="audit-disclosure"
                            tabIndex={-1}
                            aria-label={isExpanded ? 'Hide attributes' : 'Show attributes'}
                            onClick={(event) => {
                              event.stopPropagation();
                              setSelected(id);
                              toggle(id);
                            }}
                          >
                            {isExpanded ? '−' : '+'}
                          </button>
                        )}
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                  {isExpanded && (
                    <tr className="audit-detail-row">
                      <td colSpan={columns.length}>
                        <AuditEntryDetail entry={row.original} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            {page.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty-list">
                  {applied.length > 0 ? 'No entry matches these filters.' : 'There are no items to show in this view.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={page.page} pageCount={page.pageCount} perPage={page.perPage} onNavigate={navigate} />
    </div>
  );
}

type FilterFormProps = {
  filters: AuditFilterValues;
  choices: AuditFilterChoices;
  onApply: (values: AuditFilterValues) => void;
  /** ↓ from a filter box moves into the list. */
  onDown: () => void;
};

/** The filter boxes; Find Now (or Enter in a box) puts them in the URL. */
function FilterForm({ filters, choices, onApply, onDown }: FilterFormProps) {
  const [values, setValues] = useState(filters);
  const set = (key: FilterKey) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const toList = (event: KeyboardEvent<HTMLInputElement>) => {
    // A box with a suggestion list keeps ↓ for it.
    if (event.key === 'ArrowDown' && !event.currentTarget.list) {
      event.preventDefault();
      onDown();
    }
  };
  const objectTypes = filters.objectType && !choices.objectTypes.includes(filters.objectType) ? [...choices.objectTypes, filters.objectType] : choices.objectTypes;
  const empty = Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, ''])) as AuditFilterValues;

  return (
    <form
      className="audit-filters"
      role="search"
      aria-label="Audit log filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, values[key].trim()])) as AuditFilterValues);
      }}
    >
      <label htmlFor="audit-administrator">Administrator:</label>
      <input id="audit-administrator" list="audit-administrators" value={values.administrator} maxLength={64} onChange={set('administrator')} onKeyDown={toList} autoComplete="off" />
      <datalist id="audit-administrators">
        {choices.administrators.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      <label htmlFor="audit-action">Action:</label>
      <input
        id="audit-action"
        list="audit-actions"
        value={values.action}
        maxLength={64}
        placeholder="recipient.update, or recipient. for all"
        onChange={set('action')}
        onKeyDown={toList}
        autoComplete="off"
      />
      <datalist id="audit-actions">
        {[...new Set(choices.actions.map((action) => action.replace(/\.[^.]*$/, '.')).filter((p) => p.endsWith('.')))].map((prefix) => (
          <option key={prefix} value={prefix} label={`every ${prefix.slice(0, -1)} action`} />
        ))}
        {choices.actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>

      <label htmlFor="audit-object-type">Object type:</label>
      <select id="audit-object-type" value={values.objectType} onChange={set('objectType')}>
        <option value="">(any)</option>
        {objectTypes.map((type) => (
          <option key={type}>{type}</option>
        ))}
      </select>

      <label htmlFor="audit-object">Object:</label>
      <input id="audit-object" type="search" value={values.object} maxLength={256} placeholder="Name, or the object's id" onChange={set('object')} onKeyDown={toList} />

      <label htmlFor="audit-from">From:</label>
      <input id="audit-from" type="date" value={values.from.slice(0, 10)} onChange={set('from')} onKeyDown={toList} />

      <label htmlFor="audit-to">To:</label>
      <input id="audit-to" type="date" value={values.to.slice(0, 10)} onChange={set('to')} onKeyDown={toList} />

      <div className="audit-filter-buttons">
        <button type="submit">Find Now</button>
        <button type="button" onClick={() => onApply(empty)} disabled={Object.values(filters).every((v) => v === '')}>
          Clear
        </button>
      </div>
    </form>
  );
}
