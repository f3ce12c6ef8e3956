import { defineConfig } from 'vitest/config';

// The dashboard's own logic (form schemas) is unit-tested here; its pages by e2e/browser.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
