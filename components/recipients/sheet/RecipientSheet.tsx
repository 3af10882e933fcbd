'use client';
// A recipient's property sheet. Each tab has its own URL (a child page of this sheet's layout);
// the layout keeps this component mounted across tab switches, so every change is held here
// until Apply or OK saves it in one transaction, and Cancel discards it.
import { useRouter, useSearchParams, useSelectedLayoutSegment } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from 'react';
import { getRecipientAction, updateRecipientAction } from '@/app/actions/recipients';
import { type RecipientTab, recipientSheetPath, recipientsListPath } from '@/components/recipients/paths';
import { ChangedElsewhereDialog } from '@/components/shell/ChangedElsewhereDialog';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { ReadOnlyFields } from '@/components/shell/ReadOnlyFields';
import { type AttributeChange, changedAttributes } from '@/lib/core/changed-elsewhere';
import type { ProxyEntry } from '@/lib/core/proxy-set';
import { recipientAttributes } from '@/lib/core/sheet-attributes';
import type { RecipientDetail, RecipientRef } from '@/lib/server/recipients/select';
import { type UpdateRecipientInput, updateRecipientSchema } from '@/lib/validation/recipient';

export type Draft = {
  firstName: string;
  initials: string;
  lastName: string;
  displayName: string;
  alias: string;
  targetAddress: string | null;
  proxies: ProxyEntry[];
  members: RecipientRef[];
  memberOf: RecipientRef[];
};

type SheetContext = {
  recipient: RecipientDetail;
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  fieldErrors: Record<string, string>;
};

const Context = createContext<SheetContext | null>(null);

export function useRecipientSheet(): SheetContext {
  const context = useContext(Context);
  if (!context) throw new Error('useRecipientSheet outside a RecipientSheet');
  return context;
}

export function draftOf(recipient: RecipientDetail): Draft {
  return {
    firstName: recipient.firstName,
    initials: recipient.initials,
    lastName: recipient.lastName,
    displayName: recipient.displayName,
    alias: recipient.alias,
    targetAddress: recipient.targetAddress,
    proxies: recipient.proxyAddresses.map(({ id, type, address, primary }) => ({ id, type, address, primary })),
    members: recipient.members,
    memberOf: recipient.memberOf,
  };
}

const ids = (refs: RecipientRef[]) => refs.map((r) => r.id).sort((a, b) => a - b);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the admin changed, so a save never overwrites fields it did not touch. */
export function changesOf(saved: Draft, draft: Draft, version: number): UpdateRecipientInput | null {
  const patch: UpdateRecipientInput = {};
  for (const field of ['firstName', 'initials', 'lastName', 'displayName', 'alias'] as const) {
    if (draft[field] !== saved[field]) patch[field] = draft[field];
  }
  if (draft.targetAddress !== saved.targetAddress && draft.targetAddress !== null) patch.targetAddress = draft.targetAddress;
  if (!same(draft.proxies, saved.proxies)) patch.proxyAddresses = draft.proxies.map(({ type, address, primary }) => ({ type, address, primary }));
  if (!same(ids(draft.members), ids(saved.members))) patch.members = ids(draft.members);
  if (!same(ids(draft.memberOf), ids(saved.memberOf))) patch.memberOf = ids(draft.memberOf);
  return Object.keys(patch).length ? { ...patch, version } : null;
}

export function tabsFor(recipient: RecipientDetail): { id: RecipientTab; label: string }[] {
  return [
    { id: 'general', label: 'General' },
    ...(recipient.kind === 'dl' ? [{ id: 'members' as const, label: 'Members' }] : []),
    { id: 'email-addresses', label: 'E-mail Addresses' },
    { id: 'distribution-lists', label: 'Distribution Lists' },
  ];
}

type ChangedElsewhere = { current: RecipientDetail; changes: AttributeChange[]; thenClose: boolean };

