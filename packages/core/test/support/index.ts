export { isolatedRegistry } from './isolated-registry';
export { testRegistryDeps } from './test-registry-deps';
