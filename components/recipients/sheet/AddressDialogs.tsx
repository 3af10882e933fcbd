'use client';
// The E-mail Addresses tab's dialogs: New E-mail Address (choose a type) and the address's
// Properties (one form per type, as in Exchange Administrator). OK checks the format, then the
// tab's own rules, then asks the server whether another recipient already holds the address.
import { useId, useState } from 'react';
import { checkAddressFreeAction } from '@/app/actions/recipients';
import { ChoiceList } from '@/components/forms/ChoiceList';
import { Field } from '@/components/forms/Field';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import { ADDRESS_TYPE_LABELS, KNOWN_ADDRESS_TYPES, checkAddress, normalizeAddressType } from '@/lib/core/addresses';

export type AddressTypeChoice = (typeof KNOWN_ADDRESS_TYPES)[number] | 'OTHER';

const TYPE_CHOICES: { value: AddressTypeChoice; label: string }[] = [
  ...KNOWN_ADDRESS_TYPES.map((value) => ({ value, label: ADDRESS_TYPE_LABELS[value] })),
  { value: 'OTHER', label: 'Other Address' },
];

export function NewAddressTypeDialog({ onOk, onCancel }: { onOk: (type: AddressTypeChoice) => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<AddressTypeChoice>('SMTP');
  const labelId = useId();
  return (
    <Dialog
      title="New E-mail Address"
      onClose={onCancel}
      width={340}
      buttons={<OkCancelButtons onOk={() => onOk(choice)} onCancel={onCancel} />}
    >
      <p id={labelId}>Select an address type:</p>
      <ChoiceList
        items={TYPE_CHOICES}
        keyOf={(c) => c.value}
        render={(c) => c.label}
        selected={choice}
        onSelect={(key) => setChoice(key as AddressTypeChoice)}
        onActivate={(key) => onOk(key as AddressTypeChoice)}
        labelledBy={labelId}
        autoFocus
      />
    </Dialog>
  );
}

/** Splits a stored address into the form's fields, and joins them back. */
function fieldsOf(type: AddressTypeChoice, address: string): string[] {
  switch (type) {
    case 'MS': {
      const parts = address.split('/');
      return [parts[0] ?? '', parts[1] ?? '', parts.slice(2).join('/')];
    }
    case 'CCMAIL': {
      const at = address.lastIndexOf(' at ');
      return at < 0 ? [address, ''] : [address.slice(0, at), address.slice(at + 4)];
    }
    default:
      return [address];
  }
}

function addressOf(type: AddressTypeChoice, fields: string[]): string {
  switch (type) {
    case 'MS':
      return fields.map((f) => f.trim()).join('/');
    case 'CCMAIL':
      return `${fields[0].trim()} at ${fields[1].trim()}`;
    default:
      return fields[0];
  }
}

const TITLES: Record<AddressTypeChoice, string> = {
  SMTP: 'Internet Address Properties',
  MS: 'Microsoft Mail Address Properties',
  X400: 'X.400 Address Properties',
  CCMAIL: 'cc:Mail Address Properties',
  OTHER: 'Other Address Properties',
};

export type AddressDialogProps = {
  /** A known type, or OTHER (the admin types the type name). */
  type: AddressTypeChoice;
  /** The type name of an existing Other address being edited. */
  otherType?: string;
  initial?: string;
  /** The recipient whose addresses these are (null while it is being created). */
  recipientId: number | null;
  /** The tab's own rules (e.g. a duplicate on this recipient); a message refuses the address. */
  check?: (type: string, address: string) => string | null;
  onOk: (type: string, address: string) => void;
  onCancel: () => void;
};

export function AddressDialog({ type, otherType, initial = '', recipientId, check, onOk, onCancel }: AddressDialogProps) {
  const [fields, setFields] = useState(() => fieldsOf(type, initial));
  const [typeName, setTypeName] = useState(otherType ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const setField = (i: number) => (value: string) => {
    setFields((current) => current.map((f, j) => (j === i ? value : f)));
    setError(undefined);
  };

  const submit = async () => {
    const finalType = type === 'OTHER' ? normalizeAddressType(typeName) : type;
    const address = addressOf(type, fields);
    const format = checkAddress(finalType, address);
    if (!format.ok) return setError(format.message);
    const local = check?.(finalType, address);
    if (local) return setError(local);
    setBusy(true);
    const free = await checkAddressFreeAction(recipientId, finalType, address);
    setBusy(false);
    if (!free.ok) return setError(free.message);
    onOk(finalType, address);
  };

  const editing = initial !== '';
  return (
    <Dialog
      title={TITLES[type]}
      onClose={() => !busy && onCancel()}
      width={460}
      buttons={<OkCancelButtons onOk={() => void submit()} onCancel={onCancel} busy={busy} />}
    >
      <form
        className="address-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {type === 'SMTP' && <Field label="E-mail address:" value={fields[0]} onChange={setField(0)} maxLength={320} data-autofocus placeholder="name@domain.com" />}
        {type === 'MS' && (
          <>
            <Field label="Network name:" value={fields[0]} onChange={setField(0)} maxLength={10} data-autofocus />
            <Field label="Postoffice name:" value={fields[1]} onChange={setField(1)} maxLength={10} />
            <Field label="Mailbox name:" value={fields[2]} onChange={setField(2)} maxLength={10} />
          </>
        )}
        {type === 'X400' && (
          <Field label="X.400 address:" value={fields[0]} onChange={setField(0)} maxLength={512} data-autofocus placeholder="c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;" />
        )}
        {type === 'CCMAIL' && (
          <>
            <Field label="Mailbox name:" value={fields[0]} onChange={setField(0)} maxLength={126} data-autofocus placeholder="Clark, Mark" />
            <Field label="Post office name:" value={fields[1]} onChange={setField(1)} maxLength={32} />
          </>
        )}
        {type === 'OTHER' && (
          <>
            <Field label="E-mail type:" value={typeName} onChange={(v) => { setTypeName(v); setError(undefined); }} maxLength={16} readOnly={editing} data-autofocus={!editing || undefined} placeholder="NOTES" />
            <Field label="E-mail address:" value={fields[0]} onChange={setField(0)} maxLength={1024} data-autofocus={editing || undefined} />
          </>
        )}
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
      <p className="dialog-error" role="alert">
        {error}
      </p>
    </Dialog>
  );
}
