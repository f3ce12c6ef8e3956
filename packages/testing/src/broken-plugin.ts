import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InputSchema } from '@registry/contracts';
import { z } from 'zod';

/**
 * A deliberately broken plugin for the validator's tests: one action per violation, and one
 * that behaves, on a real HTTP server on 127.0.0.1.
 */
const input = z.object({ user_id: z.string(), quantity: z.number().int().min(1) });
/** What `lax_bounds` checks: the types, but not that quantity is positive (−5 is taken). */
const laxInput = input.extend({ quantity: z.number().int() });

type Behaviour = (valid: boolean, response: ServerResponse, payload: unknown) => void;

const BEHAVIOURS: Record<string, Behaviour> = {
  behaves: (valid, response) => json(response, valid ? 200 : 400, { valid }),
  accepts_anything: (_valid, response) => json(response, 200, { success: true }),
  lax_bounds: (_valid, response, payload) => {
    const lax = laxInput.safeParse(payload).success;
    json(response, lax ? 200 : 400, { valid: lax });
  },
  answers_html: (_valid, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><body>OK</body></html>');
  },
  hangs: () => {},
  crashes_on_valid: (valid, response) =>
    json(response, valid ? 500 : 400, { error: valid ? 'boom' : 'invalid' }),
};

/** Its registration: each action's payload schema as a plugin SDK would send it. */
export const brokenPluginActions = Object.keys(BEHAVIOURS).map((name) => ({
  action_type: name,
  title: `Broken: ${name}`,
  category: 'testing',
  endpoint: `/actions/${name.replaceAll('_', '-')}`,
  required_fields: ['user_id', 'quantity'],
  optional_fields: [],
  input_schema: z.toJSONSchema(input, { io: 'input' }) as InputSchema,
  // The hanging action's own deadline keeps the test short; the others get the roomy default.
  ...(name === 'hangs' ? { timeout_ms: 300 } : {}),
}));

export async function startBrokenPlugin(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const name = request.url?.replace('/actions/', '').replaceAll('-', '_') ?? '';
    const behaviour = BEHAVIOURS[name];
    if (!behaviour) return json(response, 404, { error: 'no such action' });
    const payload = safeJson(text);
    behaviour(input.safeParse(payload).success, response, payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
