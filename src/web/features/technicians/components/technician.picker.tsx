import { HardHat } from 'lucide-react';
import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/query-view.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useTechnicianFlags } from '../api/technician-flags.query.ts';
import type { TechnicianChoice } from '../api/technician.types.ts';
import { AccreditationFlagBadges, describeFlag } from './accreditation-flag.badges.tsx';

export interface TechnicianPickerProps {
  /** The jobs the technicians are for (one job, or every job of a bulk edit). */
  jobIds: readonly string[];
  /** The scheduled date about to be set, if any: flags are judged on it. */
  scheduledOn: string | null;
  /** The technician ids picked. */
  value: readonly string[];
  /** The new pick, and which of the picked technicians are flagged (assigning them needs a confirmation). */
  onChange: (ids: string[], flagged: TechnicianChoice[]) => void;
  label?: string;
}

/**
 * Picks technicians of the crew for some jobs, with each one's accreditation flags beside the
 * name (missing, expires before the scheduled date, expires within 30 days). Used for one job
 * and for the desk's bulk edit; pair it with `AssignAnywayDialog` before sending.
 */
export function TechnicianPicker({ jobIds, scheduledOn, value, onChange, label = 'Technicians' }: TechnicianPickerProps) {
  const [q, setQ] = useState('');
  const flags = useTechnicianFlags(jobIds, scheduledOn, q);
  const headingId = useId();
  const choices = flags.data?.technicians ?? [];
  const known = new Map(choices.map((c) => [c.id, c]));

  function toggle(id: string, on: boolean) {
    const ids = on ? [...new Set([...value, id])] : value.filter((v) => v !== id);
    onChange(
      ids,
      ids.flatMap((i) => {
        const choice = known.get(i);
        return choice && choice.flags.length > 0 ? [choice] : [];
      }),
    );
  }

  return (
    <fieldset className="flex flex-col gap-3" aria-labelledby={headingId}>
      <legend id={headingId} className="font-medium text-slate-900">
        {label}
      </legend>
      <TextField label="Find a technician" type="search" value={q} onChange={setQ} description="By name or email." />
      {flags.isPending ? (
        <LoadingState label="Loading your technicians…" />
      ) : flags.isError ? (
        <Alert tone="error">{describeError(flags.error)}</Alert>
      ) : choices.length === 0 ? (
        <EmptyState
          icon={HardHat}
          headingLevel={3}
          title={q ? 'No technician matches' : 'No technicians yet'}
          description={q ? 'Try another name or email.' : 'An admin adds technicians in Team; then you can assign them here.'}
        />
      ) : (
        <ul className="flex max-h-80 flex-col divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-300 bg-white px-3">
          {choices.map((choice) => (
            <li key={choice.id} className="py-2">
              <Checkbox
                isSelected={value.includes(choice.id)}
                onChange={(on) => toggle(choice.id, on)}
                description={
                  choice.flags.length > 0 ? (
                    <AccreditationFlagBadges flags={choice.flags} jobCount={jobIds.length} />
                  ) : jobIds.length > 0 ? (
                    'Accreditations in order'
                  ) : (
                    choice.email
                  )
                }
              >
                {choice.name}
              </Checkbox>
            </li>
          ))}
        </ul>
      )}
      {flags.data?.hasMore ? <p className="text-sm text-slate-600">More technicians than shown: type a name to find them.</p> : null}
    </fieldset>
  );
}

export interface AssignAnywayDialogProps {
  flagged: readonly TechnicianChoice[];
  jobCount: number;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onConfirm: () => void;
  isPending?: boolean;
}

/** "Assign anyway?": names each flagged technician and why; confirming is recorded on the audit trail. */
export function AssignAnywayDialog({ flagged, jobCount, isOpen, onOpenChange, onConfirm, isPending = false }: AssignAnywayDialogProps) {
  return (
    <ModalDialog title="Assign anyway?" isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      <p className="text-slate-700">
        {flagged.length === 1 ? 'This technician does not hold' : 'These technicians do not hold'} every accreditation the{' '}
        {jobCount === 1 ? 'job requires' : 'jobs require'} on the day. Assigning anyway is recorded with your name.
      </p>
      <ul className="flex flex-col gap-2">
        {flagged.map((choice) => (
          <li key={choice.id}>
            <span className="font-medium">{choice.name}</span>
            <ul className="ml-4 list-disc text-sm text-slate-700">
              {choice.flags.map((flag) => (
                <li key={`${flag.kind}:${flag.type}`}>{describeFlag(flag, jobCount)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={isPending}>
          Go back
        </Button>
        <Button variant="danger" onPress={onConfirm} isDisabled={isPending} autoFocus>
          {isPending ? 'Assigning…' : 'Assign anyway'}
        </Button>
      </div>
    </ModalDialog>
  );
}
