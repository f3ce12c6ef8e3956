import { defineConfig } from 'tsdown';

// What `pnpm pack` publishes (publishConfig); the workspace itself reads src/.
export default defineConfig({
  entry: ['src/index.ts', 'src/main.ts'],
  platform: 'node',
  dts: true,
  fixedExtension: false,
});
