import { PartyPopper } from 'lucide-react';
import { useMemo } from 'react';
import { sumByCurrency } from '../../../../shared/domain/money.ts';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import { useMilestones } from '../api/list-milestones.query.ts';
import type { Milestone } from '../api/milestone.types.ts';
import { MilestoneStatusBadge, OverdueBadge } from './milestone-status.badge.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface DeliverPageProps {
  detailHref: (id: string) => string;
  contractHref: (id: string) => string;
}

function DeliverRow({ milestone, href, contractHref }: { milestone: Milestone; href: string; contractHref: string }) {
  return (
    <DataListItem
      title={<TextLink href={href}>{milestone.title}</TextLink>}
      badges={
        <>
          <MilestoneStatusBadge status={milestone.status} />
          {milestone.overdue ? <OverdueBadge /> : null}
        </>
      }
      subtitle={
        <>
          {milestone.organization.name} · <TextLink href={contractHref}>{milestone.contract.title}</TextLink>
        </>
      }
      meta={
        <span className={milestone.overdue ? 'font-semibold text-red-800' : ''}>
          {milestone.overdue ? 'Was due' : 'Due'} {formatDay(milestone.dueDate)}
        </span>
      }
      actions={
        <p className="text-right text-lg font-semibold text-slate-900 tabular-nums">
          <span className="sr-only">Pays </span>
          {formatMoney({ amountMinor: milestone.amountMinor, currency: milestone.currency })}
        </p>
      }
    >
      {milestone.status === 'changes_requested' && milestone.changesRequestedReason ? (
        <p className="text-sm text-amber-950">
          <span className="font-semibold">Changes requested:</span> {milestone.changesRequestedReason}
        </p>
      ) : null}
    </DataListItem>
  );
}

/** The contractor's side: every milestone still to deliver, across every organization, by due date. */
export function DeliverPage({ detailHref, contractHref }: DeliverPageProps) {
  const milestones = useMilestones({ view: 'pending' });
  const items = useMemo(() => milestones.data?.pages.flatMap((page) => page.items) ?? [], [milestones.data]);
  const totals = useMemo(() => sumByCurrency(items), [items]);
  const overdue = items.filter((m) => m.overdue).length;
  const inReview = items.filter((m) => m.status === 'submitted').length;

  return (
    <>
      <PageHeader
        title="What's left to deliver"
        description="Every milestone not approved yet, for every organization you work with, soonest due first."
      />
      {milestones.isPending ? (
        <LoadingState label="Loading your milestones…" />
      ) : milestones.isError ? (
        <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={PartyPopper}
          title="Nothing left to deliver"
          description="Everything is delivered and approved. When an organization adds a milestone to one of your contracts, you are notified and it appears here with its due date and what it pays."
        />
      ) : (
        <div className="flex flex-col gap-4">
          <section
            aria-labelledby="deliver-totals"
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between"
          >
            <div>
              <h2 id="deliver-totals" className="text-sm font-medium text-slate-700">
                {milestones.hasNextPage ? `Still to be paid for the ${items.length} shown` : 'Still to be paid when delivered'}
              </h2>
              <MoneyAmounts amounts={totals} className="text-2xl" />
            </div>
            <p className="text-slate-700">
              {items.length} {items.length === 1 ? 'milestone' : 'milestones'}
              {inReview > 0 ? ` · ${inReview} in review` : ''}
              {overdue > 0 ? <span className="font-semibold text-red-800"> · {overdue} overdue</span> : null}
            </p>
          </section>
          <DataList label="Milestones to deliver">
            {items.map((milestone) => (
              <DeliverRow
                key={milestone.id}
                milestone={milestone}
                href={detailHref(milestone.id)}
                contractHref={contractHref(milestone.contract.id)}
              />
            ))}
          </DataList>
          <LoadMore query={milestones} />
        </div>
      )}
    </>
  );
}
