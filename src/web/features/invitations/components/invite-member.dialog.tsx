import { inviteMemberSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { useInviteMember } from '../api/invite-member.mutation.ts';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { InviteDialog } from './invite.dialog.tsx';
import { useInviteForm } from './invite.form.ts';

/** A contractor admin invites an office colleague (opened by its launcher in src/web/app/lazy.pages.ts). */
export function InviteMemberDialog(state: LaunchedDialogProps) {
  const invite = useInviteMember();
  const { form, dialog } = useInviteForm({
    state,
    schema: inviteMemberSchema,
    empty: { name: '', email: '', role: 'office' },
    fields: ['name', 'email'],
    send: invite.mutateAsync,
  });
  return (
    <InviteDialog
      title="Invite an office member"
      description="Office members see your business's work and money for every organization that engages you."
      isPending={invite.isPending}
      {...dialog}
    >
      <FormTextField control={form.control} name="name" label="Name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
    </InviteDialog>
  );
}
