import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'undici';

/** The one automation event the reference servers handle (the bench sends one per request). */
export interface ReferenceEvent {
  action_type: string;
  payload: unknown;
}

/** Parses the automation body and takes its first event. */
export async function readEvent(request: IncomingMessage): Promise<ReferenceEvent> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: ReferenceEvent[] };
  const [event] = body.events;
  if (!event) throw new Error('the reference servers take one event per request');
  return event;
}

/** One POST to the plugin; its JSON answer, or a failure with the status. */
export async function callPlugin(
  url: string,
  payload: unknown,
): Promise<{ success: boolean; result?: unknown; status?: number }> {
  const answer = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const result = await answer.body.json();
  const success = answer.statusCode >= 200 && answer.statusCode < 300;
  return success ? { success, result } : { success, status: answer.statusCode };
}

export function reply(response: ServerResponse, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}
