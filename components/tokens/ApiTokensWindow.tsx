'use client';
// Tools → API Tokens: an administrator's tokens for scripts (issue 5). New Token... shows the
// token once; Revoke (or Delete on a row) asks first, then the token stops working at once. A
// Permissions Admin of the organisation may choose another administrator.
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { createTokenAction, revokeTokenAction } from '@/app/actions/tokens';
import { EntryList } from '@/components/connections/EntryList';
import { ConfirmDialog } from '@/components/shell/ConfirmDialog';
import { paths } from '@/components/shell/paths';
import type { ApiTokenEntry } from '@/lib/server/tokens/select';
import type { ApiTokensData } from './load-api-tokens';
import { NewTokenDialog } from './NewTokenDialog';
import { TokenCreatedDialog } from './TokenCreatedDialog';
import './tokens.css';

/** 2026-11-21T10:30:05.123Z → 2026-11-21 10:30 UTC. */
const formatTime = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'Never');

type Open = null | { dialog: 'new' } | { dialog: 'created'; name: string; token: string } | { dialog: 'revoke'; entry: ApiTokenEntry };

export function ApiTokensWindow({ list, administrators }: ApiTokensData) {
  const router = useRouter();
  const id = useId();
  const [selectedId, setSelectedId] = useState<number | undefined>(list.tokens[0]?.id);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string>();
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [, startTransition] = useTransition();

  const selected = list.tokens.find((token) => token.id === selectedId);
  const revocable = (entry: ApiTokenEntry | undefined): entry is ApiTokenEntry => entry?.state === 'active';
  const openDialog = (next: Open) => {
    setDialogError(undefined);
    setError(undefined);
    setOpen(next);
  };
  const askRevoke = (key: string) => {
    const entry = list.tokens.find((token) => String(token.id) === key);
    if (revocable(entry)) openDialog({ dialog: 'revoke', entry });
  };

  const create = async (name: string) => {
    setBusy(true);
    const result = await createTokenAction({ name, username: list.username });
    setBusy(false);
    if (!result.ok) return setDialogError(result.message);
    setSelectedId(result.data.id);
    setNote(`The token ${result.data.name} was created.`);
    setOpen({ dialog: 'created', name: result.data.name, token: result.data.token });
    startTransition(() => router.refresh());
  };

  const revoke = async (entry: ApiTokenEntry) => {
    setBusy(true);
    const result = await revokeTokenAction(entry.id);
    setBusy(false);
    setOpen(null);
    if (!result.ok) return setError(result.message);
    setNote(`The token ${entry.name} is revoked: it no longer works.`);
    startTransition(() => router.refresh());
  };

  return (
    <div className="api-tokens-pane">
      {list.canManageOthers && administrators.length > 0 ? (
        <div className="api-tokens-owner">
          <label htmlFor={`${id}-owner`}>Administrator:</label>
          <select id={`${id}-owner`} value={list.username} onChange={(event) => startTransition(() => router.push(paths.apiTokens(event.target.value)))}>
            {administrators.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <EntryList
        label={`API tokens of ${list.username}`}
        className="api-tokens-list"
        columns={[{ label: 'Name' }, { label: 'Created' }, { label: 'Last used' }, { label: 'State' }]}
        rows={list.tokens.map((token) => ({
          key: String(token.id),
          className: token.state === 'revoked' ? 'token-revoked' : undefined,
          cells: [token.name, formatTime(token.createdAt), formatTime(token.lastUsedAt), token.state === 'revoked' ? `Revoked ${formatTime(token.revokedAt)}` : 'Active'],
        }))}
        selected={selected ? String(selected.id) : undefined}
        onSelect={(key) => setSelectedId(Number(key))}
        onEdit={() => {}}
        onRemove={askRevoke}
        emptyText={`${list.username} has no API tokens.`}
      />
      <div className="button-row">
        <button type="button" onClick={() => openDialog({ dialog: 'new' })} disabled={busy}>
          New Token...
        </button>
        <button type="button" disabled={busy || !revocable(selected)} onClick={() => selected && askRevoke(String(selected.id))}>
          Revoke
        </button>
      </div>
      <p className="hint">
        A token acts as {list.username}, with {list.username}&apos;s roles, on /api/v1: a script sends it as <code>Authorization: Bearer xadm_…</code>. Only a hash
        of it is stored, so it is shown once, when it is created.
      </p>
      <div className="inline-error" role="alert">
        {error}
      </div>
      <p className="note" aria-live="polite">
        {note}
      </p>
      {open?.dialog === 'new' && <NewTokenDialog username={list.username} busy={busy} error={dialogError} onOk={(name) => void create(name)} onCancel={() => setOpen(null)} />}
      {open?.dialog === 'created' && <TokenCreatedDialog name={open.name} username={list.username} token={open.token} onClose={() => setOpen(null)} />}
      {open?.dialog === 'revoke' && (
        <ConfirmDialog
          title="API Tokens"
          defaultButton="no"
          busy={busy}
          message={
            <p>
              Revoke the API token {open.entry.name} of {list.username}? Scripts that use it will be refused from now on.
            </p>
          }
          onYes={() => void revoke(open.entry)}
          onNo={() => setOpen(null)}
        />
      )}
    </div>
  );
}
