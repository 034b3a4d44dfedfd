import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api.js';
import { notifyError } from '../shared/problem-view.js';

/**
 * Error display policy:
 * - a query's first load failing is shown by the page itself (<ProblemAlert error={query.error} />);
 * - a background refresh failing, and any failed mutation, pops a notification, unless its `meta.silent`
 *   says the page shows the error inline (forms);
 * - 401 is never shown: the session watcher signs the user out and guarded pages send them to login.
 */
function shouldNotify(error: unknown, meta: Record<string, unknown> | undefined): boolean {
  if (meta?.silent) return false;
  return !(error instanceof ApiError && error.status === 401);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined && shouldNotify(error, query.meta)) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (shouldNotify(error, mutation.meta)) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // Client errors (4xx) will not change on retry; network and server errors get two more tries.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
