import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { inviteContractorSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useInviteContractor } from '../api/invite-contractor.mutation.ts';
import { InviteDialog } from './invite.dialog.tsx';

const empty = { businessName: '', name: '', email: '' };

export function InviteContractorDialog() {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const invite = useInviteContractor();
  const form = useForm({ resolver: resolveWith(inviteContractorSchema), defaultValues: empty });

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      form.reset(empty);
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await invite.mutateAsync(values);
      toastSuccess(`Invitation sent to ${values.email}`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['businessName', 'name', 'email']));
    }
  });

  return (
    <InviteDialog
      triggerLabel="Invite contractor"
      title="Invite a contractor"
      description="We email the contact a link to set up the contractor's account on Portico."
      isOpen={isOpen}
      onOpenChange={changeOpen}
      onSubmit={submit}
      isPending={invite.isPending}
      failure={failure}
    >
      <FormTextField control={form.control} name="businessName" label="Business name" autoComplete="organization" isRequired />
      <FormTextField control={form.control} name="name" label="Contact name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
    </InviteDialog>
  );
}
