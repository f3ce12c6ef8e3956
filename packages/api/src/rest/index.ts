export type { HttpMethod, RestOperation } from './rest-operation';
export { REST_OPERATIONS } from './rest-operations';
export { createRestRouter, type RestRouter, type RestRouterOptions } from './rest-router';
