import { useState } from 'react';
import {
  accreditationLabels,
  accreditationTypes,
  type AccreditationType,
  jobPriorities,
  type JobPriority,
} from '../../../../shared/domain/accreditations.ts';
import { getMinorDigits } from '../../../../shared/domain/money.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useCreateJob } from '../api/create-job.mutation.ts';
import { useActiveEngagements } from '../api/list-active-engagements.query.ts';
import { useJobTemplates } from '../api/list-job-templates.query.ts';

/** "1250.50" in minor units of the currency, or null when it is not an amount. */
function toMinor(amount: string, currency: string): number | null {
  const digits = getMinorDigits(currency);
  if (!/^\d+(\.\d+)?$/.test(amount)) return null;
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** The company creates a job on an active engagement: it is assigned to that contractor, who is emailed. */
export function CreateJobPage({ onCreated }: { onCreated: (id: string) => void }) {
  const engagements = useActiveEngagements();
  const templates = useJobTemplates();
  const create = useCreateJob();
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [f, setF] = useState({
    siteName: '',
    siteAddress: '',
    dueOn: '',
    description: '',
    accessDetails: '',
    poNumber: '',
    poAmount: '',
    poCurrency: '',
  });
  const [priority, setPriority] = useState<JobPriority>('normal');
  const [accreditations, setAccreditations] = useState<AccreditationType[]>([]);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const uploads = useUploads(engagementId);
  const set = (key: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [key]: value }));
  const fieldError = (name: string) => failure?.fields[name] ?? failure?.fields[`body.${name}`];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!engagementId) {
      setFailure({ message: 'Choose the contractor.', fields: { engagementId: 'Choose the contractor.' } });
      return;
    }
    const currency = f.poCurrency.trim().toUpperCase();
    const poAmountMinor = f.poAmount ? toMinor(f.poAmount.trim(), currency) : null;
    if (f.poAmount && poAmountMinor === null) {
      setFailure({ message: 'The PO amount is not an amount.', fields: { poAmountMinor: 'Use digits and a dot, e.g. 1250.50.' } });
      return;
    }
    setFailure(null);
    try {
      const job = await create.mutateAsync({
        engagementId,
        templateId: templateId ?? undefined,
        siteName: f.siteName,
        siteAddress: f.siteAddress,
        dueOn: f.dueOn,
        description: f.description,
        accessDetails: f.accessDetails,
        priority,
        poNumber: f.poNumber || null,
        poAmountMinor,
        poCurrency: currency || null,
        requiredAccreditations: accreditations,
        fileIds: uploads.doneFiles.map((file) => file.id),
      });
      toastSuccess(`Job ${job.number} created`, `${job.contractor.name} is told by email.`);
      onCreated(job.id);
    } catch (error) {
      const fields = Object.fromEntries((isApiError(error) ? (error.fieldErrors ?? []) : []).map((e) => [e.path, e.message]));
      setFailure({ message: describeError(error), fields });
    }
  }

  const chosenTemplate = templates.data?.items.find((t) => t.id === templateId);
  const engagementOptions = (engagements.data?.items ?? []).map((e) => ({ id: e.id, label: e.contractor.name }));
  const templateOptions = [
    { id: 'none', label: 'No checklist' },
    ...(templates.data?.items ?? []).map((t) => ({ id: t.id, label: `${t.name} (${t.tasks.length} tasks)` })),
  ];
  return (
    <>
      <BackLink href="/app/jobs" label="All jobs" />
      <PageHeader title="New job" description="The job is assigned to the contractor at once; they are emailed a summary and a link." />
      {failure ? (
        <Alert tone="error" className="mb-6">
          {failure.message}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="flex max-w-2xl flex-col gap-6">
        <Section title="Who and where">
          <div className="flex flex-col gap-4">
            <SelectField
              label="Contractor"
              options={engagementOptions}
              value={engagementId}
              onChange={setEngagementId}
              isRequired
              errorMessage={fieldError('engagementId')}
              placeholder="Choose a contractor"
            />
            <TextField label="Site name" value={f.siteName} onChange={set('siteName')} isRequired errorMessage={fieldError('siteName')} />
            <TextField
              label="Site address"
              value={f.siteAddress}
              onChange={set('siteAddress')}
              isRequired
              errorMessage={fieldError('siteAddress')}
            />
            <TextField
              label="Access details"
              description="Gate codes, keys, the contact on site."
              value={f.accessDetails}
              onChange={set('accessDetails')}
              multiline
              rows={3}
            />
          </div>
        </Section>
        <Section title="The work">
          <div className="flex flex-col gap-4">
            <TextField label="Due date" type="date" value={f.dueOn} onChange={set('dueOn')} isRequired errorMessage={fieldError('dueOn')} />
            <SelectField
              label="Priority"
              options={jobPriorities.map((p) => ({ id: p, label: p[0]!.toUpperCase() + p.slice(1) }))}
              value={priority}
              onChange={(v) => setPriority((v ?? 'normal') as JobPriority)}
            />
            <TextField label="Description" value={f.description} onChange={set('description')} multiline rows={4} />
            <SelectField
              label="Service tasks from a template"
              options={templateOptions}
              value={templateId ?? 'none'}
              onChange={(v) => setTemplateId(v === 'none' ? null : v)}
              description={
                templates.isSuccess && templates.data.items.length === 0 ? (
                  <>
                    No templates yet: <TextLink href="/app/jobs/templates/new">create one</TextLink> for work you order often.
                  </>
                ) : undefined
              }
            />
            {chosenTemplate ? (
              <div className="rounded-md border border-slate-300 p-3">
                <p className="font-medium text-slate-900">The job gets these tasks</p>
                <ol className="mt-1 list-decimal pl-5 text-slate-700">
                  {chosenTemplate.tasks.map((task) => (
                    <li key={task.position}>
                      {task.title} ({task.resultRequired ? 'result required' : 'result optional'}, photos {task.photos})
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 font-medium text-slate-900">Required accreditations</legend>
              {accreditationTypes.map((type) => (
                <Checkbox
                  key={type}
                  isSelected={accreditations.includes(type)}
                  onChange={(on) => setAccreditations((list) => (on ? [...list, type] : list.filter((t) => t !== type)))}
                >
                  {accreditationLabels[type]}
                </Checkbox>
              ))}
            </fieldset>
          </div>
        </Section>
        <Section title="Purchase order" description="Optional. Give the amount and its currency together.">
          <div className="flex flex-col gap-4 sm:flex-row">
            <TextField label="PO number" value={f.poNumber} onChange={set('poNumber')} errorMessage={fieldError('poNumber')} />
            <TextField
              label="Amount"
              value={f.poAmount}
              onChange={set('poAmount')}
              inputMode="decimal"
              errorMessage={fieldError('poAmountMinor')}
            />
            <TextField
              label="Currency"
              description="e.g. EUR"
              value={f.poCurrency}
              onChange={set('poCurrency')}
              maxLength={3}
              errorMessage={fieldError('poCurrency')}
            />
          </div>
        </Section>
        <Section title="Documents for the contractor">
          {engagementId ? (
            <div className="flex flex-col gap-3">
              <FileDrop label="Documents" description="Plans, permits, instructions." onFiles={uploads.add} />
              <UploadList items={uploads.items} onRemove={uploads.remove} label="Documents being uploaded" />
            </div>
          ) : (
            <p className="text-slate-700">Choose the contractor first: documents are uploaded for that engagement.</p>
          )}
        </Section>
        <div>
          <Button type="submit" isDisabled={create.isPending || uploads.isUploading}>
            {create.isPending ? 'Creating…' : 'Create and assign job'}
          </Button>
        </div>
      </form>
    </>
  );
}
