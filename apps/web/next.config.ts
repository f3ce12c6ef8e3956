import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@registry/api', '@registry/contracts', '@registry/core', '@registry/db'],
  serverExternalPackages: ['pg', 'pg-boss', 'pino'],
  poweredByHeader: false,
};

export default config;
