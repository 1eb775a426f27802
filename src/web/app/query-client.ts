import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.client.ts';

/** What the app does when any request says "signed out" (401) or "set up 2FA first" (403). */
export interface SessionProblemHandler {
  onSignedOut: () => void;
  onTwoFactorRequired: () => void;
}

function isClientError(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

export function createQueryClient(handler: SessionProblemHandler): QueryClient {
  const onQueryError = (error: unknown) => {
    if (!isApiError(error)) return;
    if (error.status === 401) handler.onSignedOut();
    else if (error.code === 'TWO_FACTOR_REQUIRED') handler.onTwoFactorRequired();
  };
  // A failed action shows its own message: a wrong code or password can answer 401 too.
  const onMutationError = (error: unknown) => {
    if (isApiError(error) && error.code === 'TWO_FACTOR_REQUIRED') handler.onTwoFactorRequired();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: onQueryError }),
    mutationCache: new MutationCache({ onError: onMutationError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Try even when the browser says it is offline: the tech view's service worker answers
        // from what it kept; elsewhere the page shows the network error instead of waiting.
        networkMode: 'offlineFirst',
        retry: (failures, error) => !isClientError(error) && failures < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
