import { useQuery } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { securityKeys } from './security.keys.ts';

export interface SessionInfo {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
}

export function listSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
  return requestOutsideApi<SessionInfo[]>('/api/auth/list-sessions', { signal });
}

export function useSessions() {
  return useQuery({ queryKey: securityKeys.sessions, queryFn: ({ signal }) => listSessions(signal) });
}
