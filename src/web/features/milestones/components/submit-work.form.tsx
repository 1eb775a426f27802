import { Plus, Send } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { submitMilestoneSchema } from '../../../../shared/schemas/milestone.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { toFieldName } from '../../../lib/form.errors.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import type { MilestoneDetail } from '../api/milestone.types.ts';
import { useSubmitMilestone } from '../api/submit-milestone.mutation.ts';

interface SubmitFormValues {
  links: Array<{ url: string }>;
  note: string;
}

const empty: SubmitFormValues = { links: [{ url: '' }], note: '' };

/** An address typed without its scheme ("example.com/design") is completed to https://. */
export function completeLink(typed: string): string {
  const url = typed.trim();
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `https://${url.replace(/^\/+/, '')}`;
}

/** The "at least one file, link or note" error: it goes as soon as there is one. */
const NOTHING_TO_SUBMIT = 'nothingToSubmit';

/** "links.1" (shared schema, server) → "links.1.url" (this form's field). */
function formPath(path: string): string {
  const name = toFieldName(path);
  return /^links\.\d+$/.test(name) ? `${name}.url` : name;
}

export interface SubmitWorkFormProps {
  milestone: MilestoneDetail;
  /** Where files go: the contract's engagement, so the company can open them. */
  engagementId: string;
}

/** Files (dropped or chosen, uploading with progress), links and a note, then "Ready for review". */
export function SubmitWorkForm({ milestone, engagementId }: SubmitWorkFormProps) {
  const submit = useSubmitMilestone();
  const uploads = useUploads(engagementId);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SubmitFormValues>({ defaultValues: empty });
  const links = useFieldArray({ control: form.control, name: 'links' });
  const resubmitting = milestone.submissions.length > 0;
  const typedLinks = form.watch('links');
  const note = form.watch('note');
  const hasSomething = uploads.items.length > 0 || typedLinks.some((link) => link.url.trim()) || note.trim().length > 0;
  const nothingError = form.formState.errors.note?.type === NOTHING_TO_SUBMIT;
  useEffect(() => {
    if (hasSomething && nothingError) form.clearErrors('note');
  }, [hasSomething, nothingError, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    form.clearErrors();
    if (uploads.isUploading) {
      setFailure('Wait until every file has finished uploading, or remove the ones still uploading.');
      return;
    }
    values.links.forEach((link, index) => {
      const completed = completeLink(link.url);
      if (completed !== link.url) form.setValue(`links.${index}.url`, completed);
    });
    const input = {
      fileIds: uploads.doneFiles.map((file) => file.id),
      links: values.links.map((link) => completeLink(link.url)).filter(Boolean),
      note: values.note,
    };
    // The shared schema checks links and "at least one file, link or note", as the server will.
    const checked = submitMilestoneSchema.safeParse(input);
    if (!checked.success) {
      // Issues name the position among the non-empty links: find the row it came from.
      const filled = values.links.map((link, index) => ({ index, url: completeLink(link.url) })).filter((link) => link.url);
      for (const issue of checked.error.issues) {
        const [first, second] = issue.path;
        if (first === 'links' && typeof second === 'number') {
          const row = filled[second]?.index ?? 0;
          form.setError(`links.${row}.url`, { type: 'schema', message: issue.message }, { shouldFocus: true });
        } else if (first === 'note')
          form.setError(
            'note',
            { type: issue.code === 'custom' ? NOTHING_TO_SUBMIT : 'schema', message: issue.message },
            { shouldFocus: true },
          );
        else setFailure(issue.message);
      }
      return;
    }
    try {
      await submit.mutateAsync({ id: milestone.id, input: checked.data });
      toastSuccess('Submitted for review', `${milestone.organization.name} is told your work is ready.`);
      uploads.reset();
      form.reset(empty);
    } catch (error) {
      let unmatched = !isApiError(error) || error.fieldErrors.length === 0;
      if (isApiError(error)) {
        for (const problem of error.fieldErrors) {
          const path = formPath(problem.path);
          if (path === 'note' || /^links\.\d+\.url$/.test(path))
            form.setError(path as 'note', { type: 'server', message: problem.message }, { shouldFocus: true });
          else unmatched = true;
        }
      }
      if (unmatched) setFailure(describeError(error));
    }
  });

  return (
    <Section
      id="submit-work"
      title={resubmitting ? 'Submit a new version' : 'Submit work'}
      description="Add files, links or a note (at least one), then mark the milestone ready for review."
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <div className="flex flex-col gap-2">
          <FileDrop
            label="Deliverables"
            onFiles={uploads.add}
            buttonLabel="Choose files"
            description="Several files at once; each uploads straight away and can be removed before you submit."
          />
          <UploadList items={uploads.items} onRemove={uploads.remove} label="Files for this submission" />
        </div>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-900">Links</legend>
          <p className="-mt-2 text-sm text-slate-600">
            Work kept elsewhere, such as a design file, a repository or a shared folder: an address such as example.com/design (https:// is
            added if you leave it out)
          </p>
          {links.fields.map((field, index) => (
            <div key={field.id} className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <FormTextField
                control={form.control}
                name={`links.${index}.url`}
                label={`Link ${index + 1}`}
                type="url"
                inputMode="url"
                autoComplete="url"
                className="flex-1"
              />
              {links.fields.length > 1 || form.watch(`links.${index}.url`) ? (
                <Button
                  variant="ghost"
                  onPress={() => (links.fields.length > 1 ? links.remove(index) : form.setValue(`links.${index}.url`, ''))}
                  className="sm:mt-6"
                >
                  Remove<span className="sr-only"> link {index + 1}</span>
                </Button>
              ) : null}
            </div>
          ))}
          {links.fields.length < 20 ? (
            <div>
              <Button variant="secondary" size="sm" onPress={() => links.append({ url: '' }, { shouldFocus: true })}>
                <Plus aria-hidden="true" className="size-4" />
                Add a link
              </Button>
            </div>
          ) : null}
        </fieldset>

        <FormTextField
          control={form.control}
          name="note"
          label="Note"
          multiline
          rows={4}
          description={resubmitting ? 'Say what you changed since the last version.' : 'Anything the reviewer should know.'}
        />

        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-end">
          {uploads.isUploading ? (
            <p className="text-sm text-slate-700" aria-live="polite">
              Waiting for uploads to finish…
            </p>
          ) : null}
          <Button type="submit" isDisabled={submit.isPending || uploads.isUploading}>
            <Send aria-hidden="true" className="size-4" />
            {submit.isPending ? 'Submitting…' : 'Ready for review'}
          </Button>
        </div>
      </form>
    </Section>
  );
}
