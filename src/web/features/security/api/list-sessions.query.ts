import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';
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
  return getJson<SessionInfo[]>('/api/auth/list-sessions', undefined, signal);
}

export function useSessions() {
  return useQuery({ queryKey: securityKeys.sessions, queryFn: ({ signal }) => listSessions(signal) });
}