/** `readOnly`: why the administrator cannot change this recipient (their role); the sheet then shows it read-only. */
export function RecipientSheet({ recipient, readOnly, children }: { recipient: RecipientDetail; readOnly?: string; children: ReactNode }) {
  const router = useRouter();
  const list = useSearchParams().get('list') ?? '';
  const segment = useSelectedLayoutSegment() ?? 'general';
  const [saved, setSaved] = useState(() => draftOf(recipient));
  const [version, setVersion] = useState(recipient.version);
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState<ChangedElsewhere | null>(null);
  const [, startTransition] = useTransition();

  const update = useCallback((change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setFieldErrors({});
    setError(undefined);
  }, []);

  const patch = changesOf(saved, draft, version);
  const tabs = tabsFor(recipient).map((tab) => ({ ...tab, href: recipientSheetPath(recipient.site, recipient.id, tab.id, list) }));
  const close = () => router.push(recipientsListPath(recipient.site, list, recipient.id));

  const accept = (stored: RecipientDetail) => {
    const fresh = draftOf(stored);
    setSaved(fresh);
    setDraft(fresh);
    setVersion(stored.version);
    setError(undefined);
    setFieldErrors({});
  };

  /**
   * Someone else saved the recipient after this sheet opened it (409 with the current version):
   * load what is stored now and show what differs; nothing is saved until Overwrite.
   */
  const showChangedElsewhere = async (thenClose: boolean) => {
    const current = await getRecipientAction(recipient.id);
    if (!current.ok) {
      setError(current.message);
      return;
    }
    const changes = changedAttributes(recipientAttributes(saved), recipientAttributes(draftOf(current.data)), recipientAttributes(draft));
    setChangedElsewhere({ current: current.data, changes, thenClose });
  };

  /** Sends a patch; OK closes the sheet once it is saved. */
  const send = async (input: UpdateRecipientInput, thenClose: boolean) => {
    setBusy(true);
    const result = await updateRecipientAction(recipient.id, input);
    if (!result.ok && result.code === 'conflict' && result.fields?.version !== undefined) {
      await showChangedElsewhere(thenClose);
      setBusy(false);
      return;
    }
    setBusy(false);
    setChangedElsewhere(null);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    accept(result.data);
    if (thenClose) close();
    else startTransition(() => router.refresh());
  };

  const apply = (thenClose: boolean, changes = patch) => {
    if (!changes) return thenClose ? close() : undefined;
    const parsed = updateRecipientSchema.safeParse(changes);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
      setFieldErrors(fields);
      setError(parsed.error.issues[0]?.message);
      return;
    }
    void send(parsed.data, thenClose);
  };

  /** Reload: the admin's changes are dropped and the sheet shows what is stored now. */
  const reload = (current: RecipientDetail) => {
    setChangedElsewhere(null);
    accept(current);
    startTransition(() => router.refresh());
  };

  /** Overwrite: the same changes again, now against the current version (fields not changed here keep theirs). */
  const overwrite = ({ current, thenClose }: ChangedElsewhere) => apply(thenClose, changesOf(saved, draft, current.version));

  const value = useMemo(() => ({ recipient, draft, update, fieldErrors }), [recipient, draft, update, fieldErrors]);

  return (
    <Context.Provider value={value}>
      <PropertySheet
        title={saved.displayName || recipient.directoryName}
        tabs={tabs}
        activeTab={tabs.some((t) => t.id === segment) ? segment : 'general'}
        busy={busy}
        error={error}
        applyDisabled={!patch || !!readOnly}
        onApply={() => apply(false)}
        onOk={() => (readOnly ? close() : apply(true))}
        onCancel={close}
      >
        <ReadOnlyFields reason={readOnly}>{children}</ReadOnlyFields>
      </PropertySheet>
      {changedElsewhere && (
        <ChangedElsewhereDialog
          objectName={saved.displayName || recipient.directoryName}
          changes={changedElsewhere.changes}
          busy={busy}
          onReload={() => reload(changedElsewhere.current)}
          onOverwrite={() => overwrite(changedElsewhere)}
          onCancel={() => {
            setChangedElsewhere(null);
            setError('Nothing was saved: this recipient was changed by someone else after you opened it.');
          }}
        />
      )}
    </Context.Provider>
  );
}
