'use client';
import { useRouter } from 'next/navigation';
import { useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from './icons';

export type ContainerListRow = { id: string; href: string; icon: IconName; cells: string[] };

export type ContainerListProps = {
  /** Accessible name of the list, e.g. "Contents of REDMOND". */
  label: string;
  columns: string[];
  rows: ContainerListRow[];
  /** The row selected at first (the object whose property sheet is open); else the first row. */
  initialSelectedId?: string;
};

export const EMPTY_VIEW_TEXT = 'There are no items to show in this view.';

/**
 * The right pane's list view for containers: click selects, Enter or a double click opens,
 * arrows move the selection. (Recipient lists have their own table.)
 */
export function ContainerList({ label, columns, rows, initialSelectedId }: ContainerListProps) {
  const router = useRouter();
  const [selectedId, setSelectedId] = useState(initialSelectedId ?? rows[0]?.id);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = rows.findIndex((row) => row.id === selectedId);
    const select = (to: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
      setSelectedId(row.id);
      event.currentTarget.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(row.id)}"]`)?.focus();
    };
    if (event.key === 'ArrowDown') select(index + 1);
    else if (event.key === 'ArrowUp') select(index - 1);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(rows.length - 1);
    else if (event.key === 'Enter' && rows[index]) router.push(rows[index].href);
    else return;
    event.preventDefault();
  };

  return (
    <div className="sunken-panel list-view">
      <table role="grid" aria-label={label} aria-readonly="true">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                onClick={() => setSelectedId(row.id)}
                onFocus={() => setSelectedId(row.id)}
                onDoubleClick={() => router.push(row.href)}
              >
                {row.cells.map((cell, index) => (
                  <td key={index}>
                    {index === 0 ? (
                      <span className="list-name">
                        <Icon name={row.icon} />
                        <span className="list-text">{cell}</span>
                      </span>
                    ) : (
                      cell
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="list-empty">{EMPTY_VIEW_TEXT}</p>}
    </div>
  );
}
