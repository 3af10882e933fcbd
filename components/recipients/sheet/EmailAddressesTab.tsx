'use client';
// E-mail Addresses tab: Type / Address with the reply addresses marked; New, Edit, Remove and
// Set As Reply Address, following lib/core/proxy-set (the same rules the server enforces).
import { useRouter } from 'next/navigation';
import { useRef, useState, type KeyboardEvent } from 'react';
import { paths } from '@/components/shell/paths';
import { useReadOnly } from '@/components/shell/ReadOnlyFields';
import { isKnownAddressType } from '@/lib/core/addresses';
import { addProxy, canSetReplyAddress, editProxy, removeProxy, setReplyAddress, type ProxyEdit } from '@/lib/core/proxy-set';
import { AddressDialog, type AddressTypeChoice, NewAddressTypeDialog } from './AddressDialogs';
import { changesOf, draftOf, useRecipientSheet } from './RecipientSheet';

type Dialog =
  | { kind: 'choose-type' }
  | { kind: 'new'; type: AddressTypeChoice }
  | { kind: 'edit'; index: number };

export function EmailAddressesTab() {
  const { recipient, draft, update, fieldErrors } = useRecipientSheet();
  const proxies = draft.proxies;
  const [selected, setSelected] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string>();
  const listRef = useRef<HTMLTableSectionElement>(null);
  const current = proxies[selected];
  const router = useRouter();
  // A View Only Admin reads the addresses: Enter, Delete and double click do not edit them.
  const readOnly = useReadOnly();

  // Preview Routing leaves the sheet and previews the saved addresses, so held changes would be
  // lost and not previewed: it asks for Apply (or Cancel) first instead.
  const previewRouting = () => {
    if (changesOf(draftOf(recipient), draft, recipient.version)) {
      setMessage('Apply or cancel your changes first: Preview Routing shows the saved addresses and closes this sheet.');
      return;
    }
    router.push(paths.routingPreview(recipient.site, { recipient: recipient.id }));
  };

  const apply = (result: ProxyEdit, select?: number) => {
    if (!result.ok) {
      setMessage(result.message);
      return false;
    }
    setMessage(undefined);
    update({ proxies: result.proxies });
    if (select !== undefined) setSelected(select);
    return true;
  };

  const focusRow = (index: number) => {
    setSelected(index);
    listRef.current?.querySelectorAll<HTMLElement>('tr')[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(Math.min(index + 1, proxies.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(Math.max(index - 1, 0));
    } else if (readOnly) {
      // Nothing to edit.
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      setDialog({ kind: 'edit', index });
    } else if (event.key === 'Delete') {
      event.preventDefault();
      apply(removeProxy(proxies, index), Math.max(0, index - 1));
    }
  };

  const proxyErrors = Object.entries(fieldErrors).filter(([key]) => key.startsWith('proxyAddresses') || key === 'address');

  return (
    <div className="email-addresses-tab">
      <p>E-mail addresses:</p>
      <div className="sunken-panel list-view address-list">
        <table className="interactive" aria-label="E-mail addresses">
          <thead>
            <tr>
              <th className="col-type">Type</th>
              <th>Address</th>
            </tr>
          </thead>
          <tbody ref={listRef}>
            {proxies.map((proxy, index) => (
              <tr
                key={`${proxy.type}:${proxy.address}`}
                className={index === selected ? 'highlighted' : undefined}
                aria-selected={index === selected}
                tabIndex={index === selected ? 0 : -1}
                onClick={() => setSelected(index)}
                onDoubleClick={() => !readOnly && setDialog({ kind: 'edit', index })}
                onKeyDown={(event) => onKeyDown(event, index)}
                data-autofocus={index === selected || undefined}
              >
                <td className={proxy.primary ? 'reply-address' : undefined}>{proxy.primary ? proxy.type.toUpperCase() : proxy.type.toLowerCase()}</td>
                <td className={proxy.primary ? 'reply-address' : undefined}>
                  {proxy.address}
                  {proxy.primary && <span className="reply-marker"> (reply address)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => setDialog({ kind: 'choose-type' })}>
          New...
        </button>
        <button type="button" disabled={!current} onClick={() => setDialog({ kind: 'edit', index: selected })}>
          Edit...
        </button>
        <button type="button" disabled={!current} onClick={() => apply(removeProxy(proxies, selected), Math.max(0, selected - 1))}>
          Remove
        </button>
        <button type="button" disabled={!canSetReplyAddress(proxies, selected)} onClick={() => apply(setReplyAddress(proxies, selected))}>
          Set As Reply Address
        </button>
        <button type="button" onClick={previewRouting}>
          Preview Routing...
        </button>
      </div>
      <p className="hint">The reply address of each type (upper-case type) is used on outgoing mail; mail to any address is delivered.</p>
      <div className="inline-error" role="alert">
        {message ?? proxyErrors.map(([, text]) => text).join(' ')}
      </div>

      {dialog?.kind === 'choose-type' && (
        <NewAddressTypeDialog onCancel={() => setDialog(null)} onOk={(type) => setDialog({ kind: 'new', type })} />
      )}
      {dialog?.kind === 'new' && (
        <AddressDialog
          type={dialog.type}
          recipientId={recipient.id}
          check={(type, address) => {
            const result = addProxy(proxies, { type, address });
            return result.ok ? null : result.message;
          }}
          onCancel={() => setDialog(null)}
          onOk={(type, address) => {
            if (apply(addProxy(proxies, { type, address }), proxies.length)) setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'edit' && proxies[dialog.index] && (
        <AddressDialog
          type={isKnownAddressType(proxies[dialog.index].type) ? (proxies[dialog.index].type as AddressTypeChoice) : 'OTHER'}
          otherType={proxies[dialog.index].type}
          initial={proxies[dialog.index].address}
          recipientId={recipient.id}
          check={(_type, address) => {
            const result = editProxy(proxies, dialog.index, address);
            return result.ok ? null : result.message;
          }}
          onCancel={() => setDialog(null)}
          onOk={(_type, address) => {
            if (apply(editProxy(proxies, dialog.index, address))) setDialog(null);
          }}
        />
      )}
    </div>
  );
}
