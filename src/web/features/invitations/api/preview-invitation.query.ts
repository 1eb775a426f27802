import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationPreviewSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { invitationKeys } from './invitation.keys.ts';

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Who invited whom, read without spending the token. 410 when it can no longer be used. */
export function previewInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return getJson<InvitationPreview>('/api/invitations/preview', { token }, signal);
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) => previewInvitation(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
