import { defineConfig } from 'tsdown';

// What `pnpm pack` publishes (publishConfig.exports); the workspace itself reads src/.
export default defineConfig({
  entry: ['src/index.ts'],
  platform: 'neutral',
  dts: true,
});
