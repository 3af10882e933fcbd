'use client';
// The pager under a server-paged list (Recipients, Audit Log): First / Previous / Page n of m /
// Next / Last and the page size. `onNavigate` gets the URL change: `page: undefined` is page 1,
// and a new page size starts again from page 1.
import { useId } from 'react';

export const PAGE_SIZES = [25, 50, 100, 200];

export type PagerProps = {
  page: number;
  pageCount: number;
  perPage: number;
  onNavigate: (change: { page?: number; perPage?: string }) => void;
};

export function Pager({ page, pageCount, perPage, onNavigate }: PagerProps) {
  const id = useId();
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => onNavigate({ page: undefined })} disabled={page <= 1}>
        |◀ First
      </button>
      <button type="button" onClick={() => onNavigate({ page: page - 1 })} disabled={page <= 1}>
        ◀ Previous
      </button>
      <span>
        Page {page} of {pageCount}
      </span>
      <button type="button" onClick={() => onNavigate({ page: page + 1 })} disabled={page >= pageCount}>
        Next ▶
      </button>
      <button type="button" onClick={() => onNavigate({ page: pageCount })} disabled={page >= pageCount}>
        Last ▶|
      </button>
      {/* In its own span: 98.css greys a label that follows a disabled button. */}
      <span className="pager-size">
        <label htmlFor={`${id}-per-page`}>Per page:</label>
        <select id={`${id}-per-page`} value={perPage} onChange={(event) => onNavigate({ perPage: event.target.value, page: undefined })}>
          {PAGE_SIZES.map((size) => (
            <option key={size}>{size}</option>
          ))}
        </select>
      </span>
    </nav>
  );
}
