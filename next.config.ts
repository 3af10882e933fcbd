import type { NextConfig } from 'next';

// Security headers on every response (issue 5, hardening). Next.js's App Router puts its
// bootstrap data in inline scripts, so scripts need 'unsafe-inline' without a per-request nonce;
// the development server also evaluates code ('unsafe-eval') for Fast Refresh. Nothing is loaded
// from another origin, and no other site may frame the console (clickjacking).
const development = process.env.NODE_ENV === 'development';
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it with Node's require, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // A second build directory lets two checkouts' browser tests run side by side (XADM_DIST_DIR).
  distDir: process.env.XADM_DIST_DIR || '.next',
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
