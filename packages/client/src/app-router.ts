import type { AppRouter as ServerRouter } from '@registry/api';
import type {
  AnyProcedure,
  AnyRouter,
  inferProcedureInput,
  inferProcedureOutput,
  TRPCBuiltRouter,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
} from '@trpc/server';
// biome-ignore lint/correctness/noUnusedImports: the declaration emitter names zod's JSON Schema types (in contracts' action definitions) through it.
import type { z } from 'zod';

type CallableRecord<R> = R extends infer O
  ? {
      [K in keyof O]: O[K] extends AnyProcedure
        ? O[K]['_def']['type'] extends 'mutation'
          ? TRPCMutationProcedure<{
              input: inferProcedureInput<O[K]>;
              output: inferProcedureOutput<O[K]>;
              meta: object;
            }>
          : TRPCQueryProcedure<{
              input: inferProcedureInput<O[K]>;
              output: inferProcedureOutput<O[K]>;
              meta: object;
            }>
        : CallableRecord<O[K]>;
    }
  : never;

/**
 * The server's router with its context (database, queue, the caller's principal) left out:
 * a client never sees it, and the published declarations must not need the server's packages.
 */
declare function withoutServerContext<R extends AnyRouter>(
  router: R,
): TRPCBuiltRouter<
  {
    ctx: object;
    meta: object;
    errorShape: R['_def']['_config']['$types']['errorShape'];
    transformer: false;
  },
  CallableRecord<R['_def']['record']>
>;
declare const serverRouter: ServerRouter;

// Never evaluated (every import of this module is `import type`): the call exists so that the
// declaration emitter writes the router's procedures out in full, rather than naming the server.
const clientRouter = withoutServerContext(serverRouter);

/** The registry's tRPC API as its clients call it: `TRPCClient<AppRouter>`. */
export type AppRouter = typeof clientRouter;
