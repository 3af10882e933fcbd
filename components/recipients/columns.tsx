'use client';
// Columns the Recipients list and Find Recipients show alike, as Exchange Administrator's lists did.
import type { ColumnDef } from '@tanstack/react-table';
import { KIND_LABELS, type RecipientKind } from '@/lib/validation/recipient';
import { RecipientIcon } from './RecipientIcon';

type Listed = { displayName: string; alias: string; kind: RecipientKind };

/** Display Name (with the recipient's icon), Alias Name; `kindColumn` is the Type. */
export function nameColumns<T extends Listed>(): ColumnDef<T>[] {
  return [
    // accessorKey (not just id) makes a column sortable in TanStack Table; the server does the sorting.
    {
      accessorKey: 'displayName',
      header: 'Display Name',
      cell: ({ row }) => (
        <span className="name-cell">
          <RecipientIcon kind={row.original.kind} />
          {row.original.displayName}
        </span>
      ),
    },
    { accessorKey: 'alias', header: 'Alias Name' },
  ];
}

export function kindColumn<T extends Listed>(): ColumnDef<T> {
  return { accessorKey: 'kind', header: 'Type', cell: ({ row }) => KIND_LABELS[row.original.kind] };
}
