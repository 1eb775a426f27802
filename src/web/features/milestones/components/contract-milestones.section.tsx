import { Button } from '../../../components/ui/button.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { useMilestones } from '../api/list-milestones.query.ts';
import { AddMilestoneDialog, type ContractTermInfo } from './milestone.form.tsx';
import { MilestoneTable } from './milestone-table.tsx';

export interface ContractMilestonesSectionProps {
  contractId: string;
  engagementId: string;
  term: ContractTermInfo;
  /** From the contract's abilities. */
  canAdd: boolean;
  detailHref: (id: string) => string;
  side: 'company' | 'contractor';
}

/** A contract's milestones by due date, with "Add milestone" for staff who may. */
export function ContractMilestonesSection({ contractId, engagementId, term, canAdd, detailHref, side }: ContractMilestonesSectionProps) {
  const milestones = useMilestones({ view: 'all', contractId });
  const items = milestones.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section
      title="Milestones"
      description={
        side === 'company'
          ? 'What is delivered and paid under this contract, by due date.'
          : 'What you deliver under this contract, and what each pays.'
      }
      actions={canAdd ? <AddMilestoneDialog contractId={contractId} engagementId={engagementId} term={term} /> : null}
    >
      {milestones.isPending ? (
        <LoadingState label="Loading milestones…" />
      ) : milestones.isError ? (
        <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-slate-700">
          {canAdd ? 'No milestones yet. Add the first one: a title, a due date and what it pays.' : 'No milestones yet.'}
        </p>
      ) : (
        <MilestoneTable label="Milestones of this contract" items={items} detailHref={detailHref} />
      )}
      {milestones.hasNextPage ? (
        <div>
          <Button variant="secondary" onPress={() => void milestones.fetchNextPage()} isDisabled={milestones.isFetchingNextPage}>
            {milestones.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
