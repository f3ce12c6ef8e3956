import { defineConfig } from 'vitest/config';

// template/ holds the generated project's own test (node:test), run in that project.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
