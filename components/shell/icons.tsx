// Small inline SVG icons in the Windows 98 manner: 16×16 for lists, trees and toolbars, 32×32
// for message boxes. Drawn here rather than downloaded; all decorative (aria-hidden).
import type { ReactNode } from 'react';

export type IconName =
  | 'exchange'
  | 'organization'
  | 'site'
  | 'configuration'
  | 'connections'
  | 'site-addressing'
  | 'recipients'
  | 'container'
  | 'new-mailbox'
  | 'properties'
  | 'delete'
  | 'internet-mail-service'
  | 'msmail-connector';

export type MessageIconName = 'question' | 'warning' | 'error' | 'information';

const folder = (
  <>
    <path d="M1.5 3.5h5l1 1h7v9h-13z" fill="#f6d35b" stroke="#7a5c00" />
    <path d="M2 5.5h12" stroke="#fff4b8" />
  </>
);

const globe = (cx: number, cy: number, r: number) => (
  <>
    <circle cx={cx} cy={cy} r={r} fill="#2f6fd0" stroke="#0b2f6e" />
    <path
      d={`M${cx - r * 0.6} ${cy - r * 0.4}q${r * 0.4} -${r * 0.3} ${r * 0.7} 0t${r * 0.3} ${r * 0.8}q-${r * 0.5} ${r * 0.2} -${r * 0.9} -${r * 0.1}z`}
      fill="#3fae49"
    />
    <path d={`M${cx + r * 0.15} ${cy + r * 0.35}q${r * 0.4} -${r * 0.15} ${r * 0.55} ${r * 0.25}l-${r * 0.3} ${r * 0.3}z`} fill="#3fae49" />
    <ellipse cx={cx} cy={cy} rx={r * 0.45} ry={r} fill="none" stroke="#9cc3ff" strokeWidth="0.6" />
  </>
);

const envelope = (
  <>
    <rect x="1.5" y="4.5" width="12" height="8" fill="#fff" stroke="#404040" />
    <path d="M1.5 4.5l6 4.5 6-4.5" fill="none" stroke="#404040" />
  </>
);

