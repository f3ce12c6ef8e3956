import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { action, definePlugin } from './define-plugin';
import { listen, type RunningPlugin } from './listen';
import { jsonLineLogger, type RequestLogFields } from './request-log';

const plugin = definePlugin({
  slug: 'logged',
  actions: {
    add_note: action({
      title: 'Add Note',
      input: z.object({ text: z.string() }),
      handler: ({ text }) => ({ success: true, length: text.length }),
    }),
  },
});

const lines: string[] = [];
let running: RunningPlugin;
beforeAll(async () => {
  running = await listen(plugin, { requestLog: jsonLineLogger((line) => lines.push(line)) });
});
afterAll(() => running.close());

async function post(path: string, payload: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  await response.text();
  // The line is written when the answer has been handed to the socket, just after this resolves.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return response.status;
}

function lastLine(): Record<string, unknown> & RequestLogFields {
  return JSON.parse(lines.at(-1) ?? '{}');
}

describe('request log', () => {
  it('[SDK][LOG]: one pino-shaped JSON line per call: action, webhook-id, status, duration, dry-run', async () => {
    const before = lines.length;
    await post(
      '/actions/add-note',
      { text: 'hi' },
      { 'webhook-id': 'evt_9', 'webhook-dry-run': 'true' },
    );

    expect(lines.length).toBe(before + 1);
    expect(lastLine()).toMatchObject({
      level: 30,
      msg: 'plugin request',
      plugin: 'logged',
      action: 'add_note',
      method: 'POST',
      path: '/actions/add-note',
      status: 200,
      webhook_id: 'evt_9',
      dry_run: true,
    });
    expect(lastLine().time).toBeGreaterThan(Date.now() - 60_000);
    expect(lastLine().duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('[SDK][LOG]: a refused payload and an unknown path are logged with their status', async () => {
    await post('/actions/add-note', { text: 42 });
    expect(lastLine()).toMatchObject({ action: 'add_note', status: 400 });
    expect(lastLine()).not.toHaveProperty('webhook_id');
    expect(lastLine()).not.toHaveProperty('dry_run');

    await post('/nowhere', {});
    expect(lastLine()).toMatchObject({ path: '/nowhere', status: 404 });
    expect(lastLine()).not.toHaveProperty('action');
  });

  it('[SDK][LOG]: on by default, on stdout; requestLog: false turns it off', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      written.push(String(line));
      return true;
    });
    try {
      for (const requestLog of [undefined, false] as const) {
        const server = await listen(plugin, { requestLog });
        await fetch(`${server.url}/`).then((response) => response.text());
        await new Promise((resolve) => setTimeout(resolve, 20));
        await server.close();
      }
    } finally {
      write.mockRestore();
    }
    expect(written.filter((line) => line.includes('"msg":"plugin request"'))).toHaveLength(1);
  });
});
