// One icon per verdict, drawn inline in the Windows 98 manner (decorative: the words say it).
import type { ReactNode } from 'react';
import type { Verdict } from '@/lib/core/routing/types';

const DRAWINGS: Record<Verdict, ReactNode> = {
  delivered: (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#008000" stroke="#003000" />
      <path d="M9 16.5l5 5 9-10" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="square" />
    </>
  ),
  forwarded: (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#0050c0" stroke="#002060" />
      <path d="M8 14h9v-5l8 7-8 7v-5H8z" fill="#fff" />
    </>
  ),
  expanded: (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#806000" stroke="#402a00" />
      <path d="M9 16h5M14 10v12M14 10h6M14 16h6M14 22h6" fill="none" stroke="#fff" strokeWidth="2.2" />
      <circle cx="9" cy="16" r="2" fill="#fff" />
    </>
  ),
  'sent-to-internet': (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#2f6fd0" stroke="#0b2f6e" />
      <path d="M7 11q5-4 10 0t6 6q-6 3-10-1t-6-5z" fill="#3fae49" />
      <path d="M17 21q4-1 6 1l-3 4z" fill="#3fae49" />
      <ellipse cx="16" cy="16" rx="6" ry="13.5" fill="none" stroke="#9cc3ff" strokeWidth="0.8" />
    </>
  ),
  ndr: (
    <>
      <circle cx="16" cy="16" r="13.5" fill="#e00000" stroke="#600000" />
      <path d="M10.5 10.5l11 11M21.5 10.5l-11 11" stroke="#fff" strokeWidth="3" />
    </>
  ),
  rejected: (
    <>
      <path d="M10.5 2.5h11l8 8v11l-8 8h-11l-8-8v-11z" fill="#a00000" stroke="#400000" />
      <path d="M8 16h16" stroke="#fff" strokeWidth="4" />
    </>
  ),
};

export function VerdictIcon({ verdict, size = 32 }: { verdict: Verdict; size?: number }) {
  return (
    <svg className="verdict-icon" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      {DRAWINGS[verdict]}
    </svg>
  );
}
