export {
  type ActionContext,
  ActionError,
  type ActionExampleSpec,
  type ActionSpec,
  action,
  definePlugin,
  type PageReply,
  type Plugin,
  type PluginSpec,
} from './define-plugin';
export { type ListenOptions, listen, type RunningPlugin } from './listen';
export {
  listenAll,
  type PluginMount,
  type RunningPluginServer,
  type ServedPlugin,
  type ServerOptions,
} from './listen-all';
export {
  type ActionRegistration,
  registrationPayload,
} from './registration-payload';
export {
  type Connection,
  previewRegistration,
  type RegistryOptions,
} from './registry-connection';
export { RegistryRequestError } from './registry-request';
export {
  jsonLineLogger,
  type RequestLogFields,
  type RequestLogger,
} from './request-log';
