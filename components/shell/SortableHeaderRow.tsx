'use client';
// The column headers of a server-sorted TanStack table (Recipients, Audit Log): a header button
// that sorts by its column (▲ / ▼), aria-sort for screen readers, plain text where a column does
// not sort.
import { type HeaderGroup, flexRender } from '@tanstack/react-table';

export function SortableHeaderRow<T>({ group }: { group: HeaderGroup<T> }) {
  return (
    <tr>
      {group.headers.map((header) => {
        const direction = header.column.getIsSorted();
        const label = flexRender(header.column.columnDef.header, header.getContext());
        return (
          <th key={header.id} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={`col-${header.column.id}`}>
            {header.column.getCanSort() ? (
              <button type="button" className="column-header" onClick={header.column.getToggleSortingHandler()}>
                {label}
                <span className="sort-indicator" aria-hidden="true">
                  {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                </span>
              </button>
            ) : (
              <span className="column-header">{label}</span>
            )}
          </th>
        );
      })}
    </tr>
  );
}
