import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '98.css';
import './globals.css';
import './sheets.css';

export const metadata: Metadata = {
  title: 'Microsoft Exchange Administrator - xadm',
  description: 'A web console in the spirit of Microsoft Exchange Server 5.5 Exchange Administrator',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
