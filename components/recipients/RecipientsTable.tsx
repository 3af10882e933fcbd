'use client';
// The Recipients container's contents pane: a server-paged TanStack Table whose state (text
// filter, page, page size, sort) lives in the URL. Keyboard as in Exchange Administrator:
// arrows move, Enter or Alt+Enter opens Properties, Delete asks and removes.
import {
  type ColumnDef,
  type SortingState,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { deleteRecipientAction } from '@/app/actions/recipients';
import { ConfirmDialog } from '@/components/shell/ConfirmDialog';
import { SHELL_EVENTS } from '@/components/shell/menus';
import type { RecipientPage, RecipientRow } from '@/lib/server/recipients/list-recipients';
import { kindColumn, nameColumns } from './columns';
import { recipientSheetPath } from './paths';
import { Pager } from '@/components/shell/Pager';
import { SortableHeaderRow } from '@/components/shell/SortableHeaderRow';
import { useRowCursor } from '@/components/shell/use-row-cursor';

const columns: ColumnDef<RecipientRow>[] = [
  ...nameColumns<RecipientRow>(),
  kindColumn<RecipientRow>(),
  { accessorKey: 'primarySmtpAddress', header: 'E-mail Address', enableSorting: false, cell: ({ row }) => row.original.primarySmtpAddress ?? '' },
];


function toSorting(sort: string): SortingState {
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

/** `canChange`: the administrator's role allows changes on the site; without it, Delete asks nothing and does nothing. */
export function RecipientsTable({ page, selectedId, canChange }: { page: RecipientPage; selectedId?: number; canChange: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const { selected, setSelected, select, rowRef, rowRefs, moveByKey } = useRowCursor(page.rows, selectedId ?? page.rows[0]?.id);
  const [filter, setFilter] = useState(page.q);
  const [confirmDelete, setConfirmDelete] = useState<RecipientRow | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const pagedByKeyboard = useRef(false);

  // Keep the selection on a row of this page when the page changes.
  useEffect(() => {
    if (!page.rows.some((r) => r.id === selected)) setSelected(page.rows[0]?.id);
  }, [page.rows, selected]);

  // Another page, sort or filter starts at the top of the list, not where the last one was
  // scrolled to; after Page Down / Page Up the keyboard stays on the list (on its first row).
  // Not on page.rows: a refresh of the same page (after a delete) keeps its place.
  useEffect(() => {
    listRef.current?.scrollTo({ top: 0 });
    if (!pagedByKeyboard.current) return;
    pagedByKeyboard.current = false;
    const first = page.rows[0]?.id;
    if (first === undefined) return;
    setSelected(first);
    rowRefs.current.get(first)?.focus();
  }, [page.page, page.perPage, page.sort, page.q]);

  const navigate = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') params.delete(key);
        else params.set(key, String(value));
      }
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  // Type to filter; the URL (and so the server query) follows after a short pause.
  useEffect(() => {
    if (filter.trim() === page.q) return;
    const timer = setTimeout(() => navigate({ q: filter.trim(), page: undefined }), 300);
    return () => clearTimeout(timer);
  }, [filter, page.q, navigate]);

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
      if (first) navigate({ sort: `${first.desc ? '-' : ''}${first.id}`, page: undefined });
    },
  });

  const listQuery = searchParams.toString();
  const openProperties = useCallback(
    (id: number | undefined) => {
      if (id === undefined) return;
      router.push(recipientSheetPath(page.site, id, 'general', listQuery));
    },
    [router, page.site, listQuery],
  );
  const askDelete = useCallback(
    (id: number | undefined) => {
      // A View Only Admin is not offered Delete (the server would refuse it: 403).
      if (!canChange) return;
      const row = page.rows.find((r) => r.id === id);
      if (row) setConfirmDelete(row);
    },
    [page.rows, canChange],
  );

  // File → Properties / Delete and the toolbar act on this list's selection.
  useEffect(() => {
    const onProperties = () => openProperties(selected);
    const onDelete = () => askDelete(selected);
    window.addEventListener(SHELL_EVENTS.properties, onProperties);
    window.addEventListener(SHELL_EVENTS.delete, onDelete);
    return () => {
      window.removeEventListener(SHELL_EVENTS.properties, onProperties);
      window.removeEventListener(SHELL_EVENTS.delete, onDelete);
    };
  }, [selected, openProperties, askDelete]);

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const rows = page.rows;
    if (moveByKey(event, index)) return;
    switch (event.key) {
      case 'PageDown':
        if (page.page < page.pageCount) {
          event.preventDefault();
          pagedByKeyboard.current = true;
          navigate({ page: page.page + 1 });
        }
        break;
      case 'PageUp':
        if (page.page > 1) {
          event.preventDefault();
          pagedByKeyboard.current = true;
          navigate({ page: page.page - 1 });
        }
        break;
      case 'Enter':
        // Alt+Enter is the shell's Properties shortcut; it raises xadm:properties for the selection.
        if (event.altKey) break;
        event.preventDefault();
        openProperties(rows[index]?.id);
        break;
      case 'Delete':
        if (!canChange) break;
        event.preventDefault();
        askDelete(rows[index]?.id);
        break;
    }
  };

  const confirmAndDelete = async () => {
    if (!confirmDelete) return;
    setDeleting(true);
    const result = await deleteRecipientAction(confirmDelete.id);
    setDeleting(false);
    setConfirmDelete(null);
    if (!result.ok) setError(result.message);
    else {
      setError(null);
      startTransition(() => router.refresh());
    }
  };

  const first = (page.page - 1) * page.perPage + 1;
  const last = first + page.rows.length - 1;

  return (
    <div className="recipients-pane" aria-busy={pending}>
      <div className="list-toolbar">
        <label htmlFor="recipient-filter">Find:</label>
        <input
          id="recipient-filter"
          type="search"
          value={filter}
          placeholder="Display name, alias or e-mail address"
          maxLength={256}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              select(selected ?? page.rows[0]?.id);
            }
          }}
        />
        <span className="list-count" aria-live="polite">
          {page.total === 0 ? 'No recipients' : `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}`}
        </span>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="sunken-panel list-view" ref={listRef}>
        <table className="interactive" role="grid" aria-label={`Recipients of ${page.site}`} aria-rowcount={page.total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <SortableHeaderRow key={group.id} group={group} />
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, index) => {
              const id = row.original.id;
              const isSelected = id === selected;
              return (
                <tr
                  key={row.id}
                  ref={rowRef(id)}
                  className={isSelected ? 'highlighted' : undefined}
                  aria-selected={isSelected}
                  aria-rowindex={first + index + 1}
                  tabIndex={isSelected ? 0 : -1}
                  onClick={() => select(id)}
                  onDoubleClick={() => openProperties(id)}
                  onKeyDown={(event) => onRowKeyDown(event, index)}
                  data-recipient-id={id}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            {page.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty-list">
                  {page.q ? `No recipient matches “${page.q}”.` : 'There are no items to show in this view.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={page.page} pageCount={page.pageCount} perPage={page.perPage} onNavigate={navigate} />
      {confirmDelete && (
        <ConfirmDialog
          message={
            <>
              This object will be permanently deleted: <strong>{confirmDelete.displayName}</strong>.
              <br />
              Are you sure?
            </>
          }
          busy={deleting}
          defaultButton="no"
          onYes={confirmAndDelete}
          onNo={() => {
            setConfirmDelete(null);
            rowRefs.current.get(confirmDelete.id)?.focus();
          }}
        />
      )}
    </div>
  );
}
