import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import { writeContextKey } from '../lib/context.storage.ts';
import { homeOf } from './shell.paths.ts';

/** Switch the organization/contractor the user acts as: new header, fresh data, that shell's home. */
export function useSwitchContext() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async function switchContext(membership: Membership): Promise<void> {
    writeContextKey(membership.key);
    await queryClient.cancelQueries();
    queryClient.removeQueries();
    await router.navigate({ to: homeOf(membership.kind) });
    await router.invalidate();
  };
}
