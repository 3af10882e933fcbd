'use client';
// A custom recipient's "E-mail..." button: choose the type, then the address (the target that
// mail to this recipient is forwarded to). Also used by New Custom Recipient.
import { useState } from 'react';
import { isKnownAddressType, parseWrittenAddress } from '@/lib/core/addresses';
import { AddressDialog, type AddressTypeChoice, NewAddressTypeDialog } from './AddressDialogs';

export function TargetAddressDialog({
  current,
  recipientId,
  onOk,
  onCancel,
}: {
  current: string | null;
  recipientId: number | null;
  onOk: (written: string) => void;
  onCancel: () => void;
}) {
  const parsed = current ? parseWrittenAddress(current) : null;
  const [type, setType] = useState<AddressTypeChoice | null>(
    parsed ? (isKnownAddressType(parsed.type) ? parsed.type : 'OTHER') : null,
  );
  if (type === null) return <NewAddressTypeDialog onCancel={onCancel} onOk={setType} />;
  return (
    <AddressDialog
      type={type}
      otherType={parsed?.type}
      initial={parsed && (type === parsed.type || type === 'OTHER') ? parsed.address : ''}
      recipientId={recipientId}
      onCancel={onCancel}
      onOk={(finalType, address) => onOk(`${finalType}:${address}`)}
    />
  );
}

/** The General tab's "E-mail address:" line of a custom recipient, with its E-mail... button. */
export function TargetAddressRow({ value, error, onEdit }: { value: string | null; error?: string; onEdit: () => void }) {
  return (
    <div className="field-row field target-row">
      <span className="label">E-mail address:</span>
      <output className="target-address">{value ?? '(none)'}</output>
      <button type="button" onClick={onEdit}>
        E-mail...
      </button>
      <span className="field-error" aria-live="polite">
        {error}
      </span>
    </div>
  );
}
