'use client';
// One MS Mail postoffice the connector knows: a real one, connected directly, or an external
// postoffice definition indirect via the connector postoffice (Q156545).
import { useId, useState } from 'react';
import { Field } from '@/components/forms/Field';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import type { PostofficeDefinition } from '@/lib/core/routing/types';
import { checkPostofficeEntry } from '@/lib/core/routing/postoffices';

type PostofficeDialogProps = {
  entry?: PostofficeDefinition;
  /** The connector's own postoffice (NET/PO), as the Local Postoffice tab holds it now. */
  own: string;
  listed: PostofficeDefinition[];
  /** The index of the line being edited. */
  index?: number;
  onOk: (entry: PostofficeDefinition) => void;
  onCancel: () => void;
};

export function PostofficeDialog({ entry, own, listed, index, onOk, onCancel }: PostofficeDialogProps) {
  const [network, setNetwork] = useState(entry?.network ?? '');
  const [postoffice, setPostoffice] = useState(entry?.postoffice ?? '');
  const [indirect, setIndirect] = useState(entry?.connection === 'indirect');
  const [errors, setErrors] = useState<{ network?: string; postoffice?: string }>({});
  const name = useId();

  const submit = () => {
    const problem = checkPostofficeEntry({ network, postoffice }, own, listed, index);
    if (problem) return setErrors({ [problem.field]: problem.message });
    onOk({ network: network.trim().toUpperCase(), postoffice: postoffice.trim().toUpperCase(), connection: indirect ? 'indirect' : 'direct' });
  };

  return (
    <Dialog
      title="MS Mail Postoffice"
      onClose={onCancel}
      width={500}
      buttons={<OkCancelButtons onOk={submit} onCancel={onCancel} />}
    >
      <form
        className="postoffice-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="address-form">
          <Field label="Network:" value={network} maxLength={10} onChange={(v) => { setNetwork(v); setErrors({}); }} error={errors.network} spellCheck={false} autoComplete="off" data-autofocus />
          <Field label="Postoffice:" value={postoffice} maxLength={10} onChange={(v) => { setPostoffice(v); setErrors({}); }} error={errors.postoffice} spellCheck={false} autoComplete="off" />
        </div>
        <div className="field-row connection-choice">
          <input type="radio" id={`${name}-direct`} name={name} checked={!indirect} onChange={() => setIndirect(false)} />
          <label htmlFor={`${name}-direct`}>MS Mail postoffice connected directly</label>
        </div>
        <div className="field-row">
          <input type="radio" id={`${name}-indirect`} name={name} checked={indirect} onChange={() => setIndirect(true)} />
          <label htmlFor={`${name}-indirect`}>External postoffice, indirect via the connector postoffice (Q156545)</label>
        </div>
        <p className="hint">
          An external postoffice lets MS Mail users write to a second MS address (NETWORK/POSTOFFICE/MAILBOX) that an Exchange recipient holds as a secondary address; Exchange users sending to it get a non-delivery report.
        </p>
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
