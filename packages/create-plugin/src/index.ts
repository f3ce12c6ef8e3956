export { InitPluginError, initPlugin, SDK_VERSION_RANGE } from './init-plugin';
export { runInitPlugin } from './run-init-plugin';
