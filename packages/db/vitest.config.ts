import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One migrated database (real PostgreSQL if DATABASE_URL is set, else embedded) per run.
    globalSetup: ['./src/vitest-global-setup.ts'],
    // Starting PGlite (a WebAssembly PostgreSQL) twice in one test takes seconds alone and far
    // longer while the rest of the suite keeps both cores busy.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
