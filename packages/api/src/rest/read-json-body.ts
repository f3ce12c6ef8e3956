import { AppError } from '@registry/core';
import { checkBodyHeaders, sizeLimitedBody } from '../request-body-limits';

/**
 * Reads a request body as JSON. A body with another content type (a form, XML), over the size
 * limit, or not parseable is refused with a 4xx naming the problem; no content type reads as JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  checkBodyHeaders(request);
  const body = sizeLimitedBody(request);
  const text = body ? await new Response(body).text() : '';
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
