'use client';
// The selected row of a list pane and its keyboard moves, as Exchange Administrator's lists:
// ↑/↓ move, Home/End go to the first/last row, and with `pageRows` Page Up/Down move that many.
// Shared by the Recipients list, the Audit Log and Find Recipients.
import { type KeyboardEvent, useCallback, useRef, useState } from 'react';

export function useRowCursor<T extends { id: number }>(rows: readonly T[], initial: number | undefined) {
  const [selected, setSelected] = useState<number | undefined>(initial);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());

  /** Selects the row and, unless `focus` is false, moves the keyboard to it. */
  const select = useCallback((id: number | undefined, focus = true) => {
    if (id === undefined) return;
    setSelected(id);
    if (focus) rowRefs.current.get(id)?.focus();
  }, []);

  /** The `ref` of the row showing `id`. */
  const rowRef = (id: number) => (el: HTMLTableRowElement | null) => {
    if (el) rowRefs.current.set(id, el);
    else rowRefs.current.delete(id);
  };

  /** Moves for the keys above; true when the key was one of them (its default is prevented). */
  const moveByKey = (event: KeyboardEvent, index: number, { pageRows }: { pageRows?: number } = {}): boolean => {
    const last = rows.length - 1;
    const targets: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last };
    if (pageRows) Object.assign(targets, { PageDown: index + pageRows, PageUp: index - pageRows });
    if (!(event.key in targets)) return false;
    event.preventDefault();
    select(rows[Math.max(0, Math.min(targets[event.key], last))]?.id);
    return true;
  };

  return { selected, setSelected, select, rowRef, rowRefs, moveByKey };
}
