'use client';
// A property sheet's list of entries (the Routing tab's Sent to / Route to, the MS Mail
// Connector's postoffices): click selects, double click or Enter edits, Delete removes, arrows,
// Home and End move the selection, as in a Windows list view.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useReadOnly } from '@/components/shell/ReadOnlyFields';

export type EntryListRow = { key: string; cells: ReactNode[]; className?: string };

type EntryListProps = {
  label: string;
  columns: { label: string; className?: string }[];
  rows: EntryListRow[];
  selected: string | undefined;
  onSelect: (key: string) => void;
  onEdit: (key: string) => void;
  onRemove: (key: string) => void;
  /** Greyed out (the Routing tab while rerouting is off): rows can still be read and selected. */
  disabled?: boolean;
  emptyText?: string;
  className?: string;
  /** The selected row takes the focus when the sheet opens (a deep link to an entry). */
  autoFocus?: boolean;
};

export function EntryList({ label, columns, rows, selected, onSelect, onEdit, onRemove, disabled, emptyText, className, autoFocus }: EntryListProps) {
  // In a read-only sheet (a View Only Admin) the rows can be read and selected, not edited or removed.
  const locked = useReadOnly() || disabled;
  const body = useRef<HTMLTableSectionElement>(null);
  const index = rows.findIndex((row) => row.key === selected);
  // With nothing selected yet, the first row takes the focus from Tab.
  const focusable = index >= 0 ? index : 0;

  const move = (to: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!row) return;
    onSelect(row.key);
    body.current?.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(row.key)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, key: string, at: number) => {
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && !locked) onEdit(key);
    else if (event.key === 'Delete' && !locked) onRemove(key);
    else return;
    event.preventDefault();
  };

  return (
    <div className={`sunken-panel list-view entry-list ${disabled ? 'entry-list-disabled' : ''} ${className ?? ''}`}>
      <table className="interactive" aria-label={label} aria-disabled={disabled || undefined}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.className}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, at) => {
            const isSelected = row.key === selected;
            return (
              <tr
                key={row.key}
                data-key={row.key}
                className={[isSelected ? 'highlighted' : '', row.className ?? ''].join(' ').trim() || undefined}
                aria-selected={isSelected}
                tabIndex={at === focusable ? 0 : -1}
                onClick={() => onSelect(row.key)}
                onFocus={() => onSelect(row.key)}
                onDoubleClick={() => !locked && onEdit(row.key)}
                onKeyDown={(event) => onKeyDown(event, row.key, at)}
                data-autofocus={(autoFocus && isSelected) || undefined}
              >
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && emptyText && <p className="list-empty">{emptyText}</p>}
    </div>
  );
}
