import { inviteTechnicianSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { useInviteTechnician } from '../api/invite-technician.mutation.ts';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { InviteDialog } from './invite.dialog.tsx';
import { useInviteForm } from './invite.form.ts';

/** A contractor admin adds a technician; technicians sign in with emailed links, no password. */
/** Opened by its launcher in src/web/app/lazy.pages.ts, which loads this file when it is wanted. */
export function InviteTechnicianDialog(state: LaunchedDialogProps) {
  const invite = useInviteTechnician();
  const { form, dialog } = useInviteForm({
    state,
    schema: inviteTechnicianSchema,
    empty: { name: '', email: '' },
    fields: ['name', 'email'],
    send: invite.mutateAsync,
  });
  return (
    <InviteDialog
      title="Invite a technician"
      description="Technicians see only the jobs you assign them, and sign in with a link we email them."
      isPending={invite.isPending}
      {...dialog}
    >
      <FormTextField control={form.control} name="name" label="Name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
    </InviteDialog>
  );
}
