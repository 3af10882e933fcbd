'use client';
// The organisation's or a site's property sheet with its Permissions tab (Exchange 5.5): "Windows
// NT accounts with permissions" and their roles. Add..., Change Role... and Remove take effect at
// once (each is one audited change), so OK and Cancel only close the sheet. Only a Permissions
// Admin sees the buttons; the server refuses the others anyway.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changeRoleAction, grantRoleAction, revokeRoleAction } from '@/app/actions/permissions';
import { EntryList } from '@/components/connections/EntryList';
import { ConfirmDialog } from '@/components/shell/ConfirmDialog';
import { PropertySheet } from '@/components/shell/PropertySheet';
import { ROLE_LABELS, type Role } from '@/lib/core/auth/permissions';
import type { PermissionEntry, PermissionList } from '@/lib/server/permissions/list-permissions';
import { RoleDialog } from './RoleDialog';
import './permissions.css';

type PermissionsSheetProps = {
  list: PermissionList;
  /** The accounts Add... offers (empty unless the administrator may manage). */
  administrators: string[];
  /** Where OK and Cancel go: the container under the sheet. */
  closeHref: string;
  tabHref: string;
};

type Open = null | { dialog: 'add' } | { dialog: 'change'; entry: PermissionEntry } | { dialog: 'remove'; entry: PermissionEntry };

export function PermissionsSheet({ list, administrators, closeHref, tabHref }: PermissionsSheetProps) {
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<number | undefined>(list.entries[0]?.id);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [, startTransition] = useTransition();

  const selected = list.entries.find((entry) => entry.id === selectedId);
  const editable = (entry: PermissionEntry | undefined): entry is PermissionEntry => !!entry && list.canManage && !entry.inherited;
  const close = () => router.push(closeHref);
  const where = list.site === null ? `the organization ${list.name}` : `site ${list.name}`;

  const openDialog = (next: Open) => {
    setDialogError(undefined);
    setError(undefined);
    setOpen(next);
  };

  /** Runs one change; on success closes the dialog, notes it and reloads the list. */
  const run = async (work: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string, select?: (id: number | undefined) => void) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      if (open?.dialog === 'remove') {
        setOpen(null);
        setError(result.message);
      } else setDialogError(result.message);
      return;
    }
    setOpen(null);
    setNote(done);
    select?.(undefined);
    startTransition(() => router.refresh());
  };

  const add = (choice: { username: string; role: Role }) =>
    void run(async () => {
      const result = await grantRoleAction({ ...choice, site: list.site });
      if (result.ok) setSelectedId(result.data.id);
      return result;
    }, `${choice.username} now has the ${ROLE_LABELS[choice.role]} role on ${list.name}.`);

  const change = (entry: PermissionEntry, role: Role) =>
    void run(() => changeRoleAction(entry.id, { role }), `${entry.username} now has the ${ROLE_LABELS[role]} role on ${list.name}.`);

  const remove = (entry: PermissionEntry) =>
    void run(async () => {
      const result = await revokeRoleAction(entry.id);
      if (result.ok) {
        const rest = list.entries.filter((e) => e.id !== entry.id);
        setSelectedId(rest[Math.min(list.entries.indexOf(entry), rest.length - 1)]?.id);
      }
      return result;
    }, `${entry.username} no longer has a role on ${list.name}.`);

  return (
    <>
      <PropertySheet
        title={list.name}
        tabs={[{ id: 'permissions', label: 'Permissions', href: tabHref }]}
        activeTab="permissions"
        busy={busy}
        error={error}
        applyDisabled
        onApply={() => {}}
        onOk={close}
        onCancel={close}
      >
        <div className="permissions-tab">
          <p className="permissions-label">Windows NT accounts with permissions:</p>
          <EntryList
            label="Windows NT accounts with permissions"
            className="permissions-list"
            columns={[{ label: 'Account' }, { label: 'Role' }, { label: 'Granted on' }]}
            rows={list.entries.map((entry) => ({
              key: String(entry.id),
              className: entry.inherited ? 'disabled-text' : undefined,
              cells: [entry.username, entry.roleLabel, entry.inherited ? `${entry.grantedOn} (inherited)` : entry.grantedOn],
            }))}
            selected={selected ? String(selected.id) : undefined}
            onSelect={(key) => setSelectedId(Number(key))}
            onEdit={(key) => {
              const entry = list.entries.find((e) => String(e.id) === key);
              if (editable(entry)) openDialog({ dialog: 'change', entry });
            }}
            onRemove={(key) => {
              const entry = list.entries.find((e) => String(e.id) === key);
              if (editable(entry)) openDialog({ dialog: 'remove', entry });
            }}
            emptyText={`Nobody has a role on ${list.name}.`}
          />
          {list.canManage ? (
            <div className="button-row">
              <button type="button" onClick={() => openDialog({ dialog: 'add' })} disabled={busy}>
                Add...
              </button>
              <button type="button" disabled={busy || !editable(selected)} onClick={() => editable(selected) && openDialog({ dialog: 'change', entry: selected })}>
                Change Role...
              </button>
              <button type="button" disabled={busy || !editable(selected)} onClick={() => editable(selected) && openDialog({ dialog: 'remove', entry: selected })}>
                Remove
              </button>
            </div>
          ) : null}
          <p className="hint">
            {list.canManage
              ? list.site === null
                ? 'Roles granted on the organization apply to every site. Changes take effect at once.'
                : `Inherited roles are granted on the organization and apply to every site; change them on the organization's Permissions tab. Changes take effect at once.`
              : `You can see who has which role on ${where}. Only a Permissions Admin of ${where} can change them.`}
          </p>
          <p className="note" aria-live="polite">
            {note}
          </p>
        </div>
      </PropertySheet>
      {open?.dialog === 'add' && (
        <RoleDialog scopeName={list.name} account={{ choose: administrators }} busy={busy} error={dialogError} onOk={add} onCancel={() => setOpen(null)} />
      )}
      {open?.dialog === 'change' && (
        <RoleDialog
          scopeName={list.name}
          account={{ fixed: open.entry.username }}
          role={open.entry.role}
          busy={busy}
          error={dialogError}
          onOk={({ role }) => change(open.entry, role)}
          onCancel={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'remove' && (
        <ConfirmDialog
          title={`${list.name} Properties`}
          defaultButton="no"
          busy={busy}
          message={<p>Remove the {open.entry.roleLabel} role of {open.entry.username} on {list.name}?</p>}
          onYes={() => remove(open.entry)}
          onNo={() => setOpen(null)}
        />
      )}
    </>
  );
}
