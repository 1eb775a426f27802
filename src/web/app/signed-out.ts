import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';

/** After signing out: leave the app, then drop everything cached for that session. */
export function useLeaveApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async function leaveApp(): Promise<void> {
    await router.navigate({ to: '/sign-in' });
    queryClient.clear();
  };
}
