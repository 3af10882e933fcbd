'use client';
import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import { LIMITS } from '@/lib/validation/recipient';
import { useRecipientSheet } from './RecipientSheet';
import { TargetAddressDialog, TargetAddressRow } from './TargetAddressDialog';

/** General tab: the names (Exchange's limits), the directory name read-only after creation. */
export function GeneralTab() {
  const { recipient, draft, update, fieldErrors } = useRecipientSheet();
  const [editingTarget, setEditingTarget] = useState(false);
  const isPerson = recipient.kind !== 'dl';
  return (
    <div className="general-tab">
      {isPerson && (
        <div className="name-row">
          <Field label="First:" value={draft.firstName} maxLength={LIMITS.firstName} onChange={(firstName) => update({ firstName })} error={fieldErrors.firstName} data-autofocus />
          <Field label="Initials:" value={draft.initials} maxLength={LIMITS.initials} onChange={(initials) => update({ initials })} error={fieldErrors.initials} className="short" />
          <Field label="Last:" value={draft.lastName} maxLength={LIMITS.lastName} onChange={(lastName) => update({ lastName })} error={fieldErrors.lastName} />
        </div>
      )}
      <Field label="Display:" value={draft.displayName} maxLength={LIMITS.displayName} onChange={(displayName) => update({ displayName })} error={fieldErrors.displayName} {...(!isPerson ? { 'data-autofocus': true } : {})} />
      <Field label="Alias:" value={draft.alias} maxLength={LIMITS.alias} onChange={(alias) => update({ alias })} error={fieldErrors.alias} />
      <Field label="Directory name:" value={recipient.directoryName} onChange={() => {}} readOnly aria-readonly />
      {recipient.kind === 'custom' && (
        <TargetAddressRow value={draft.targetAddress} error={fieldErrors.targetAddress} onEdit={() => setEditingTarget(true)} />
      )}
      {editingTarget && (
        <TargetAddressDialog
          current={draft.targetAddress}
          recipientId={recipient.id}
          onCancel={() => setEditingTarget(false)}
          onOk={(targetAddress) => {
            update({ targetAddress });
            setEditingTarget(false);
          }}
        />
      )}
    </div>
  );
}
