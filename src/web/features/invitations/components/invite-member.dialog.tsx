import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { inviteMemberSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useInviteMember } from '../api/invite-member.mutation.ts';
import { InviteDialog } from './invite.dialog.tsx';

const empty = { name: '', email: '', role: 'office' as const };

/** A contractor admin invites an office colleague. */
export function InviteMemberDialog() {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const invite = useInviteMember();
  const form = useForm({ resolver: resolveWith(inviteMemberSchema), defaultValues: empty });

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
      triggerLabel="Invite office member"
      title="Invite an office member"
      description="Office members see your business's work and money for every organization that engages you."
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
