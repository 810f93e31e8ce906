import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/** Server state lives here only; 4xx answers are final, other failures are tried twice more. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's one client: the router's first reads and the pages' hooks share its cache. */
export const queryClient = createQueryClient();
