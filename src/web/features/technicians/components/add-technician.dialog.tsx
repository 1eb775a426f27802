import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { technicianFormSchema } from '../../../../shared/schemas/technician.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useAddTechnician } from '../api/add-technician.mutation.ts';

type Values = z.input<typeof technicianFormSchema>;
const empty: Values = { name: '', email: '', mobile: '' };

/** An admin adds a technician: in the crew at once (jobs can be assigned), and emailed a link to sign in. */
export function AddTechnicianDialog() {
  const add = useAddTechnician();
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof technicianFormSchema>>({
    resolver: resolveWith(technicianFormSchema),
    defaultValues: empty,
  });

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
      await add.mutateAsync({ name: values.name, email: values.email, mobile: values.mobile || null });
      toastSuccess(`${values.name} is in your crew`, `We emailed ${values.email} a link to sign in.`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['name', 'email', 'mobile']));
    }
  });

  return (
    <ModalDialog
      title="Add a technician"
      isOpen={isOpen}
      onOpenChange={changeOpen}
      trigger={
        <Button>
          <UserPlus aria-hidden="true" className="size-4" />
          Add technician
        </Button>
      }
    >
      <p className="text-slate-700">
        You can assign them jobs right away. They sign in with a link we email them (no password) and see only the jobs you assign.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="name" label="Name" autoComplete="off" isRequired />
        <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="off" isRequired />
        <FormTextField control={form.control} name="mobile" label="Mobile (optional)" type="tel" autoComplete="off" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={add.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add technician'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
