import { createCallerFactory, router } from './init';
import { actionsRouter } from './routers/actions-router';
import { automationRouter } from './routers/automation-router';
import { executionsRouter } from './routers/executions-router';
import { pluginsRouter } from './routers/plugins-router';
import { tokensRouter } from './routers/tokens-router';

export const appRouter = router({
  plugins: pluginsRouter,
  actions: actionsRouter,
  automation: automationRouter,
  executions: executionsRouter,
  tokens: tokensRouter,
});

/** The API's type, for typed clients in the dashboard and sibling apps. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
