import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query.roots.ts';

/** After any invitation: lists of invitations, engagements and teams all change. */
export function refreshAfterInvitation(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryRoots.session[0] });
}
