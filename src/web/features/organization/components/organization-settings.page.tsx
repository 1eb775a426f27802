import { type ReactNode, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { isTimeZone, listTimeZones } from '../../../../shared/domain/time-zone.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FormComboBoxField } from '../../../components/ui/combo-box.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { describeValue, StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatDate } from '../../../lib/format.intl.ts';
import { type Organization, useCurrentOrganization } from '../api/get-current-organization.query.ts';
import { type OrganizationChanges, useOrganizationEdit } from '../api/update-organization.mutation.ts';

const settingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the organization name.').max(160),
  timeZone: z
    .string({ error: 'Choose a time zone.' })
    .min(1, 'Choose a time zone.')
    .refine(isTimeZone, 'Choose a time zone from the list.'),
  requireTwoFactor: z.boolean(),
});

const settingLabels: Record<string, string> = {
  name: 'Organization name',
  timeZone: 'Time zone',
  requireTwoFactor: 'Require two-factor sign-in',
  autoApproveDays: 'Days in review before auto-approval',
};

const zoneOptions = listTimeZones().map((zone) => ({ id: zone, label: zone.replaceAll('_', ' ') }));

/** The zones to choose from, with the organization's own even when the browser spells it otherwise. */
function zoneOptionsWith(current: string) {
  return zoneOptions.some((o) => o.id === current) ? zoneOptions : [{ id: current, label: current.replaceAll('_', ' ') }, ...zoneOptions];
}

/** Only what the person changed, compared with the version they edited. */
function changedSettings(organization: Organization, values: OrganizationChanges): OrganizationChanges {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => organization[key as keyof Organization] !== value),
  ) as OrganizationChanges;
}

/** The unsaved values beside the current ones, for the alert after losing to someone else's save. */
function staleFields(conflict: { changes: OrganizationChanges; current: Organization }) {
  return Object.entries(conflict.changes).map(([key, value]) => ({
    label: settingLabels[key] ?? key,
    yours: describeValue(value),
    current: describeValue(conflict.current[key as keyof Organization]),
  }));
}

function SettingsForm({ organization }: { organization: Organization }) {
  const edit = useOrganizationEdit();
  const [failure, setFailure] = useState<string | null>(null);
  const canUpdate = organization.abilities.update === true;
  const form = useForm({
    resolver: resolveWith(settingsSchema),
    values: { name: organization.name, timeZone: organization.timeZone, requireTwoFactor: organization.requireTwoFactor },
  });

  async function save(run: () => Promise<Organization | null>) {
    setFailure(null);
    try {
      if (await run()) toastSuccess('Settings saved');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['name', 'timeZone', 'requireTwoFactor']));
    }
  }
  const submit = form.handleSubmit((values) => save(() => edit.save(organization.version, changedSettings(organization, values))));

  return (
    <Section title="General" description={`On Portico since ${formatDate(organization.createdAt)}.`}>
      {canUpdate ? null : <Alert tone="info">You can see these settings; an owner or admin can change them.</Alert>}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <StaleVersionAlert
          what="these settings"
          fields={staleFields(edit.conflict)}
          onReapply={() => void save(edit.reapply)}
          onDiscard={edit.dismiss}
          isPending={edit.isReapplying}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="flex max-w-lg flex-col gap-4">
        <FormTextField
          control={form.control}
          name="name"
          label="Organization name"
          autoComplete="organization"
          isReadOnly={!canUpdate}
          isRequired
        />
        <FormComboBoxField
          control={form.control}
          name="timeZone"
          label="Time zone"
          options={zoneOptionsWith(organization.timeZone)}
          isReadOnly={!canUpdate}
          isRequired
          description="Your calendar: a milestone is overdue the day after its due date here, and reminders and auto-approval count days here. Type a city to search."
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
            <Button type="submit" isDisabled={form.formState.isSubmitting || !form.formState.isDirty}>
              {form.formState.isSubmitting ? 'Saving…' : 'Save changes'}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

const autoApproveSchema = z
  .object({
    enabled: z.boolean(),
    days: z.string().trim(),
  })
  .superRefine((values, ctx) => {
    if (values.enabled && !/^\d{1,2}$/.test(values.days))
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'Enter a whole number of days, from 1 to 90.' });
    else if (values.enabled && (Number(values.days) < 1 || Number(values.days) > 90))
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'Choose between 1 and 90 days.' });
  })
  .transform((values) => ({ autoApproveDays: values.enabled ? Number(values.days) : null }));

function AutoApproveForm({ organization }: { organization: Organization }) {
  const edit = useOrganizationEdit();
  const [failure, setFailure] = useState<string | null>(null);
  const canUpdate = organization.abilities.update === true;
  const form = useForm({
    resolver: resolveWith(autoApproveSchema),
    values: { enabled: organization.autoApproveDays !== null, days: String(organization.autoApproveDays ?? 14) },
  });
  const enabled = useWatch({ control: form.control, name: 'enabled' });

  async function save(run: () => Promise<Organization | null>) {
    setFailure(null);
    try {
      const saved = await run();
      if (saved)
        toastSuccess(
          saved.autoApproveDays === null ? 'Auto-approval turned off' : `Auto-approval after ${saved.autoApproveDays} days turned on`,
        );
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['days'], { autoApproveDays: 'days' }));
    }
  }
  const submit = form.handleSubmit((values) => save(() => edit.save(organization.version, values)));

  return (
    <Section
      title="Milestone review"
      description="Submitted work waits for a reviewer. You can have it approved automatically when nobody has reviewed it for a while."
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <StaleVersionAlert
          what="these settings"
          fields={staleFields(edit.conflict)}
          onReapply={() => void save(edit.reapply)}
          onDiscard={edit.dismiss}
          isPending={edit.isReapplying}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="flex max-w-lg flex-col gap-4">
        <Controller
          control={form.control}
          name="enabled"
          render={({ field }) => (
            <Checkbox
              isSelected={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              isDisabled={!canUpdate}
              description="Off by default. When it is on, a milestone still in review after the number of days below is approved, and its draft payment created, without a reviewer."
            >
              Auto-approve submitted milestones after N days
            </Checkbox>
          )}
        />
        {enabled ? (
          <>
            <FormTextField
              control={form.control}
              name="days"
              label="Days in review before auto-approval"
              inputMode="numeric"
              autoComplete="off"
              isReadOnly={!canUpdate}
              isRequired
              description="From 1 to 90 days."
              className="sm:max-w-72"
            />
            <Alert tone="info">
              Reviewers get a reminder a day before a milestone is approved automatically, so they can still approve it or ask for changes
              themselves.
            </Alert>
          </>
        ) : null}
        {canUpdate ? (
          <div>
            <Button type="submit" isDisabled={form.formState.isSubmitting || !form.formState.isDirty}>
              {form.formState.isSubmitting ? 'Saving…' : 'Save review setting'}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

/** `more`: sections other features own (the payments' four-eyes rule), composed by the route. */
export function OrganizationSettingsPage({ more }: { more?: ReactNode } = {}) {
  const organization = useCurrentOrganization();
  return (
    <>
      <PageHeader
        title="Organization settings"
        description="The name your contractors see, your time zone, how your staff sign in, how submitted work is reviewed, and who approves payments."
      />
      <QueryView query={organization} loadingLabel="Loading settings…">
        {(data) => (
          <div className="flex flex-col gap-6">
            <SettingsForm organization={data} />
            <AutoApproveForm organization={data} />
            {more}
          </div>
        )}
      </QueryView>
    </>
  );
}
