import { Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { defectSeverities, defectSeverityLabels } from '../../../../shared/domain/site-work.ts';
import { Button } from '../../../components/ui/button.tsx';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import { describeError } from '../../../lib/api.client.ts';
import type { SiteTask } from '../api/get-site-sheet.query.ts';
import { siteChanges } from '../api/site-work.changes.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { TextAreaField } from './textarea.field.tsx';

type Result = NonNullable<SiteTask['result']>;
type Defect = SiteTask['defects'][number];

export const resultLabels: Record<Result, string> = { pass: 'Pass', fail: 'Fail', na: 'N/A' };
const results = Object.keys(resultLabels) as Result[];
const severityOptions = defectSeverities.map((s) => ({ id: s, label: defectSeverityLabels[s] }));

/** A task's answer: the result, defects (description and severity), remarks; saved at once, replacing the last answer. */
export function TaskAnswer({
  jobId,
  task,
  sender,
  canAnswer,
}: {
  jobId: string;
  task: SiteTask;
  sender: SiteWorkSender;
  canAnswer: boolean;
}) {
  const id = useId();
  const [result, setResult] = useState<Result | null>(task.result);
  const [defects, setDefects] = useState<Defect[]>(task.defects);
  const [remarks, setRemarks] = useState(task.remarks ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (task.resultRequired && !result) {
      setProblem('Choose a result: pass, fail or N/A.');
      return;
    }
    const blank = defects.findIndex((d) => !d.description.trim());
    if (blank >= 0) {
      setProblem(`Describe defect ${blank + 1}, or remove it.`);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const body = {
        result,
        defects: defects.map((d) => ({ description: d.description.trim(), severity: d.severity })),
        remarks: remarks.trim() || null,
        at: new Date().toISOString(),
      };
      await sender.send(siteChanges.answer(jobId, task, body));
      setSaved(sender.mode === 'queued' && sender.isOffline() ? 'Saved on this phone: sent when the connection returns.' : 'Answer saved.');
    } catch (e) {
      setProblem(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const changeDefect = (index: number, change: Partial<Defect>) =>
    setDefects((list) => list.map((d, i) => (i === index ? { ...d, ...change } : d)));

  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2" disabled={!canAnswer}>
        <legend className="font-medium text-slate-900">Result{task.resultRequired ? ' (required)' : ''}</legend>
        <div className="grid grid-cols-3 gap-2">
          {results.map((value) => (
            <label
              key={value}
              className={`flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-2 font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-700 ${result === value ? 'border-blue-700 bg-blue-50 text-blue-900' : 'border-slate-300 bg-white text-slate-900'}`}
            >
              <input
                type="radio"
                name={`${id}-result`}
                value={value}
                checked={result === value}
                onChange={() => setResult(value)}
                className="size-4"
              />
              {resultLabels[value]}
            </label>
          ))}
        </div>
      </fieldset>
      {task.defectsAllowed ? (
        <fieldset className="flex flex-col gap-3" disabled={!canAnswer}>
          <legend className="font-medium text-slate-900">Defects</legend>
          {defects.length === 0 ? <p className="text-sm text-slate-700">No defects recorded.</p> : null}
          {defects.map((defect, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: defects have no id until saved; the position is what the person edits
            <div key={index} className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3">
              <TextAreaField
                label={`Defect ${index + 1}: description`}
                value={defect.description}
                onChange={(description) => changeDefect(index, { description })}
                maxLength={2000}
                rows={2}
              />
              <NativeSelectField
                label={`Defect ${index + 1}: severity`}
                options={severityOptions}
                value={defect.severity}
                onChange={(severity) => changeDefect(index, { severity: severity as Defect['severity'] })}
              />
              <Button size="sm" variant="ghost" onPress={() => setDefects((list) => list.filter((_, i) => i !== index))}>
                <Trash2 aria-hidden="true" className="size-4" />
                Remove defect {index + 1}
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            variant="secondary"
            isDisabled={!canAnswer}
            onPress={() => setDefects((list) => [...list, { description: '', severity: 'medium' }])}
          >
            <Plus aria-hidden="true" className="size-4" />
            Add a defect
          </Button>
        </fieldset>
      ) : null}
      <TextAreaField label="Remarks (optional)" value={remarks} onChange={setRemarks} maxLength={4000} rows={3} disabled={!canAnswer} />
      {canAnswer ? (
        <Button onPress={() => void save()} isDisabled={busy} className="w-full sm:w-auto">
          Save answer
        </Button>
      ) : null}
      <p aria-live="polite" className={`min-h-5 text-sm ${problem ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {problem ?? saved ?? ''}
      </p>
    </div>
  );
}
