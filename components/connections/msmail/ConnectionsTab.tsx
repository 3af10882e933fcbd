'use client';
// Connections: the MS Mail postoffices the connector serves. `?postoffice=NET/PO` selects a
// line, so Routing Health and the routing preview can point at the definition to fix.
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { EntryList } from '@/components/connections/EntryList';
import { HealthProblemList, recipientNames } from '@/components/connections/HealthProblemList';
import { postofficeKey } from '@/lib/core/routing/resolve';
import type { PostofficeDefinition } from '@/lib/core/routing/types';
import { useMsMailConnector } from './MsMailConnectorSheet';
import { PostofficeDialog } from './PostofficeDialog';

const keyOf = (po: PostofficeDefinition) => postofficeKey(po.network, po.postoffice);

export function ConnectionsTab() {
  const { site, draft, update, problems, dirty } = useMsMailConnector();
  const param = useSearchParams().get('postoffice');
  const [selected, setSelected] = useState<string | undefined>(() => (param ? param.toUpperCase() : undefined));
  const [dialog, setDialog] = useState<null | { mode: 'add' } | { mode: 'edit'; index: number }>(null);
  const own = `${draft.network.trim()}/${draft.postoffice.trim()}`.toUpperCase();
  const postoffices = draft.postoffices;
  const currentIndex = postoffices.findIndex((po) => keyOf(po) === selected);
  const current = postoffices[currentIndex];

  useEffect(() => {
    if (param) setSelected(param.toUpperCase());
  }, [param]);

  const remove = (key: string) => {
    const index = postoffices.findIndex((po) => keyOf(po) === key);
    if (index < 0) return;
    const next = postoffices.filter((_, i) => i !== index);
    update({ postoffices: next });
    setSelected(next[Math.min(index, next.length - 1)] && keyOf(next[Math.min(index, next.length - 1)]));
  };

  const save = (entry: PostofficeDefinition) => {
    if (dialog?.mode === 'edit') update({ postoffices: postoffices.map((po, i) => (i === dialog.index ? entry : po)) });
    else update({ postoffices: [...postoffices, entry] });
    setSelected(keyOf(entry));
    setDialog(null);
  };

  return (
    <div className="postoffices-tab">
      <p>MS Mail postoffices served by {own}:</p>
      <EntryList
        label="Postoffices"
        className="postoffice-list"
        columns={[{ label: 'Network/Postoffice', className: 'col-postoffice' }, { label: 'Connection' }]}
        rows={postoffices.map((po) => ({
          key: keyOf(po),
          cells: [keyOf(po), po.connection === 'indirect' ? `Indirect via ${own}` : 'Direct'],
        }))}
        selected={current ? selected : undefined}
        onSelect={setSelected}
        onEdit={(key) => setDialog({ mode: 'edit', index: postoffices.findIndex((po) => keyOf(po) === key) })}
        onRemove={remove}
        autoFocus={!!param}
        emptyText="The connector knows no other postoffice."
      />
      <div className="button-row">
        <button type="button" onClick={() => setDialog({ mode: 'add' })}>
          Add...
        </button>
        <button type="button" disabled={!current} onClick={() => setDialog({ mode: 'edit', index: currentIndex })}>
          Edit...
        </button>
        <button type="button" disabled={!current} onClick={() => current && remove(keyOf(current))}>
          Remove
        </button>
      </div>
      {problems.length > 0 && (
        <>
          <p className="health-heading">Routing health{dirty ? ' (of the saved postoffices)' : ''}:</p>
          <HealthProblemList site={site} problems={problems} names={recipientNames(problems)} label="Postoffice problems" />
        </>
      )}
      {dialog && (
        <PostofficeDialog
          entry={dialog.mode === 'edit' ? postoffices[dialog.index] : undefined}
          index={dialog.mode === 'edit' ? dialog.index : undefined}
          own={own}
          listed={postoffices}
          onCancel={() => setDialog(null)}
          onOk={save}
        />
      )}
    </div>
  );
}
