import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One migrated database (real PostgreSQL if DATABASE_URL is set, else embedded) per run.
    globalSetup: ['../db/src/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
