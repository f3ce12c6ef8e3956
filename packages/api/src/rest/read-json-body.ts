import { AppError } from '@registry/core';

/** Large enough for a batch of 1,000 events with sizeable payloads. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * JSON types, plus `text/plain`: what `fetch(url, { body: JSON.stringify(...) })` sends without
 * headers, as the seed document's own JavaScript example does.
 */
const JSON_BODY_TYPES = /^(application\/([\w.+-]+\+)?json|text\/plain)\s*(;|$)/i;

/**
 * Reads a request body as JSON. A body with another content type (a form, XML), over the size
 * limit, or not parseable is refused with a 4xx naming the problem; no content type reads as JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get('content-type');
  if (contentType && !JSON_BODY_TYPES.test(contentType)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be application/json (received ${contentType.split(';')[0]})`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCapped(request);
  if (text.trim() === '') {
    throw new AppError('MALFORMED_JSON', 'Request body is empty; expected a JSON object');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'invalid JSON';
    throw new AppError('MALFORMED_JSON', `Request body is not valid JSON: ${reason}`);
  }
}

async function readCapped(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Request body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MiB`,
  );
}
