import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { useTemplate } from '../api/get-template.query.ts';
import type { JobTemplate } from '../api/list-templates.query.ts';
import { type TemplateInput, useCreateTemplate, useDeleteTemplate, useTemplateEdit } from '../api/save-template.mutation.ts';
import { describeTaskRecord } from './template-task.text.ts';
import { newTaskDraft, type TaskDraft, TemplateTasksFields } from './template-tasks.fields.tsx';

export interface TemplateEditorPageProps {
  /** Absent: a new template. */
  templateId?: string;
  onSaved: (id: string) => void;
  onDeleted: () => void;
}

interface Failure {
  message: string;
  fields: Record<string, string>;
}

function failureOf(error: unknown): Failure {
  const fields = Object.fromEntries(
    (isApiError(error) ? (error.fieldErrors ?? []) : []).map((e) => [e.path.replace(/^body\./, ''), e.message]),
  );
  return { message: describeError(error), fields };
}

function inputOf(name: string, description: string, tasks: TaskDraft[]): TemplateInput {
  return {
    name,
    description,
    tasks: tasks.map(({ title, resultRequired, defectsAllowed, photos }) => ({ title, resultRequired, defectsAllowed, photos })),
  };
}

interface TemplateFormProps {
  template: JobTemplate | null;
  pending: boolean;
  failure: Failure | null;
  onSubmit: (input: TemplateInput) => void;
}

/** Name, description and the checklist; submits the whole template. */
function TemplateForm({ template, pending, failure, onSubmit }: TemplateFormProps) {
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [tasks, setTasks] = useState<TaskDraft[]>(() =>
    template ? template.tasks.map((task) => ({ ...task, key: globalThis.crypto.randomUUID() })) : [newTaskDraft()],
  );
  return (
    <form
      noValidate
      className="flex max-w-2xl flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(inputOf(name, description, tasks));
      }}
    >
      <Section title="Template">
        <div className="flex flex-col gap-4">
          <TextField label="Name" value={name} onChange={setName} isRequired maxLength={200} errorMessage={failure?.fields.name} />
          <TextField
            label="Description"
            description="Optional: when to use it."
            value={description}
            onChange={setDescription}
            multiline
            rows={2}
            errorMessage={failure?.fields.description}
          />
        </div>
      </Section>
      <Section title="Service tasks" description="The checklist the technician works through, in this order.">
        <TemplateTasksFields tasks={tasks} onChange={setTasks} titleError={(i) => failure?.fields[`tasks.${i}.title`]} />
      </Section>
      <div>
        <Button type="submit" isDisabled={pending}>
          {pending ? 'Saving…' : template ? 'Save template' : 'Create template'}
        </Button>
      </div>
    </form>
  );
}

function ReadOnlyTemplate({ template }: { template: JobTemplate }) {
  return (
    <Section title="Service tasks">
      {template.description ? <p className="mb-3 whitespace-pre-line text-slate-700">{template.description}</p> : null}
      <ol className="flex flex-col gap-2">
        {template.tasks.map((task) => (
          <li key={task.position} className="rounded-md border border-slate-300 p-3">
            <p className="font-medium text-slate-900">
              {task.position}. {task.title}
            </p>
            <p className="text-sm text-slate-700">{describeTaskRecord(task)}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function NewTemplate({ onSaved }: Pick<TemplateEditorPageProps, 'onSaved'>) {
  const create = useCreateTemplate();
  const [failure, setFailure] = useState<Failure | null>(null);
  return (
    <>
      <PageHeader title="New job template" description="A checklist of service tasks; each says what the technician must record." />
      {failure ? (
        <Alert tone="error" className="mb-6">
          {failure.message}
        </Alert>
      ) : null}
      <TemplateForm
        template={null}
        pending={create.isPending}
        failure={failure}
        onSubmit={(input) => {
          setFailure(null);
          create.mutate(input, {
            onSuccess: (saved) => {
              toastSuccess('Template created', `Pick “${saved.name}” when you create a job.`);
              onSaved(saved.id);
            },
            onError: (error) => setFailure(failureOf(error)),
          });
        }}
      />
    </>
  );
}

function EditTemplate({ template, onDeleted }: { template: JobTemplate; onDeleted: () => void }) {
  const edit = useTemplateEdit(template.id);
  const remove = useDeleteTemplate();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const conflict = edit.conflict;
  const save = async (input: TemplateInput, run: () => Promise<JobTemplate | null>) => {
    setFailure(null);
    try {
      if (await run()) toastSuccess('Template saved', 'New jobs copy these tasks; jobs already created keep theirs.');
    } catch (error) {
      setFailure(failureOf(error));
    }
    return input;
  };
  return (
    <>
      <PageHeader
        title={template.name}
        description={`${template.tasks.length} task${template.tasks.length === 1 ? '' : 's'}`}
        actions={
          template.abilities.delete ? (
            <ConfirmDialog
              title="Delete this template"
              message="New jobs can no longer pick it. Jobs already created from it keep their tasks."
              confirmLabel="Delete template"
              isOpen={confirming}
              onOpenChange={setConfirming}
              isPending={remove.isPending}
              trigger={<Button variant="danger">Delete template</Button>}
              onConfirm={() =>
                remove.mutate(template.id, {
                  onSuccess: () => {
                    toastSuccess('Template deleted');
                    onDeleted();
                  },
                  onError: (error) => {
                    setConfirming(false);
                    setFailure(failureOf(error));
                  },
                })
              }
            />
          ) : null
        }
      />
      {failure ? (
        <Alert tone="error" className="mb-6">
          {failure.message}
        </Alert>
      ) : null}
      {conflict ? (
        <div className="mb-6">
          <StaleVersionAlert
            what="this template"
            fields={[
              { label: 'Name', yours: conflict.changes.name, current: conflict.current.name },
              { label: 'Tasks', yours: String(conflict.changes.tasks?.length ?? 0), current: String(conflict.current.tasks.length) },
            ]}
            isPending={edit.isReapplying}
            onReapply={() => void save(conflict.changes, edit.reapply)}
            onDiscard={edit.dismiss}
          />
        </div>
      ) : null}
      {template.abilities.edit ? (
        <TemplateForm
          key={template.version}
          template={template}
          pending={edit.isPending}
          failure={failure}
          onSubmit={(input) => void save(input, () => edit.save(template.version, input))}
        />
      ) : (
        <ReadOnlyTemplate template={template} />
      )}
    </>
  );
}

function LoadedTemplate({ templateId, onDeleted }: { templateId: string; onDeleted: () => void }) {
  const template = useTemplate(templateId);
  return (
    <QueryView query={template} loadingLabel="Loading the template…">
      {(data) => <EditTemplate template={data} onDeleted={onDeleted} />}
    </QueryView>
  );
}

/** A new template, or one template to edit (If-Match; a stale save offers to re-apply) or delete, from its abilities. */
export function TemplateEditorPage({ templateId, onSaved, onDeleted }: TemplateEditorPageProps) {
  return (
    <>
      <BackLink href="/app/jobs/templates" label="All templates" />
      {templateId ? <LoadedTemplate templateId={templateId} onDeleted={onDeleted} /> : <NewTemplate onSaved={onSaved} />}
    </>
  );
}
