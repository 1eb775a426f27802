import { HardHat } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { formatDay } from '../../../lib/format.intl.ts';
import { useJobStaffing, useStaffJob } from '../api/job-staffing.api.ts';
import type { TechnicianChoice } from '../api/technician.types.ts';
import { AssignAnywayDialog, TechnicianPicker } from './technician.picker.tsx';

export interface JobTechniciansSectionProps {
  jobId: string;
  /** From the job's abilities: the contractor may assign technicians now. */
  canAssign: boolean;
}

/**
 * A job's technicians on the contractor's job page: who is on it, and "Assign technicians"
 * (with the scheduled date; an accepted job becomes scheduled), with the flags beside each
 * name and "Assign anyway" when one is flagged.
 */
export function JobTechniciansSection({ jobId, canAssign }: JobTechniciansSectionProps) {
  const staffing = useJobStaffing(jobId);
  const staff = useStaffJob();
  const [isOpen, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [flagged, setFlagged] = useState<TechnicianChoice[]>([]);
  const [day, setDay] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function open() {
    setPicked(staffing.data?.technicians.map((t) => t.id) ?? []);
    setFlagged([]);
    setDay(staffing.data?.scheduledOn ?? '');
    setFailure(null);
    setOpen(true);
  }

  async function send(confirmFlags: boolean) {
    setFailure(null);
    try {
      await staff.mutateAsync({ jobId, technicianIds: picked, scheduledOn: day || undefined, confirmFlags });
      toastSuccess('Technicians assigned', 'Each newly assigned technician gets an email.');
      setConfirming(false);
      setOpen(false);
    } catch (error) {
      if (isApiError(error) && error.code === 'CONFIRMATION_REQUIRED') {
        setConfirming(true);
        return;
      }
      setConfirming(false);
      setFailure(describeError(error));
    }
  }

  return (
    <Section title="Technicians" actions={canAssign ? <Button onPress={open}>Assign technicians</Button> : null}>
      <QueryView query={staffing} loadingLabel="Loading the technicians…">
        {(s) =>
          s.technicians.length === 0 ? (
            <p className="flex items-center gap-2 text-slate-700">
              <HardHat aria-hidden="true" className="size-4" />
              No technician on this job yet.
            </p>
          ) : (
            <ul aria-label="Technicians on this job" className="flex flex-wrap gap-2">
              {s.technicians.map((t) => (
                <li key={t.id}>
                  <Badge tone={t.flagOverrideConfirmed ? 'amber' : 'neutral'}>
                    {t.name}
                    {t.flagOverrideConfirmed ? ' (assigned despite a flag)' : ''}
                  </Badge>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {staffing.data?.scheduledOn ? <p className="mt-2 text-sm text-slate-700">Scheduled {formatDay(staffing.data.scheduledOn)}</p> : null}
      <ModalDialog title="Assign technicians" isOpen={isOpen} onOpenChange={setOpen}>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <TextField
          label="Scheduled date"
          type="date"
          value={day}
          onChange={setDay}
          description="The day the technicians go on site. Flags are judged on it."
        />
        <TechnicianPicker
          jobIds={[jobId]}
          scheduledOn={day || null}
          value={picked}
          onChange={(ids, flags) => {
            setPicked(ids);
            setFlagged(flags);
          }}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={staff.isPending}>
            Cancel
          </Button>
          <Button onPress={() => (flagged.length > 0 ? setConfirming(true) : void send(false))} isDisabled={staff.isPending}>
            {staff.isPending ? 'Assigning…' : 'Assign'}
          </Button>
        </div>
      </ModalDialog>
      <AssignAnywayDialog
        flagged={flagged}
        jobCount={1}
        isOpen={confirming}
        onOpenChange={setConfirming}
        onConfirm={() => void send(true)}
        isPending={staff.isPending}
      />
    </Section>
  );
}
