export { actionFacets } from './actions/action-facets';
export { diffRegistrationRevisions } from './actions/diff-registration-revisions';
export { discoverActions } from './actions/discover-actions';
export { getAction } from './actions/get-action';
export { listRegistrations } from './actions/list-registrations';
export { previewRegistration } from './actions/preview-registration';
export { registerActions } from './actions/register-actions';
export { AUTHENTICATION_HELP, authorize } from './auth/access';
export { createAdminToken, listAdminTokens, revokeAdminToken } from './auth/admin-tokens';
export { authenticateSecret } from './auth/authenticate';
export { credentialLabel } from './auth/credential-label';
export {
  authenticateSession,
  endDashboardSession,
  SESSION_LIFETIME_MS,
  type StartedSession,
  startDashboardSession,
} from './auth/dashboard-sessions';
export {
  type AccessSettings,
  accessSettingsFrom,
  describeLocalAccess,
  type LocalAccessState,
  localAccessState,
  localAdmin,
} from './auth/local-access';
export { rotatePluginKey } from './auth/plugin-keys';
export type { Access, Principal } from './auth/principal';
export {
  isLocalRequest,
  isLoopbackAddress,
  type RequestOrigin,
  type RequestSocket,
} from './auth/request-origin';
export { createRegistryDeps, dispatchSettingsFrom } from './create-registry-deps';
export { type DeliveryWorker, startDeliveryWorker } from './delivery/delivery-worker';
export { joinPluginUrl } from './delivery/plugin-call';
export { dispatchEvents } from './dispatch/dispatch-events';
export { enqueueEvents } from './dispatch/enqueue-events';
export { AppError, HTTP_STATUS_BY_CODE, parseInput } from './errors/app-error';
export { EventFailure } from './errors/event-failure';
export { getExecution, listExecutions } from './executions/execution-queries';
export { executionStats } from './executions/execution-stats';
export { recoverPluginEvents, redeliverExecution } from './executions/redeliver';
export { automationHealth } from './health/automation-health';
export {
  type AddressPolicy,
  type AddressVerdict,
  checkAddress,
  parseAddressAllowList,
} from './http/address-policy';
export { AddressNotAllowedError, createGuardedAgent, type Resolver } from './http/guarded-agent';
export {
  createPluginHttpClient,
  type PluginAnswer,
  type PluginHttpClient,
  type PluginHttpClientOptions,
} from './http/plugin-http-client';
export { webhookHeaders } from './http/webhook-signature';
export { createLogger, type Logger } from './logger';
export { createDispatchMetrics, type DispatchMetrics } from './metrics/dispatch-metrics';
export { PLATFORM_ACTIONS, PLATFORM_CATALOG } from './platform/platform-catalog';
export { verifyPluginEndpoint } from './plugins/plugin-activation';
export {
  createPlugin,
  deletePlugin,
  getPlugin,
  listPlugins,
  patchPlugin,
  replacePlugin,
  setPluginStatus,
} from './plugins/plugin-queries';
export { rotateSigningSecret, SECRET_GRACE_MS } from './plugins/plugin-secrets';
export { testPluginConnectivity } from './plugins/test-plugin-connectivity';
export type { DispatchSettings, RegistryDeps } from './registry-deps';
export { setDefaultProvider } from './routing/set-default-provider';
export {
  type CallOutcome,
  createEndpointCaller,
  type EndpointCaller,
} from './validation/call-endpoint';
export { sampleValue } from './validation/sample-payload';
export { validateActions } from './validation/validate-actions';
export {
  validatePluginEndpoints,
  validateRegisteredActions,
} from './validation/validate-plugin-endpoints';
