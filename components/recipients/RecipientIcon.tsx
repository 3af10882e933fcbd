import type { RecipientKind } from '@/lib/validation/recipient';

/** Exchange Administrator's list icons: a mailbox, a globe-and-card custom recipient, a group. */
export function RecipientIcon({ kind }: { kind: RecipientKind }) {
  return (
    <svg className="recipient-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {kind === 'mailbox' && (
        <>
          <circle cx="8" cy="5" r="3" fill="#f2c79b" stroke="#6b4a2a" />
          <path d="M2.5 15c0-3.5 2.4-5.5 5.5-5.5s5.5 2 5.5 5.5z" fill="#2f6fd0" stroke="#0b2f6e" />
        </>
      )}
      {kind === 'custom' && (
        <>
          <circle cx="8" cy="8" r="6.5" fill="#2f6fd0" stroke="#0b2f6e" />
          <path d="M4 6q2-2 4 0t4 1M3.5 10q3 1.5 5 0t3.5 0.5" stroke="#3fae49" strokeWidth="1.6" fill="none" />
        </>
      )}
      {kind === 'dl' && (
        <>
          <circle cx="5" cy="5" r="2.4" fill="#f2c79b" stroke="#6b4a2a" />
          <circle cx="11" cy="5" r="2.4" fill="#f2c79b" stroke="#6b4a2a" />
          <path d="M0.8 14c0-3 1.8-4.8 4.2-4.8s4.2 1.8 4.2 4.8z" fill="#3fae49" stroke="#1d5e24" />
          <path d="M6.8 14c0-3 1.8-4.8 4.2-4.8s4.2 1.8 4.2 4.8z" fill="#c0392b" stroke="#6e1d15" />
        </>
      )}
    </svg>
  );
}
