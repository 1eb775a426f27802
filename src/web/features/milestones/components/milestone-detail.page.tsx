import { CheckCircle2, Pencil, RotateCcw } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Details } from '../../../components/ui/details.tsx';
import { DialogLauncher, lazyDialog } from '../../../components/ui/dialog.launcher.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { formatDateTime, formatDay, formatMoney } from '../../../lib/format.intl.ts';
import { useAddMilestoneAttachment } from '../api/add-milestone-attachment.mutation.ts';
import { useMilestone } from '../api/get-milestone.query.ts';
import type { MilestoneDetail } from '../api/milestone.types.ts';
import { useRemoveMilestoneAttachment } from '../api/remove-milestone-attachment.mutation.ts';
import type { DeleteMilestoneDialogProps } from './delete-milestone.dialog.tsx';
import type { EditMilestoneDialogProps } from './milestone.form.tsx';
import type { ReviewDialogProps } from './milestone-review.tsx';
import { MilestoneStatusBadge, OverdueBadge } from './milestone-status.badge.tsx';
import { SubmissionHistory } from './submission-history.tsx';
import { SubjectMessagesLink } from '../../messages/components/subject-messages.link.tsx';

// The edit form (its schema, drop zone and overlay) loads when the Edit button is wanted.
const editMilestone = lazyDialog<EditMilestoneDialogProps>(() => import('./milestone.form.tsx').then((m) => m.EditMilestoneDialog));
const approveMilestone = lazyDialog<ReviewDialogProps>(() => import('./milestone-review.tsx').then((m) => m.ApproveDialog));
const requestChanges = lazyDialog<ReviewDialogProps>(() => import('./milestone-review.tsx').then((m) => m.RequestChangesDialog));
/** Only a contractor who may submit sees the form: its file drop and uploads load with it, not with the page. */
const deleteMilestone = lazyDialog<DeleteMilestoneDialogProps>(() =>
  import('./delete-milestone.dialog.tsx').then((m) => m.DeleteMilestoneDialog),
);
/** Attachments are the contractor's side only: the drop zone loads with them, not with the company's page. */
const AttachedFiles = lazy(() => import('../../../components/ui/attached-files.tsx').then((m) => ({ default: m.AttachedFiles })));
const SubmitWorkForm = lazy(() => import('./submit-work.form.tsx').then((m) => ({ default: m.SubmitWorkForm })));

/** Approve and Request changes, each shown only when the milestone's abilities allow it; their forms load when wanted. */
function MilestoneReviewActions({ milestone }: { milestone: MilestoneDetail }) {
  if (!milestone.abilities.approve && !milestone.abilities.requestChanges) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {milestone.abilities.approve ? (
        <DialogLauncher
          dialog={approveMilestone}
          dialogProps={{ milestone }}
          label={
            <>
              <CheckCircle2 aria-hidden="true" className="size-4" />
              Approve
            </>
          }
        />
      ) : null}
      {milestone.abilities.requestChanges ? (
        <DialogLauncher
          dialog={requestChanges}
          dialogProps={{ milestone }}
          variant="secondary"
          label={
            <>
              <RotateCcw aria-hidden="true" className="size-4" />
              Request changes
            </>
          }
        />
      ) : null}
    </div>
  );
}

export interface MilestoneDetailPageProps {
  milestoneId: string;
  side: 'company' | 'contractor';
  /** Where "back" leads: a list the milestone is in (it may depend on the milestone, once loaded). */
  back: BackTarget | ((milestone: MilestoneDetail | undefined) => BackTarget);
  contractHref: (id: string) => string;
  /** After the milestone was deleted. */
  onDeleted?: () => void;
}

/** Where the milestone stands, in one sentence at the top of the page. */
function StatusBanner({ milestone, side }: { milestone: MilestoneDetail; side: MilestoneDetailPageProps['side'] }) {
  const amount = formatMoney({ amountMinor: milestone.amountMinor, currency: milestone.currency });
  const latest = milestone.submissions[0];
  switch (milestone.status) {
    case 'changes_requested':
      return (
        <Alert
          tone="warning"
          title={side === 'contractor' ? `${milestone.organization.name} asked for changes` : 'You asked for changes'}
          className="mb-6"
        >
          {milestone.changesRequestedReason ? (
            <p className="whitespace-pre-line">
              <span className="font-semibold">Reason: </span>
              {milestone.changesRequestedReason}
            </p>
          ) : null}
          <p className="mt-1">
            {side === 'contractor'
              ? 'Make the changes, then submit a new version below.'
              : `${milestone.contractor.name} can now submit a new version.`}
          </p>
        </Alert>
      );
    case 'submitted':
      return (
        <Alert tone="info" title={side === 'contractor' ? 'Submitted: waiting for review' : 'Ready for review'} className="mb-6">
          {latest ? `Version ${latest.version} was submitted ${formatDateTime(latest.createdAt)}. ` : ''}
          {side === 'contractor'
            ? `${milestone.organization.name} approves it or asks for changes; you are notified either way.`
            : 'Look at the latest version below, then approve it or request changes.'}
        </Alert>
      );
    case 'approved':
      return (
        <Alert
          tone="success"
          title={side === 'company' ? (milestone.paymentId ? 'Draft payment created' : 'Approved') : 'Approved: payment being prepared'}
          className="mb-6"
        >
          {side === 'company'
            ? `Approved${milestone.approvedAt ? ` ${formatDateTime(milestone.approvedAt)}` : ''}. A draft payment of ${amount} to ${milestone.contractor.name} was created and waits to be sent.`
            : `${milestone.organization.name} approved this milestone${milestone.approvedAt ? ` ${formatDateTime(milestone.approvedAt)}` : ''}. A payment of ${amount} is being prepared.`}
        </Alert>
      );
    case 'paid':
      return (
        <Alert tone="success" title="Paid" className="mb-6">
          The payment of {amount} for this milestone was sent.
        </Alert>
      );
    default:
      return null;
  }
}

