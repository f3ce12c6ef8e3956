import { REST_OPERATIONS } from '../rest/rest-operations';
import { type OpenApiDocument, openApiDocument } from './openapi-document';

export type { OpenApiDocument };

/** The OpenAPI document of every REST operation this API serves. */
export function restApiDocument(): OpenApiDocument {
  return openApiDocument(REST_OPERATIONS);
}
