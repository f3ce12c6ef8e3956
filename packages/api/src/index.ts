export { type RequestContext, resolveRequestContext } from './request-context';
export { type AppRouter, appRouter, createCaller } from './trpc/app-router';
export { handleTrpcRequest } from './trpc/handle-trpc-request';
export { createContextInner } from './trpc/init';
