import type { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './app-router';

export {
  createRegistryClient,
  type RegistryClient,
  type RegistryClientOptions,
} from './create-registry-client';
export { isRegistryClientError } from './registry-client-error';

/** Every procedure's input, by path: `RouterInputs['automation']['dispatch']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output as the client receives it: `RouterOutputs['plugins']['list']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What a failed call throws: `error.data?.code` is the tRPC code (`UNAUTHORIZED`, ...). */
export type RegistryClientError = TRPCClientError<AppRouter>;
export type { AppRouter };
