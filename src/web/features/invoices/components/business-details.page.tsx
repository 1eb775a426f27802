import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contractorProfileInputSchema } from '../../../../shared/schemas/invoice.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { describeValue, StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { type ProfileChanges, useContractorProfile, useProfileEdit } from '../api/contractor-profile.query.ts';
import type { ContractorProfile } from '../api/invoice.types.ts';

const fields = ['legalName', 'address', 'taxId', 'bankDetails', 'email', 'phone'] as const;
const labels: Record<(typeof fields)[number], string> = {
  legalName: 'Legal name',
  address: 'Address',
  taxId: 'Tax id (VAT number)',
  bankDetails: 'Bank details',
  email: 'Billing email',
  phone: 'Phone',
};

function valuesOf(profile: ContractorProfile): ProfileChanges {
  return Object.fromEntries(fields.map((f) => [f, profile[f]])) as ProfileChanges;
}

function DetailsForm({ profile }: { profile: ContractorProfile }) {
  const edit = useProfileEdit();
  const [failure, setFailure] = useState<string | null>(null);
  const canEdit = profile.abilities.edit;
  const form = useForm<ProfileChanges>({ resolver: resolveWith(contractorProfileInputSchema), values: valuesOf(profile) });

  async function save(run: () => Promise<ContractorProfile | null>) {
    setFailure(null);
    try {
      if (await run()) toastSuccess('Business details saved');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, [...fields]));
    }
  }
  const submit = form.handleSubmit((values) => save(() => edit.save(profile.version, values)));

  return (
    <Section
      title="Printed on your invoices"
      description={
        profile.updatedAt
          ? `Last saved ${formatDateTime(profile.updatedAt)}.`
          : 'Not filled in yet: Portico needs them to generate an invoice PDF.'
      }
    >
      {canEdit ? null : <Alert tone="info">You can see these details; an admin of your business can change them.</Alert>}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <StaleVersionAlert
          what="the business details"
          fields={Object.entries(edit.conflict.changes)
            .filter(([key, value]) => edit.conflict!.current[key as keyof ContractorProfile] !== value)
            .map(([key, value]) => ({
              label: labels[key as (typeof fields)[number]] ?? key,
              yours: describeValue(value),
              current: describeValue(edit.conflict!.current[key as keyof ContractorProfile]),
            }))}
          onReapply={() => void save(edit.reapply)}
          onDiscard={edit.dismiss}
          isPending={edit.isReapplying}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="flex max-w-lg flex-col gap-4">
        <FormTextField
          control={form.control}
          name="legalName"
          label={labels.legalName}
          autoComplete="organization"
          isReadOnly={!canEdit}
          isRequired
        />
        <FormTextField
          control={form.control}
          name="address"
          label={labels.address}
          multiline
          rows={3}
          autoComplete="street-address"
          isReadOnly={!canEdit}
          isRequired
        />
        <FormTextField control={form.control} name="taxId" label={labels.taxId} isReadOnly={!canEdit} />
        <FormTextField
          control={form.control}
          name="bankDetails"
          label={labels.bankDetails}
          description="Where the company pays you: IBAN and BIC, or account and sort code."
          multiline
          rows={3}
          isReadOnly={!canEdit}
        />
        <FormTextField control={form.control} name="email" label={labels.email} type="email" autoComplete="email" isReadOnly={!canEdit} />
        <FormTextField control={form.control} name="phone" label={labels.phone} type="tel" autoComplete="tel" isReadOnly={!canEdit} />
        {canEdit ? (
          <div>
            <Button type="submit" isDisabled={form.formState.isSubmitting || !form.formState.isDirty}>
              {form.formState.isSubmitting ? 'Saving…' : 'Save business details'}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

/** The contractor's business details (settings): what Portico prints on the invoices it generates. */
export function BusinessDetailsPage() {
  const query = useContractorProfile();
  return (
    <>
      <PageHeader
        title="Business details"
        description="Your legal name, address, tax id and bank details, as they appear on your invoices."
      />
      <QueryView query={query} loadingLabel="Loading your business details…">
        {(profile) => <DetailsForm profile={profile} />}
      </QueryView>
    </>
  );
}
