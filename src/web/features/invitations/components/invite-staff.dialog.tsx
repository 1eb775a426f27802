import { inviteStaffSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormSelectField } from '../../../components/ui/select.form.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { useInviteStaff } from '../api/invite-staff.mutation.ts';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { InviteDialog } from './invite.dialog.tsx';
import { useInviteForm } from './invite.form.ts';

const roleOptions = [
  { id: 'admin', label: 'Admin', description: 'Everything, including settings and inviting people' },
  { id: 'manager', label: 'Manager', description: 'Runs contracts, milestones and jobs' },
  { id: 'finance', label: 'Finance', description: 'Invoices and payments' },
  { id: 'viewer', label: 'Viewer', description: 'Sees everything, changes nothing' },
];

type StaffForm = { name: string; email: string; role: 'admin' | 'manager' | 'finance' | 'viewer' };
const empty: StaffForm = { name: '', email: '', role: 'manager' };

/** Opened by its launcher in src/web/app/lazy.pages.ts, which loads this file when it is wanted. */
export function InviteStaffDialog(state: LaunchedDialogProps) {
  const invite = useInviteStaff();
  const { form, dialog } = useInviteForm({
    state,
    schema: inviteStaffSchema,
    empty,
    fields: ['name', 'email', 'role'],
    send: invite.mutateAsync,
  });

  return (
    <InviteDialog
      title="Invite a colleague"
      description="We email them a link to join your organization on Portico."
      isPending={invite.isPending}
      {...dialog}
    >
      <FormTextField control={form.control} name="name" label="Name" autoComplete="name" isRequired />
      <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
      <FormSelectField control={form.control} name="role" label="Role" options={roleOptions} isRequired />
    </InviteDialog>
  );
}
