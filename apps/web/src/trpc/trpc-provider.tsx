'use client';

import { MAX_TRPC_BATCH_CALLS } from '@registry/contracts/request-limits';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { httpBatchLink, TRPCClientError } from '@trpc/client';
import { type ReactNode, useState } from 'react';
import { trpc } from './trpc';

/**
 * The one place the dashboard talks to the API. Credentials travel as the httpOnly session
 * cookie, which same-origin requests carry by themselves; a 401 (session expired or its token
 * revoked) sends the browser to the sign-in page.
 */
export function TrpcProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: signInWhenUnauthorized }),
        mutationCache: new MutationCache({ onError: signInWhenUnauthorized }),
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            // A 4xx answer will not change by asking again; network blips might.
            retry: (failures, error) => failures < 2 && !isClientError(error),
          },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    trpc.createClient({
      links: [httpBatchLink({ url: '/api/trpc', maxItems: MAX_TRPC_BATCH_CALLS })],
    }),
  );
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

function signInWhenUnauthorized(error: unknown): void {
  if (error instanceof TRPCClientError && error.data?.httpStatus === 401) {
    window.location.assign('/sign-in');
  }
}

function isClientError(error: unknown): boolean {
  const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}
