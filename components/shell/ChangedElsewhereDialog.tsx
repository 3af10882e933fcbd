'use client';
// The message a property sheet shows when Apply or OK finds that someone else saved the object
// after the sheet opened (409, stale version): what they changed, and the admin's choice. Nothing
// is saved until Overwrite.
import { useId } from 'react';
import type { AttributeChange } from '@/lib/core/changed-elsewhere';
import { Dialog } from './Dialog';
import { MessageIcon } from './icons';
import './changed-elsewhere.css';

export type ChangedElsewhereDialogProps = {
  /** The object as the sheet names it: "Bob Kelly", "Internet Mail Service". */
  objectName: string;
  changes: AttributeChange[];
  /** While Overwrite saves: every button is disabled. */
  busy?: boolean;
  /** Discard the held changes and show what is stored now; nothing is saved. */
  onReload: () => void;
  /** Save the held changes over the current version. */
  onOverwrite: () => void;
  /** Keep the held changes in the sheet; nothing is saved. Also Escape and the Close button. */
  onCancel: () => void;
};

/** A long list (a routing table replaced whole) shows its first lines and how many more. */
const MAX_LINES = 8;

function Cell({ lines, sign }: { lines: string[]; sign?: '+' | '−' }) {
  if (lines.length === 0) return null;
  const shown = lines.slice(0, MAX_LINES);
  return (
    <>
      {shown.map((line, index) => (
        <div key={index}>{sign ? `${sign} ${line}` : line}</div>
      ))}
      {lines.length > shown.length && <div className="changed-more">and {lines.length - shown.length} more</div>}
    </>
  );
}

function MineCell({ change }: { change: AttributeChange }) {
  const { mine } = change;
  if (!mine) return null;
  // A single value: the admin's value; a list: the entries the admin added and removed.
  if (!change.list) return mine.now.length ? <Cell lines={mine.now} /> : <span className="changed-empty">(empty)</span>;
  return (
    <>
      <Cell lines={mine.now} sign="+" />
      <Cell lines={mine.opened} sign="−" />
    </>
  );
}

function ValueCell({ change, side }: { change: AttributeChange; side: 'opened' | 'now' }) {
  const lines = change[side];
  if (lines.length === 0) return <span className="changed-empty">{change.list ? '—' : '(empty)'}</span>;
  return <Cell lines={lines} />;
}

export function ChangedElsewhereDialog({ objectName, changes, busy = false, onReload, onOverwrite, onCancel }: ChangedElsewhereDialogProps) {
  const messageId = useId();
  const showMine = changes.some((change) => change.mine);
  const hasList = changes.some((change) => change.list);
  return (
    <Dialog
      title="Microsoft Exchange Administrator"
      role="alertdialog"
      describedBy={messageId}
      className="changed-elsewhere"
      onClose={() => !busy && onCancel()}
      buttons={
        <>
          <button type="button" onClick={onReload} disabled={busy} data-autofocus>
            Reload
          </button>
          <button type="button" onClick={onOverwrite} disabled={busy}>
            Overwrite
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </>
      }
    >
      <div className="message-box" aria-busy={busy}>
        <MessageIcon name="warning" />
        <div className="message-box-text">
          <p id={messageId}>{objectName} was changed by someone else after you opened it.</p>
          {changes.length > 0 ? (
            <div className="sunken-panel changed-table" role="region" aria-label="Changes" tabIndex={0}>
              <table aria-label="What changed">
                <thead>
                  <tr>
                    <th scope="col">Attribute</th>
                    <th scope="col">When you opened it</th>
                    <th scope="col">Now</th>
                    {showMine && <th scope="col">Your change</th>}
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.key} className={change.mine ? 'changed-clash' : undefined}>
                      <th scope="row">{change.label}</th>
                      <td>
                        <ValueCell change={change} side="opened" />
                      </td>
                      <td>
                        <ValueCell change={change} side="now" />
                      </td>
                      {showMine && (
                        <td>
                          <MineCell change={change} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>It was saved again without a change to anything this sheet shows.</p>
          )}
          {hasList && <p className="changed-hint">For lists, only the entries that differ are shown.</p>}
          <p className="changed-hint">
            <b>Reload</b> discards your changes and shows the current values. <b>Overwrite</b> saves your changes over
            theirs; what you did not change keeps its current value. <b>Cancel</b> keeps your changes unsaved.
          </p>
        </div>
      </div>
    </Dialog>
  );
}
