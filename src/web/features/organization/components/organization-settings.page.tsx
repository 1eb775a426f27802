import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatDate } from '../../../lib/format.intl.ts';
import { type Organization, useCurrentOrganization } from '../api/get-current-organization.query.ts';
import { useUpdateOrganization } from '../api/update-organization.mutation.ts';

const settingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the organization name.').max(160),
  requireTwoFactor: z.boolean(),
});

function SettingsForm({ organization }: { organization: Organization }) {
  const update = useUpdateOrganization();
  const [failure, setFailure] = useState<string | null>(null);
  const canUpdate = organization.abilities.update === true;
  const form = useForm({
    resolver: resolveWith(settingsSchema),
    values: { name: organization.name, requireTwoFactor: organization.requireTwoFactor },
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await update.mutateAsync(values);
      toastSuccess('Settings saved');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['name', 'requireTwoFactor']));
    }
  });

  return (
    <Section title="General" description={`On Portico since ${formatDate(organization.createdAt)}.`}>
      {canUpdate ? null : <Alert tone="info">You can see these settings; an owner or admin can change them.</Alert>}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex max-w-lg flex-col gap-4">
        <FormTextField
          control={form.control}
          name="name"
          label="Organization name"
          autoComplete="organization"
          isReadOnly={!canUpdate}
          isRequired
        />
        <Controller
          control={form.control}
          name="requireTwoFactor"
          render={({ field }) => (
            <Checkbox
              isSelected={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              isDisabled={!canUpdate}
              description="Owners, admins and finance staff must set up an authenticator app before they can use Portico."
            >
              Require two-factor sign-in
            </Checkbox>
          )}
        />
        {canUpdate ? (
          <div>
            <Button type="submit" isDisabled={update.isPending || !form.formState.isDirty}>
              {update.isPending ? 'Saving…' : 'Save changes'}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

export function OrganizationSettingsPage() {
  const organization = useCurrentOrganization();
  return (
    <>
      <PageHeader title="Organization settings" description="The name your contractors see, and how your staff sign in." />
      <QueryView query={organization} loadingLabel="Loading settings…">
        {(data) => <SettingsForm organization={data} />}
      </QueryView>
    </>
  );
}
