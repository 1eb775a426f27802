import { ArrowLeft } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import type { Engagement } from '../api/engagement.types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDate } from '../../../lib/format.intl.ts';
import { useEndEngagement } from '../api/end-engagement.mutation.ts';
import { useEngagement } from '../api/get-engagement.query.ts';
import { useReactivateEngagement } from '../api/reactivate-engagement.mutation.ts';
import { EngagementStatusBadge } from './engagement-status.badge.tsx';

export interface EngagementDetailPageProps {
  engagementId: string;
  show: 'contractor' | 'organization';
  backHref: string;
  backLabel: string;
  /** What the app shows of this engagement's work (its contracts). */
  children?: ReactNode;
}

function EngagementActions({ engagement, name }: { engagement: Engagement; name: string }) {
  const end = useEndEngagement();
  const reactivate = useReactivateEngagement();
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const canEnd = engagement.abilities.end === true;
  const canReactivate = engagement.abilities.reactivate === true;
  if (!canEnd && !canReactivate) return null;

  return (
    <div className="flex flex-wrap gap-2">
      {canEnd ? (
        <ConfirmDialog
          title={`End the engagement with ${name}?`}
          message="Their access to this engagement's work stops. Records are kept, and you can reactivate it later."
          confirmLabel="End engagement"
          isOpen={confirmingEnd}
          onOpenChange={setConfirmingEnd}
          isPending={end.isPending}
          onConfirm={() =>
            end.mutate(engagement.id, {
              onSuccess: () => {
                setConfirmingEnd(false);
                toastSuccess('Engagement ended', name);
              },
              onError: (error) => toastError('Could not end the engagement', describeError(error)),
            })
          }
          trigger={<Button variant="danger">End engagement</Button>}
        />
      ) : null}
      {canReactivate ? (
        <Button
          isDisabled={reactivate.isPending}
          onPress={() =>
            reactivate.mutate(engagement.id, {
              onSuccess: () => toastSuccess('Engagement reactivated', name),
              onError: (error) => toastError('Could not reactivate the engagement', describeError(error)),
            })
          }
        >
          {reactivate.isPending ? 'Reactivating…' : 'Reactivate engagement'}
        </Button>
      ) : null}
    </div>
  );
}

export function EngagementDetailPage({ engagementId, show, backHref, backLabel, children }: EngagementDetailPageProps) {
  const engagement = useEngagement(engagementId);
  const back = (
    <p className="mb-4">
      <TextLink href={backHref} className="inline-flex items-center gap-1">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {backLabel}
      </TextLink>
    </p>
  );

  if (engagement.isPending)
    return (
      <>
        {back}
        <PageHeader title={show === 'contractor' ? 'Contractor' : 'Organization'} />
        <LoadingState />
      </>
    );
  if (engagement.isError)
    return (
      <>
        {back}
        <PageHeader title={show === 'contractor' ? 'Contractor' : 'Organization'} />
        <ErrorState error={engagement.error} onRetry={() => void engagement.refetch()} />
      </>
    );

  const data = engagement.data;
  const name = data[show].name;
  return (
    <>
      {back}
      <PageHeader
        title={name}
        description={<EngagementStatusBadge status={data.status} />}
        actions={<EngagementActions engagement={data} name={name} />}
      />
      <Section title="Engagement">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Organization</dt>
          <dd className="text-slate-700">{data.organization.name}</dd>
          <dt className="font-medium">Contractor</dt>
          <dd className="text-slate-700">{data.contractor.name}</dd>
          <dt className="font-medium">Since</dt>
          <dd className="text-slate-700">{formatDate(data.createdAt)}</dd>
        </dl>
      </Section>
      {children ? <Section title="Contracts">{children}</Section> : null}
    </>
  );
}
