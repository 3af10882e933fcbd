'use client';
// Distribution Lists tab (the lists this recipient belongs to) and a list's Members tab: both a
// list of recipients with Modify..., which opens the address book picker.
import { useState } from 'react';
import { RecipientIcon } from '@/components/recipients/RecipientIcon';
import { RecipientPicker } from '@/components/recipients/RecipientPicker';
import { useRecipientSheet } from './RecipientSheet';

export function MembershipTab({ which }: { which: 'memberOf' | 'members' }) {
  const { recipient, draft, update, fieldErrors } = useRecipientSheet();
  const [picking, setPicking] = useState(false);
  const rows = draft[which];
  if (which === 'members' && recipient.kind !== 'dl') {
    return <p className="empty-list">Only a distribution list has members.</p>;
  }
  const label = which === 'members' ? 'Members:' : 'Distribution lists:';
  return (
    <div className="membership-tab">
      <p>{label}</p>
      <div className="sunken-panel list-view membership-list">
        <table aria-label={label}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="name-cell">
                    <RecipientIcon kind={r.kind} />
                    {r.displayName}
                  </span>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td className="empty-list">{which === 'members' ? 'This list has no members.' : 'Not a member of any distribution list.'}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => setPicking(true)} data-autofocus>
          Modify...
        </button>
        <span className="list-count">{rows.length} {rows.length === 1 ? 'entry' : 'entries'}</span>
      </div>
      <div className="inline-error" role="alert">
        {fieldErrors[which]}
      </div>
      {picking && (
        <RecipientPicker
          title={which === 'members' ? 'Distribution List Members' : 'Distribution Lists'}
          site={recipient.site}
          kind={which === 'memberOf' ? 'dl' : undefined}
          chosenLabel={which === 'members' ? 'Members' : 'Member of'}
          initial={rows}
          exclude={which === 'memberOf' ? recipient.id : undefined}
          onCancel={() => setPicking(false)}
          onOk={(chosen) => {
            update({ [which]: chosen });
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}
