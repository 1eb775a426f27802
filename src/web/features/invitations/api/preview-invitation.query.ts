import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { invitationKeys } from './invitation.keys.ts';

export type InvitationPreview = ApiData<'/api/invitations/preview', 'get'>;

/** Who invited whom, read without spending the token. 410 when it can no longer be used. */
export function previewInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return dataOf(api.GET('/api/invitations/preview', { params: { query: { token } }, signal }));
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) => previewInvitation(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
