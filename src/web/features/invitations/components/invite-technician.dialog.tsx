import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { inviteTechnicianSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useInviteTechnician } from '../api/invite-technician.mutation.ts';
import { InviteDialog } from './invite.dialog.tsx';

const empty = { name: '', email: '' };

/** A contractor admin adds a technician; technicians sign in with emailed links, no password. */
export function InviteTechnicianDialog() {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const invite = useInviteTechnician();
  const form = useForm({ resolver: resolveWith(inviteTechnicianSchema), defaultValues: empty });

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
      setFailure(applyServerErrors(error, form.setError, ['name', 'email']));
    }
  });

  return (
    <InviteDialog
      triggerLabel="Invite technician"
      title="Invite a technician"
      description="Technicians see only the jobs you assign them, and sign in with a link we email them."
      isOpen={isOpen}
      onOpenChange={changeOpen}
      onSubmit={submit}
      isPending={invite.isPending}
      failure={failure}
    >
      <FormTextField control={form.control} name="name" label="Name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
    </InviteDialog>
  );
}