function Attachments({ milestone, engagementId }: { milestone: MilestoneDetail; engagementId: string | undefined }) {
  const canManage = milestone.abilities.manageAttachments;
  const add = useAddMilestoneAttachment();
  const remove = useRemoveMilestoneAttachment();
  if (!canManage && milestone.attachments.length === 0) return null;
  return (
    <AttachedFiles
      title="Attachments"
      description="Briefs and references from the company."
      files={milestone.attachments}
      listLabel="Attachments"
      emptyText="No attachments."
      manage={
        canManage
          ? {
              engagementId,
              noun: 'attachment',
              dropLabel: 'Add attachments',
              buttonLabel: 'Choose files',
              removeMessage: (file) => `“${file.name}” is removed from the milestone.`,
              attach: (fileId) => add.mutateAsync({ id: milestone.id, fileId }),
              detach: (fileId) => remove.mutateAsync({ id: milestone.id, fileId }),
            }
          : undefined
      }
    />
  );
}

function ManageActions({ milestone, onDeleted }: { milestone: MilestoneDetail; onDeleted?: () => void }) {
  if (!milestone.abilities.edit && !milestone.abilities.delete) return null;
  return (
    <>
      {milestone.abilities.edit ? (
        <DialogLauncher
          dialog={editMilestone}
          dialogProps={{ milestone, term: null }}
          variant="secondary"
          label={
            <>
              <Pencil aria-hidden="true" className="size-4" />
              Edit
            </>
          }
        />
      ) : null}
      {milestone.abilities.delete ? (
        <DialogLauncher dialog={deleteMilestone} dialogProps={{ milestone, onDeleted }} variant="ghost" label="Delete" />
      ) : null}
    </>
  );
}

export interface BackTarget {
  href: string;
  label: string;
}

export function MilestoneDetailPage({ milestoneId, side, back, contractHref, onDeleted }: MilestoneDetailPageProps) {
  const milestone = useMilestone(milestoneId);
  const data = milestone.data;
  const target = typeof back === 'function' ? back(data) : back;
  const backLink = <BackLink href={target.href} label={target.label} />;

  if (milestone.isPending)
    return (
      <>
        {backLink}
        <PageHeader title="Milestone" />
        <LoadingState label="Loading the milestone…" />
      </>
    );
  if (milestone.isError || !data)
    return (
      <>
        {backLink}
        <PageHeader title="Milestone" />
        <ErrorState error={milestone.error} onRetry={() => void milestone.refetch()} />
      </>
    );

  const amount = formatMoney({ amountMinor: data.amountMinor, currency: data.currency });
  const party =
    side === 'company' ? { label: 'Contractor', name: data.contractor.name } : { label: 'Organization', name: data.organization.name };
  return (
    <>
      {backLink}
      <PageHeader
        title={data.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <MilestoneStatusBadge status={data.status} />
            {data.overdue ? <OverdueBadge /> : null}
            <span>
              {amount} · due {formatDay(data.dueDate)}
            </span>
          </span>
        }
        actions={
          <>
            <SubjectMessagesLink engagementId={data.contract.engagementId} kind="milestone" id={data.id} />
            {side === 'company' ? (
              <>
                <MilestoneReviewActions milestone={data} />
                <ManageActions milestone={data} onDeleted={onDeleted} />
              </>
            ) : null}
          </>
        }
      />
      <StatusBanner milestone={data} side={side} />
      <div className="flex flex-col gap-6">
        <Section title="Details">
          <Details
            items={[
              { label: 'Amount', value: <span className="font-semibold text-slate-900 tabular-nums">{amount}</span> },
              {
                label: 'Due date',
                value: (
                  <span className="flex flex-wrap items-center gap-2">
                    {formatDay(data.dueDate)}
                    {data.overdue ? <OverdueBadge /> : null}
                  </span>
                ),
              },
              { label: 'Contract', value: <TextLink href={contractHref(data.contract.id)}>{data.contract.title}</TextLink> },
              { label: party.label, value: party.name },
              ...(data.submittedAt ? [{ label: 'Last submitted', value: formatDateTime(data.submittedAt) }] : []),
              ...(data.approvedAt ? [{ label: 'Approved', value: formatDateTime(data.approvedAt) }] : []),
              {
                label: 'Description',
                value: data.description ? <span className="whitespace-pre-line">{data.description}</span> : 'No description',
              },
            ]}
          />
        </Section>
        {side === 'contractor' ? (
          <Suspense fallback={<LoadingState label="Loading the attachments…" />}>
            <Attachments milestone={data} engagementId={data.contract.engagementId} />
          </Suspense>
        ) : null}
        {data.abilities.submit ? (
          <Suspense fallback={<LoadingState label="Loading the form…" />}>
            <SubmitWorkForm milestone={data} engagementId={data.contract.engagementId} />
          </Suspense>
        ) : null}
        <SubmissionHistory
          submissions={data.submissions}
          emptyText={
            side === 'contractor'
              ? data.abilities.submit
                ? 'Nothing submitted yet. When your work is ready, submit it above.'
                : 'Nothing submitted yet.'
              : 'Nothing submitted yet. You are notified when the contractor marks it ready for review.'
          }
        />
        {side === 'company' ? <Attachments milestone={data} engagementId={data.contract.engagementId} /> : null}
      </div>
    </>
  );
}