const ICONS: Record<IconName, ReactNode> = {
  exchange: (
    <>
      {globe(10, 6, 5)}
      <rect x="0.5" y="8.5" width="10" height="6" fill="#fff" stroke="#303030" />
      <path d="M0.5 8.5l5 3.5 5-3.5" fill="none" stroke="#303030" />
    </>
  ),
  organization: globe(8, 8, 6.5),
  site: (
    <>
      {globe(6.5, 6.5, 5)}
      <rect x="9.5" y="6.5" width="5" height="8" fill="#c0c0c0" stroke="#303030" />
      <path d="M10.5 8.5h3M10.5 10.5h3" stroke="#404040" />
      <path d="M11 13h1" stroke="#00c000" />
    </>
  ),
  configuration: (
    <>
      {folder}
      <circle cx="11" cy="10.5" r="3" fill="#b0b0b0" stroke="#404040" strokeDasharray="1.6 0.8" strokeWidth="1.6" />
      <circle cx="11" cy="10.5" r="1" fill="#f6d35b" />
    </>
  ),
  connections: (
    <>
      {folder}
      <path d="M6 10.5h7M11 8.5l2 2-2 2M6.5 8.5l-2 2 2 2" fill="none" stroke="#0b2f6e" strokeWidth="1.2" />
    </>
  ),
  'site-addressing': (
    <>
      <rect x="0.5" y="2.5" width="12" height="8" fill="#fff" stroke="#404040" />
      <path d="M0.5 2.5l6 4.5 6-4.5" fill="none" stroke="#404040" />
      <circle cx="11.5" cy="11.5" r="4" fill="#fff" stroke="#0b2f6e" />
      <circle cx="11.5" cy="11.5" r="1.6" fill="none" stroke="#0b2f6e" />
      <path d="M13.1 10.5v2q0 1 1 .6" fill="none" stroke="#0b2f6e" />
    </>
  ),
  recipients: (
    <>
      {folder}
      <circle cx="10.5" cy="8.3" r="1.8" fill="#f0c8a0" stroke="#603000" strokeWidth="0.8" />
      <path d="M7.5 13.5q0-3 3-3t3 3z" fill="#2f6fd0" stroke="#0b2f6e" strokeWidth="0.8" />
    </>
  ),
  container: folder,
  'new-mailbox': (
    <>
      {envelope}
      <path d="M12.5 0.5v5M10 3h5" stroke="#b00000" strokeWidth="1.4" />
    </>
  ),
  properties: (
    <>
      <rect x="2.5" y="1.5" width="10" height="13" fill="#fff" stroke="#404040" />
      <path d="M4.5 4.5h6M4.5 6.5h6M4.5 8.5h4" stroke="#2f6fd0" />
      <path d="M9 14.5l2-3 4 0-1 3z" fill="#f0c8a0" stroke="#603000" strokeWidth="0.8" />
    </>
  ),
  delete: <path d="M3 3l10 10M13 3L3 13" stroke="#c00000" strokeWidth="2.4" strokeLinecap="square" />,
  // Connections: a globe with an envelope (Internet Mail Service), a postoffice box (MS Mail Connector).
  'internet-mail-service': (
    <>
      {globe(10.5, 5.5, 5)}
      <rect x="0.5" y="7.5" width="10" height="7" fill="#fff" stroke="#303030" />
      <path d="M0.5 7.5l5 3.5 5-3.5" fill="none" stroke="#303030" />
    </>
  ),
  'msmail-connector': (
    <>
      <path d="M1.5 6.5l5-4 5 4v8h-10z" fill="#d0d0d0" stroke="#404040" />
      <rect x="4.5" y="8.5" width="4" height="3" fill="#fff" stroke="#404040" />
      <path d="M9 10.5h6M13 8.5l2 2-2 2" fill="none" stroke="#0b2f6e" strokeWidth="1.2" />
    </>
  ),
};

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {ICONS[name]}
    </svg>
  );
}

const MESSAGE_ICONS: Record<MessageIconName, ReactNode> = {
  question: (
    <>
      <path d="M16 2.5c7.5 0 13.5 4.8 13.5 11s-6 11-13.5 11c-1.3 0-2.5-.1-3.6-.4L6 29.5l1.5-7.2C4.4 20.3 2.5 17.1 2.5 13.5 2.5 7.3 8.5 2.5 16 2.5z" fill="#fff" stroke="#000" />
      <text x="16" y="20" textAnchor="middle" fontSize="16" fontWeight="bold" fontFamily="Arial, sans-serif" fill="#0000c0">
        ?
      </text>
    </>
  ),
  warning: (
    <>
      <path d="M16 2.5l14 26H2z" fill="#ffe000" stroke="#000" strokeLinejoin="round" />
      <text x="16" y="26" textAnchor="middle" fontSize="18" fontWeight="bold" fontFamily="Arial, sans-serif" fill="#000">
        !
      </text>
    </>
  ),
  error: (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#e00000" stroke="#600000" />
      <path d="M10.5 10.5l11 11M21.5 10.5l-11 11" stroke="#fff" strokeWidth="3" />
    </>
  ),
  information: (
    <>
      <path d="M16 2.5c7.5 0 13.5 4.8 13.5 11s-6 11-13.5 11c-1.3 0-2.5-.1-3.6-.4L6 29.5l1.5-7.2C4.4 20.3 2.5 17.1 2.5 13.5 2.5 7.3 8.5 2.5 16 2.5z" fill="#fff" stroke="#000" />
      <text x="16" y="21" textAnchor="middle" fontSize="16" fontWeight="bold" fontFamily="Georgia, serif" fill="#0000c0">
        i
      </text>
    </>
  ),
};

export function MessageIcon({ name }: { name: MessageIconName }) {
  return (
    <svg className="message-icon" width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      {MESSAGE_ICONS[name]}
    </svg>
  );
}
