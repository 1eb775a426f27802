import { useQuery } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { securityKeys } from './security.keys.ts';

export interface CurrentSession {
  session: { id: string; token: string };
}

/** This device's session, to mark it in the list. */
export function getCurrentSession(signal?: AbortSignal): Promise<CurrentSession | null> {
  return requestOutsideApi<CurrentSession | null>('/api/auth/get-session', { signal });
}

export function useCurrentSession() {
  return useQuery({ queryKey: securityKeys.currentSession, queryFn: ({ signal }) => getCurrentSession(signal) });
}
