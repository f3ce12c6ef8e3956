import type { AppRouter } from '@registry/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** What procedures return as the client receives them (JSON: `unknown` fields are optional). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type DispatchedEvent = RouterOutputs['automation']['dispatch']['results'][number];
