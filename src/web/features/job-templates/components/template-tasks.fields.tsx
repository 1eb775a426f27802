import { type TaskPhotoRule, taskPhotoRules } from '../../../../shared/domain/accreditations.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { photoRuleLabels } from './template-task.text.ts';

export interface TaskDraft {
  /** A key for React only (tasks are replaced as a whole on save). */
  key: string;
  title: string;
  resultRequired: boolean;
  defectsAllowed: boolean;
  photos: TaskPhotoRule;
}

export const newTaskDraft = (): TaskDraft => ({
  key: globalThis.crypto.randomUUID(),
  title: '',
  resultRequired: true,
  defectsAllowed: true,
  photos: 'optional',
});

const photoOptions = taskPhotoRules.map((rule) => ({ id: rule, label: photoRuleLabels[rule] }));

export interface TemplateTasksFieldsProps {
  tasks: TaskDraft[];
  onChange: (tasks: TaskDraft[]) => void;
  /** The server's message for a task's title, by index. */
  titleError: (index: number) => string | undefined;
}

/** The checklist: each task's title and what must be recorded (result, defects, photos); add, remove, reorder. */
export function TemplateTasksFields({ tasks, onChange, titleError }: TemplateTasksFieldsProps) {
  const update = (index: number, change: Partial<TaskDraft>) =>
    onChange(tasks.map((task, i) => (i === index ? { ...task, ...change } : task)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...tasks];
    const [task] = next.splice(index, 1);
    next.splice(index + by, 0, task!);
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-4">
      {tasks.length === 0 ? <p className="text-slate-700">No tasks yet: add the first thing the technician must do.</p> : null}
      <ol className="flex flex-col gap-4">
        {tasks.map((task, index) => (
          <li key={task.key}>
            <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
              <legend className="px-1 font-medium text-slate-900">Task {index + 1}</legend>
              <TextField
                label="What to do"
                value={task.title}
                onChange={(title) => update(index, { title })}
                isRequired
                maxLength={300}
                errorMessage={titleError(index)}
              />
              <Checkbox isSelected={task.resultRequired} onChange={(resultRequired) => update(index, { resultRequired })}>
                A result is required (pass, fail or n.a.)
              </Checkbox>
              <Checkbox isSelected={task.defectsAllowed} onChange={(defectsAllowed) => update(index, { defectsAllowed })}>
                Defects can be recorded
              </Checkbox>
              <SelectField
                label="Photos"
                options={photoOptions}
                value={task.photos}
                onChange={(photos) => update(index, { photos: (photos ?? 'optional') as TaskPhotoRule })}
              />
              <div className="flex flex-wrap gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  isDisabled={index === 0}
                  onPress={() => move(index, -1)}
                  aria-label={`Move task ${index + 1} up`}
                >
                  Move up
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  isDisabled={index === tasks.length - 1}
                  onPress={() => move(index, 1)}
                  aria-label={`Move task ${index + 1} down`}
                >
                  Move down
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onPress={() => onChange(tasks.filter((_, i) => i !== index))}
                  aria-label={`Remove task ${index + 1}`}
                >
                  Remove
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button variant="secondary" onPress={() => onChange([...tasks, newTaskDraft()])} isDisabled={tasks.length >= 200}>
          Add a task
        </Button>
      </div>
    </div>
  );
}
