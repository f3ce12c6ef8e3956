import { MAX_REQUEST_BODY_BYTES } from '@registry/contracts';
import { AppError } from '@registry/core';

/**
 * JSON types, plus `text/plain`: what `fetch(url, { body: JSON.stringify(...) })` sends without
 * headers, as the seed document's own JavaScript example does.
 */
const JSON_BODY_TYPES = /^(application\/([\w.+-]+\+)?json|text\/plain)\s*(;|$)/i;

/**
 * Refuses, from the headers alone, a body the API would never read: another content type (a
 * form, XML: 415) or a declared length over the limit (413). No content type reads as JSON.
 */
export function checkBodyHeaders(request: Request): void {
  const contentType = request.headers.get('content-type');
  if (contentType && !JSON_BODY_TYPES.test(contentType)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be application/json (received ${contentType.split(';')[0]})`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_REQUEST_BODY_BYTES) throw bodyTooLarge();
}

/**
 * The request's body as a stream that fails with PAYLOAD_TOO_LARGE once past the limit, so no
 * reader of it buffers more, whatever the request declared; null without a body. Nothing is
 * read until its reader asks (no read-ahead), so a request refused first is never read.
 */
export function sizeLimitedBody(request: Request): ReadableStream<Uint8Array> | null {
  if (!request.body) return null;
  const reader = request.body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        if (size > MAX_REQUEST_BODY_BYTES) {
          await reader.cancel();
          return controller.error(bodyTooLarge());
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

function bodyTooLarge(): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Request body exceeds ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MiB`,
  );
}
