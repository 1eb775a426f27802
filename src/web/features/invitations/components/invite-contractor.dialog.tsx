import { inviteContractorSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { useInviteContractor } from '../api/invite-contractor.mutation.ts';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { InviteDialog } from './invite.dialog.tsx';
import { useInviteForm } from './invite.form.ts';

const empty = { businessName: '', name: '', email: '' };

/** Opened by its launcher in src/web/app/lazy.pages.ts, which loads this file when it is wanted. */
export function InviteContractorDialog(state: LaunchedDialogProps) {
  const invite = useInviteContractor();
  const { form, dialog } = useInviteForm({
    state,
    schema: inviteContractorSchema,
    empty,
    fields: ['businessName', 'name', 'email'],
    send: invite.mutateAsync,
  });

  return (
    <InviteDialog
      title="Invite a contractor"
      description="We email the contact a link to set up the contractor's account on Portico."
      isPending={invite.isPending}
      {...dialog}
    >
      <FormTextField control={form.control} name="businessName" label="Business name" autoComplete="organization" isRequired />
      <FormTextField control={form.control} name="name" label="Contact name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
    </InviteDialog>
  );
}
