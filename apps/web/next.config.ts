import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@registry/api', '@registry/contracts', '@registry/core', '@registry/db'],
  serverExternalPackages: ['pg', 'pg-boss', 'pino'],
  poweredByHeader: false,
  // No page may be framed elsewhere (clickjacking): CSP for current browsers, X-Frame-Options
  // for older ones. JSON answers carry them too, harmlessly.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default config;
