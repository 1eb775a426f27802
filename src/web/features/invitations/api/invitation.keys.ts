import { queryRoots } from '../../../lib/query.roots.ts';
export const invitationKeys = {
  all: queryRoots.invitations,
  list: [...queryRoots.invitations, 'list'] as const,
  preview: (token: string) => [...queryRoots.invitations, 'preview', token] as const,
};
