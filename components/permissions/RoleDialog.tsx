'use client';
// Add... and Change Role... of the Permissions tab: an account (chosen from the administrators,
// or fixed when changing) and one of Exchange's three roles.
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import { ROLES, ROLE_LABELS, type Role } from '@/lib/core/auth/permissions';

type RoleDialogProps = {
  /** Where the role is granted, e.g. "REDMOND". */
  scopeName: string;
  /** Add: the accounts to choose from. Change: the account whose role changes. */
  account: { choose: string[] } | { fixed: string };
  role?: Role;
  busy: boolean;
  /** The server's answer to the last OK (e.g. "jdoe already has a role on REDMOND"). */
  error?: string;
  onOk: (choice: { username: string; role: Role }) => void;
  onCancel: () => void;
};

const ROLE_HINTS: Record<Role, string> = {
  'permissions-admin': 'Everything an Admin can do, and managing administrators and their roles.',
  admin: 'Change recipients and configuration.',
  'view-only': 'See everything, change nothing.',
};

export function RoleDialog({ scopeName, account, role: initialRole = 'view-only', busy, error, onOk, onCancel }: RoleDialogProps) {
  const id = useId();
  const choices = 'choose' in account ? account.choose : [account.fixed];
  const [username, setUsername] = useState('fixed' in account ? account.fixed : '');
  const [role, setRole] = useState<Role>(initialRole);
  const [problem, setProblem] = useState<string>();
  const adding = 'choose' in account;
  const form = useRef<HTMLFormElement>(null);

  // OK is disabled while the server answers, which drops the focus; a refusal puts it back on the
  // first field, so Escape, Tab and another try work from the keyboard.
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [error]);

  const submit = () => {
    if (busy) return;
    if (!username) return setProblem('Choose an account.');
    setProblem(undefined);
    onOk({ username, role });
  };

  return (
    <Dialog
      title={adding ? `Add Permissions on ${scopeName}` : `Change Role on ${scopeName}`}
      onClose={() => !busy && onCancel()}
      width={420}
      className="role-dialog"
      buttons={<OkCancelButtons onOk={submit} onCancel={onCancel} busy={busy} />}
    >
      <form
        ref={form}
        className="role-form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-account`}>{adding ? 'Windows NT account:' : 'Account:'}</label>
        {adding ? (
          <select
            id={`${id}-account`}
            size={Math.min(8, Math.max(4, choices.length))}
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit();
              }
            }}
            data-autofocus
          >
            {choices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <input id={`${id}-account`} type="text" value={username} readOnly aria-readonly />
        )}
        <label htmlFor={`${id}-role`}>Role:</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          aria-describedby={`${id}-role-hint`}
          data-autofocus={!adding || undefined}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        <p id={`${id}-role-hint`} className="hint">
          {ROLE_HINTS[role]}
        </p>
        <div className="inline-error" role="alert">
          {problem ?? error}
        </div>
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
