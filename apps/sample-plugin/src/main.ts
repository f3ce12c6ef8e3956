import { startSamplePlugin } from './sample-plugin-server';

const plugin = await startSamplePlugin({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 5180),
});
console.log(`Sample plugin listening on ${plugin.url}`);
