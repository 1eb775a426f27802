import { Section } from '../../../components/ui/section.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { useMilestones } from '../api/list-milestones.query.ts';
import type { MilestoneView } from '../api/milestone.keys.ts';
import { MilestoneTable } from './milestone-table.tsx';

const SHOWN = 10;

function MilestonesOf({
  contractorId,
  view,
  label,
  empty,
  listHref,
  detailHref,
}: {
  contractorId: string;
  view: MilestoneView;
  label: string;
  empty: string;
  listHref: string;
  detailHref: (id: string) => string;
}) {
  const milestones = useMilestones({ view, contractorId }, SHOWN);
  const page = milestones.data?.pages[0];
  if (milestones.isPending) return <LoadingState label={`Loading ${label.toLowerCase()}…`} />;
  if (milestones.isError) return <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold text-slate-900">{label}</h3>
      {!page || page.items.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <>
          <MilestoneTable label={label} items={page.items} detailHref={detailHref} showContract />
          <p>
            <TextLink href={listHref}>{page.nextCursor ? `See all ${label.toLowerCase()}` : `Open in Milestones`}</TextLink>
          </p>
        </>
      )}
    </div>
  );
}

/** A contractor's profile on the company side: its pending and approved milestones, across its contracts. */
export function ContractorMilestonesSection({
  contractorId,
  detailHref,
  listHref,
}: {
  contractorId: string;
  detailHref: (id: string) => string;
  /** The Milestones list filtered to this contractor, for a view. */
  listHref: (view: 'pending' | 'approved') => string;
}) {
  return (
    <Section title="Milestones" description="This contractor's work across every contract, soonest due first.">
      <MilestonesOf
        contractorId={contractorId}
        view="pending"
        label="Pending milestones"
        empty="Nothing pending: add milestones to one of this contractor's active contracts."
        listHref={listHref('pending')}
        detailHref={detailHref}
      />
      <MilestonesOf
        contractorId={contractorId}
        view="approved"
        label="Approved milestones"
        empty="No approved milestones yet."
        listHref={listHref('approved')}
        detailHref={detailHref}
      />
    </Section>
  );
}
