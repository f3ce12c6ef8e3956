import type { AppRouter } from '@registry/api';
import { createTRPCReact } from '@trpc/react-query';

/** Typed hooks for every procedure of the registry's API (`trpc.actions.discover.useQuery`). */
export const trpc = createTRPCReact<AppRouter>();
