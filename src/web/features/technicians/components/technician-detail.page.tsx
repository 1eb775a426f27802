import { BadgeCheck, Download } from 'lucide-react';
import { useState } from 'react';
import { accreditationLabels } from '../../../../shared/domain/accreditations.ts';
import { addCalendarDays, ACCREDITATION_WARNING_DAYS } from '../../../../shared/domain/accreditation.flags.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDay, todayDay } from '../../../lib/format.intl.ts';
import { useRemoveAccreditation } from '../api/accreditation.mutations.ts';
import { useTechnician } from '../api/get-technician.query.ts';
import { useRemoveTechnician } from '../api/remove-technician.mutation.ts';
import type { AccreditationView, TechnicianDetail } from '../api/technician.types.ts';
import { AccreditationDialog } from './accreditation.dialog.tsx';
import { TechnicianDetailsForm } from './technician-details.form.tsx';

function expiryBadge(expiresOn: string | null, today: string) {
  if (!expiresOn) return <Badge tone="green">Does not expire</Badge>;
  if (expiresOn < today) return <Badge tone="red">Expired {formatDay(expiresOn)}</Badge>;
  if (expiresOn <= addCalendarDays(today, ACCREDITATION_WARNING_DAYS)) return <Badge tone="amber">Expires {formatDay(expiresOn)}</Badge>;
  return <Badge tone="neutral">Expires {formatDay(expiresOn)}</Badge>;
}

function Accreditations({ technician }: { technician: TechnicianDetail }) {
  const [dialog, setDialog] = useState<{ editing?: AccreditationView } | null>(null);
  const [removing, setRemoving] = useState<AccreditationView | null>(null);
  const remove = useRemoveAccreditation();
  const today = todayDay();
  return (
    <Section
      title="Accreditations"
      description="Licences and inductions. Jobs that require one flag technicians who lack it or whose card expires before the day."
      actions={technician.abilities.addAccreditation ? <Button onPress={() => setDialog({})}>Add accreditation</Button> : null}
    >
      {technician.accreditations.length === 0 ? (
        <EmptyState
          icon={BadgeCheck}
          headingLevel={3}
          title="No accreditations yet"
          description={
            technician.abilities.addAccreditation
              ? 'Add their licences and inductions, with the expiry date and a scan, so jobs that require them are not flagged.'
              : 'An admin of your business adds accreditations.'
          }
        />
      ) : (
        <DataList label="Accreditations">
          {technician.accreditations.map((a) => (
            <DataListItem
              key={a.id}
              title={accreditationLabels[a.type]}
              badges={expiryBadge(a.expiresOn, today)}
              subtitle={a.number ? `No. ${a.number}` : 'No number recorded'}
              meta={a.file ? a.file.name : 'No document'}
              actions={
                <>
                  {a.file ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Download ${a.file.name}`}
                      onPress={() =>
                        void downloadFile(a.file!.id, a.file!.name).catch((e: unknown) => toastError('Download failed', describeError(e)))
                      }
                    >
                      <Download aria-hidden="true" className="size-4" />
                      Document
                    </Button>
                  ) : null}
                  {a.abilities.edit ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Edit ${accreditationLabels[a.type]}`}
                      onPress={() => setDialog({ editing: a })}
                    >
                      Edit
                    </Button>
                  ) : null}
                  {a.abilities.remove ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Remove ${accreditationLabels[a.type]}`}
                      onPress={() => setRemoving(a)}
                    >
                      Remove
                    </Button>
                  ) : null}
                </>
              }
            />
          ))}
        </DataList>
      )}
      {dialog ? (
        <AccreditationDialog
          key={dialog.editing?.id ?? 'new'}
          technicianId={technician.id}
          editing={dialog.editing}
          isOpen
          onOpenChange={(open) => (open ? null : setDialog(null))}
        />
      ) : null}
      <ConfirmDialog
        title="Remove this accreditation?"
        message={removing ? `${accreditationLabels[removing.type]} will no longer count for jobs that require it.` : ''}
        confirmLabel="Remove"
        isOpen={removing !== null}
        onOpenChange={(open) => (open ? null : setRemoving(null))}
        isPending={remove.isPending}
        onConfirm={() =>
          void remove
            .mutateAsync(removing?.id ?? '')
            .then(() => {
              toastSuccess('Accreditation removed');
              setRemoving(null);
            })
            .catch((e: unknown) => toastError('Could not remove it', describeError(e)))
        }
      />
    </Section>
  );
}

export interface TechnicianDetailPageProps {
  technicianId: string;
  onRemoved: () => void;
}

/** A technician of the crew: their details (edited with a version) and accreditations; admins remove them. */
export function TechnicianDetailPage({ technicianId, onRemoved }: TechnicianDetailPageProps) {
  const technician = useTechnician(technicianId);
  const remove = useRemoveTechnician();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <BackLink href="/portal/team" label="Team" />
      <QueryView query={technician} loadingLabel="Loading the technician…">
        {(t) => (
          <div className="flex flex-col gap-6">
            <PageHeader
              title={t.name}
              description={t.status === 'invited' ? `${t.email} · has not signed in yet` : t.email}
              actions={
                t.abilities.remove ? (
                  <Button variant="danger" onPress={() => setConfirming(true)}>
                    Remove from crew
                  </Button>
                ) : null
              }
            />
            {remove.isError ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
            <TechnicianDetailsForm technician={t} />
            <Accreditations technician={t} />
            <ConfirmDialog
              title={`Remove ${t.name}?`}
              message="They are signed out at once, their sign-in links stop working, and they no longer see any job. Their past work stays on the record."
              confirmLabel="Remove"
              isOpen={confirming}
              onOpenChange={setConfirming}
              isPending={remove.isPending}
              onConfirm={() =>
                void remove.mutateAsync(t.id).then(() => {
                  toastSuccess(`${t.name} was removed from your crew`);
                  setConfirming(false);
                  onRemoved();
                })
              }
            />
          </div>
        )}
      </QueryView>
    </>
  );
}
