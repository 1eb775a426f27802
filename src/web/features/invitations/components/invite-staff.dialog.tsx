import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { inviteStaffSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormSelectField } from '../../../components/ui/select.tsx';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useInviteStaff } from '../api/invite-staff.mutation.ts';
import { InviteDialog } from './invite.dialog.tsx';

const roleOptions = [
  { id: 'admin', label: 'Admin', description: 'Everything, including settings and inviting people' },
  { id: 'manager', label: 'Manager', description: 'Runs contracts, milestones and jobs' },
  { id: 'finance', label: 'Finance', description: 'Invoices and payments' },
  { id: 'viewer', label: 'Viewer', description: 'Sees everything, changes nothing' },
];

type StaffForm = { name: string; email: string; role: 'admin' | 'manager' | 'finance' | 'viewer' };
const empty: StaffForm = { name: '', email: '', role: 'manager' };

export function InviteStaffDialog() {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const invite = useInviteStaff();
  const form = useForm({ resolver: resolveWith(inviteStaffSchema), defaultValues: empty });

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
      setFailure(applyServerErrors(error, form.setError, ['name', 'email', 'role']));
    }
  });

  return (
    <InviteDialog
      triggerLabel="Invite staff"
      title="Invite a colleague"
      description="We email them a link to join your organization on Portico."
      isOpen={isOpen}
      onOpenChange={changeOpen}
      onSubmit={submit}
      isPending={invite.isPending}
      failure={failure}
    >
      <FormTextField control={form.control} name="name" label="Name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
      <FormSelectField control={form.control} name="role" label="Role" options={roleOptions} isRequired />
    </InviteDialog>
  );
}
