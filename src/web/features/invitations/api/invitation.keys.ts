export const invitationKeys = {
  all: ['invitations'] as const,
  list: ['invitations', 'list'] as const,
  preview: (token: string) => ['invitations', 'preview', token] as const,
};
