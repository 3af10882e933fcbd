import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it with Node's require, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // A second build directory lets two checkouts' browser tests run side by side (XADM_DIST_DIR).
  distDir: process.env.XADM_DIST_DIR || '.next',
  typedRoutes: false,
};

export default nextConfig;
