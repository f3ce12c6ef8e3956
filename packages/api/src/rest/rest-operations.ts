import { openApiDocument } from '../openapi/openapi-document';
import { ACTION_OPERATIONS } from './operations/action-operations';
import { AUTOMATION_OPERATIONS } from './operations/automation-operations';
import { EXECUTION_OPERATIONS } from './operations/execution-operations';
import { metricsOperation, openApiOperation } from './operations/meta-operations';
import { PLUGIN_OPERATIONS } from './operations/plugin-operations';
import { SESSION_OPERATIONS } from './operations/session-operations';
import type { RestOperation } from './rest-operation';

/**
 * Every REST operation (the seed document's routes and those added since): the one list the
 * router, the OpenAPI document and the auth matrix are built from.
 */
export const REST_OPERATIONS: readonly RestOperation[] = [
  ...PLUGIN_OPERATIONS,
  ...ACTION_OPERATIONS,
  ...AUTOMATION_OPERATIONS,
  ...EXECUTION_OPERATIONS,
  ...SESSION_OPERATIONS,
  metricsOperation,
  openApiOperation(() => openApiDocument(REST_OPERATIONS)),
];
