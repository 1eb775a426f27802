import { AlertTriangle } from 'lucide-react';
import { useState } from 'react';
import { accreditationFlagLabels } from '../../../../shared/domain/accreditation.flags.ts';
import { accreditationLabels, isAccreditationType } from '../../../../shared/domain/accreditations.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDay } from '../../../lib/format.intl.ts';
import { type BulkResult, useDeskBulk } from '../api/desk.bulk.mutation.ts';
import { type DeskSelection, type TechnicianFlags, useTechnicianFlags } from '../api/technician-flags.query.ts';

export type BulkAction = 'staff' | 'accept' | 'reject';

const titles: Record<BulkAction, string> = { staff: 'Assign technicians and a date', accept: 'Accept jobs', reject: 'Reject jobs' };
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

type Flag = TechnicianFlags['technicians'][number]['flags'][number];

function describeFlag(flag: Flag): string {
  const type = isAccreditationType(flag.type) ? accreditationLabels[flag.type] : flag.type;
  const when = flag.expiresOn ? ` (${formatDay(flag.expiresOn)})` : '';
  return `${accreditationFlagLabels[flag.kind]}: ${type}${when}, ${flag.jobs} ${flag.jobs === 1 ? 'job' : 'jobs'}`;
}

export interface DeskBulkDialogProps {
  action: BulkAction;
  selection: DeskSelection;
  count: number;
  onClose: () => void;
  onDone: (result: BulkResult) => void;
}

/** One bulk request on the jobs picked (or every job matching the filter): technicians and a date, accept, or reject. */
export function DeskBulkDialog({ action, selection, count, onClose, onDone }: DeskBulkDialogProps) {
  const bulk = useDeskBulk();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [confirmFlagged, setConfirmFlagged] = useState(false);
  const scheduledOn = isDay(date) ? date : undefined;
  const flags = useTechnicianFlags(action === 'staff' ? selection : null, scheduledOn);
  const people = flags.data?.technicians ?? [];
  const flaggedPicked = people.filter((p) => picked.has(p.id) && p.flags.length > 0);
  const jobs = `${count.toLocaleString()} ${count === 1 ? 'job' : 'jobs'}`;

  const ready =
    action === 'staff'
      ? (picked.size > 0 || scheduledOn !== undefined) && (flaggedPicked.length === 0 || confirmFlagged)
      : action === 'reject'
        ? reason.trim().length > 0
        : true;

  const submit = () => {
    const request =
      action === 'staff'
        ? {
            kind: 'edit' as const,
            body: { selection, technicianIds: picked.size > 0 ? [...picked] : undefined, scheduledOn, confirmFlagged },
          }
        : action === 'accept'
          ? { kind: 'accept' as const, body: { selection, targetOn: scheduledOn } }
          : { kind: 'reject' as const, body: { selection, reason: reason.trim() } };
    bulk.mutate(request, { onSuccess: onDone });
  };

  return (
    <ModalDialog title={titles[action]} isOpen onOpenChange={(open) => (open ? undefined : onClose())}>
      <p className="text-slate-700">
        {action === 'staff'
          ? `For ${jobs}: the technicians picked replace each job's technicians; a date schedules accepted jobs and moves scheduled ones. Each technician gets one email.`
          : action === 'accept'
            ? `Accept ${jobs} that are waiting for your answer. A target date tells the organization when you aim to do the work.`
            : `Reject ${jobs} that are waiting for your answer. The organization sees your reason and can give the work to someone else.`}
      </p>
      {action === 'reject' ? (
        <TextField label="Reason" isRequired multiline rows={3} value={reason} onChange={setReason} />
      ) : (
        <TextField
          label={action === 'staff' ? 'Scheduled date (optional)' : 'Target date (optional)'}
          type="date"
          value={date}
          onChange={setDate}
        />
      )}
      {action === 'staff' ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-900">Technicians</legend>
          {flags.isPending ? <p className="text-slate-700">Checking accreditations…</p> : null}
          {flags.isError ? <p className="text-red-700">{describeError(flags.error)}</p> : null}
          {flags.data && people.length === 0 ? (
            <p className="text-slate-700">Your team has no technicians yet: invite them from Team.</p>
          ) : null}
          {people.map((person) => (
            <Checkbox
              key={person.id}
              isSelected={picked.has(person.id)}
              onChange={(on) => {
                const next = new Set(picked);
                if (on) next.add(person.id);
                else next.delete(person.id);
                setPicked(next);
              }}
              description={
                person.flags.length > 0 ? (
                  <span className="flex flex-col text-amber-900">
                    {person.flags.map((flag) => (
                      <span key={`${flag.kind}:${flag.type}`} className="inline-flex items-center gap-1">
                        <AlertTriangle aria-hidden="true" className="size-4 shrink-0" />
                        {describeFlag(flag)}
                      </span>
                    ))}
                  </span>
                ) : (
                  'Accreditations in order for these jobs'
                )
              }
            >
              {person.name}
            </Checkbox>
          ))}
        </fieldset>
      ) : null}
      {flaggedPicked.length > 0 ? (
        <Checkbox isSelected={confirmFlagged} onChange={setConfirmFlagged}>
          Assign anyway: I have checked the flagged accreditations (this is recorded)
        </Checkbox>
      ) : null}
      {bulk.isError ? (
        <Alert tone="error" title="Nothing was changed">
          {describeError(bulk.error)}
        </Alert>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onClose} isDisabled={bulk.isPending}>
          Cancel
        </Button>
        <Button variant={action === 'reject' ? 'danger' : 'primary'} onPress={submit} isDisabled={!ready || bulk.isPending}>
          {bulk.isPending
            ? 'Working…'
            : action === 'staff'
              ? `Apply to ${jobs}`
              : action === 'accept'
                ? `Accept ${jobs}`
                : `Reject ${jobs}`}
        </Button>
      </div>
    </ModalDialog>
  );
}
