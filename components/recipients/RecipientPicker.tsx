'use client';
// The address book dialog behind Modify... (a list's members, the lists a recipient is on):
// search the directory on the left, the chosen recipients on the right, Add and Remove between.
import { useEffect, useId, useState } from 'react';
import { findRecipientsAction } from '@/app/actions/recipients';
import { ChoiceList } from '@/components/forms/ChoiceList';
import { Dialog, OkCancelButtons } from '@/components/shell/Dialog';
import type { RecipientRow } from '@/lib/server/recipients/list-recipients';
import type { RecipientRef } from '@/lib/server/recipients/select';
import type { RecipientKind } from '@/lib/validation/recipient';
import { RecipientIcon } from './RecipientIcon';

export function RecipientPicker({
  title,
  site,
  kind,
  chosenLabel,
  initial,
  exclude,
  single = false,
  onOk,
  onCancel,
}: {
  title: string;
  site: string;
  kind?: RecipientKind;
  chosenLabel: string;
  initial: RecipientRef[];
  exclude?: number;
  /** One recipient only (the IMS administrator's mailbox): Add replaces the one chosen. */
  single?: boolean;
  onOk: (chosen: RecipientRef[]) => void;
  onCancel: () => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<RecipientRow[]>([]);
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState(initial);
  const [pickedLeft, setPickedLeft] = useState<number>();
  const [pickedRight, setPickedRight] = useState<number>();
  const searchId = useId();

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await findRecipientsAction({ site, q: q.trim() || undefined, kind, perPage: 100, sort: 'displayName' });
      if (cancelled) return;
      if (result.ok) {
        setFound(result.data.filter((r) => r.id !== exclude));
        setError(undefined);
      } else setError(result.message);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q, site, kind, exclude]);

  const add = (id = pickedLeft) => {
    const row = found.find((r) => r.id === id);
    if (row && !chosen.some((c) => c.id === row.id)) {
      const ref = { id: row.id, kind: row.kind, directoryName: row.directoryName, displayName: row.displayName };
      setChosen(single ? [ref] : [...chosen, ref]);
    }
  };
  const remove = (id = pickedRight) => setChosen(chosen.filter((c) => c.id !== id));

  const list = (rows: { id: number; kind: RecipientKind; displayName: string }[], picked: number | undefined, pick: (id: number) => void, onActivate: (id: number) => void, label: string) => (
    <ChoiceList
      items={rows}
      keyOf={(r) => r.id}
      render={(r) => (
        <>
          <RecipientIcon kind={r.kind} /> {r.displayName}
        </>
      )}
      selected={picked}
      onSelect={(id) => pick(Number(id))}
      onActivate={(id) => {
        pick(Number(id));
        onActivate(Number(id));
      }}
      label={label}
      className="picker-list"
      emptyText={label === 'Address book' ? (q.trim() ? `No recipient matches “${q.trim()}”.` : 'The address book is empty.') : 'None.'}
    />
  );

  return (
    <Dialog
      title={title}
      onClose={onCancel}
      width={620}
      buttons={<OkCancelButtons onOk={() => onOk(chosen)} onCancel={onCancel} />}
    >
      <div className="field-row">
        <label htmlFor={searchId}>Type name or select from list:</label>
        <input id={searchId} type="search" value={q} maxLength={256} onChange={(e) => setQ(e.target.value)} data-autofocus />
      </div>
      <div className="picker">
        <div>
          <p className="picker-label">Address book</p>
          {list(found, pickedLeft, setPickedLeft, add, 'Address book')}
        </div>
        <div className="picker-buttons">
          <button type="button" onClick={() => add()} disabled={pickedLeft === undefined}>
            Add -&gt;
          </button>
          <button type="button" onClick={() => remove()} disabled={pickedRight === undefined}>
            &lt;- Remove
          </button>
        </div>
        <div>
          <p className="picker-label">{chosenLabel}</p>
          {list(chosen, pickedRight, setPickedRight, remove, chosenLabel)}
        </div>
      </div>
      <p className="dialog-error" role="alert">{error}</p>
    </Dialog>
  );
}
