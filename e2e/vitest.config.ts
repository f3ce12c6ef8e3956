import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts the whole product; one at a time keeps this 2-core machine responsive.
    fileParallelism: false,
  },
});
