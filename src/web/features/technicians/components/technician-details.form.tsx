import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { mobileSchema } from '../../../../shared/schemas/technician.schema.ts';
import { personNameSchema } from '../../../../shared/schemas/common.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useState } from 'react';
import { useTechnicianEdit } from '../api/update-technician.mutation.ts';
import type { TechnicianDetail } from '../api/technician.types.ts';

const detailsSchema = z.object({ name: personNameSchema, mobile: z.union([z.literal(''), mobileSchema]) }).strict();
type Values = z.input<typeof detailsSchema>;

/** Name and mobile; the email is how they sign in, so it is not edited (remove and add them again instead). */
export function TechnicianDetailsForm({ technician }: { technician: TechnicianDetail }) {
  const edit = useTechnicianEdit(technician.id);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof detailsSchema>>({
    resolver: resolveWith(detailsSchema),
    values: { name: technician.name, mobile: technician.mobile ?? '' },
  });
  const readOnly = !technician.abilities.edit;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await edit.save(technician.version, { name: values.name, mobile: values.mobile || null });
      if (saved) toastSuccess('Details saved');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['name', 'mobile']));
    }
  });

  return (
    <Section title="Details" description={`Signs in as ${technician.email}.`}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <Alert tone="warning" title="Someone saved these details meanwhile">
          <p>
            They now read: {edit.conflict.current.name}, {edit.conflict.current.mobile ?? 'no mobile'}.
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onPress={() => void edit.reapply()} isDisabled={edit.isReapplying}>
              Apply my changes to it
            </Button>
            <Button size="sm" variant="secondary" onPress={edit.dismiss}>
              Keep theirs
            </Button>
          </div>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="flex max-w-lg flex-col gap-4">
        <FormTextField control={form.control} name="name" label="Name" isReadOnly={readOnly} isRequired />
        <FormTextField control={form.control} name="mobile" label="Mobile" type="tel" isReadOnly={readOnly} />
        {readOnly ? null : (
          <div>
            <Button type="submit" isDisabled={edit.isPending}>
              {edit.isPending ? 'Saving…' : 'Save details'}
            </Button>
          </div>
        )}
      </form>
    </Section>
  );
}
