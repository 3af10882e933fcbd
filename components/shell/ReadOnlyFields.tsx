'use client';
// A property sheet's panel for an administrator whose role cannot change the object (a View Only
// Admin): a note naming the role, and every control of the tabs disabled. Lists that are not form
// controls (EntryList, the Site Addressing rules) read `useReadOnly()` and stop offering edits.
import { createContext, useContext, type ReactNode } from 'react';

const ReadOnly = createContext(false);

/** True inside a read-only sheet: no editing by double click, Enter or Delete. */
export function useReadOnly(): boolean {
  return useContext(ReadOnly);
}

/** `reason`: why the sheet is read-only; without one, the children as they are. */
export function ReadOnlyFields({ reason, children }: { reason?: string; children: ReactNode }) {
  if (!reason) return children;
  return (
    <ReadOnly.Provider value={true}>
      <p className="sheet-read-only" role="note">
        {reason}
      </p>
      {/* Every control of the tabs is disabled; lists can still be read with the keyboard. */}
      <fieldset disabled className="sheet-read-only-fields">
        {children}
      </fieldset>
    </ReadOnly.Provider>
  );
}
