'use client';
// A single-selection list box, as in Windows dialogs: Up/Down move the selection, Enter or a
// double click chooses it. Used by New E-mail Address and the address book picker.
import { useId, type ReactNode } from 'react';

type ChoiceListProps<T> = {
  items: T[];
  keyOf: (item: T) => string | number;
  render: (item: T) => ReactNode;
  selected: string | number | undefined;
  onSelect: (key: string | number) => void;
  onActivate: (key: string | number) => void;
  /** Accessible name: a label element's id, or a text label. */
  labelledBy?: string;
  label?: string;
  className?: string;
  autoFocus?: boolean;
  /** Shown in the box when there is nothing to choose. */
  emptyText?: string;
};

export function ChoiceList<T>({ items, keyOf, render, selected, onSelect, onActivate, labelledBy, label, className, autoFocus, emptyText }: ChoiceListProps<T>) {
  const idPrefix = useId();
  const optionId = (key: string | number) => `${idPrefix}-${key}`;
  const index = items.findIndex((item) => keyOf(item) === selected);
  return (
    <ul
      role="listbox"
      aria-labelledby={labelledBy}
      aria-label={label}
      aria-activedescendant={selected !== undefined && index >= 0 ? optionId(selected) : undefined}
      tabIndex={0}
      data-autofocus={autoFocus || undefined}
      className={`sunken-panel choice-list ${className ?? ''}`}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const next = items[Math.min(Math.max(index + (event.key === 'ArrowDown' ? 1 : -1), 0), items.length - 1)];
          if (next !== undefined) onSelect(keyOf(next));
        } else if (event.key === 'Enter' && selected !== undefined) {
          event.preventDefault();
          onActivate(selected);
        }
      }}
    >
      {items.map((item) => {
        const key = keyOf(item);
        return (
          <li
            key={key}
            id={optionId(key)}
            role="option"
            aria-selected={key === selected}
            className={key === selected ? 'highlighted' : undefined}
            onClick={() => onSelect(key)}
            onDoubleClick={() => onActivate(key)}
          >
            {render(item)}
          </li>
        );
      })}
      {items.length === 0 && emptyText && <li className="empty-list" aria-disabled="true">{emptyText}</li>}
    </ul>
  );
}
