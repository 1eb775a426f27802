import { inviteContractorSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { useInviteContractor } from '../api/invite-contractor.mutation.ts';
import { InviteDialog } from './invite.dialog.tsx';
import { useInviteForm } from './invite.form.ts';

const empty = { businessName: '', name: '', email: '' };

export function InviteContractorDialog() {
  const invite = useInviteContractor();
  const { form, dialog } = useInviteForm({
    schema: inviteContractorSchema,
    empty,
    fields: ['businessName', 'name', 'email'],
    send: invite.mutateAsync,
  });

  return (
    <InviteDialog
      triggerLabel="Invite contractor"
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
