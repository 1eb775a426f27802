import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import type { EngagementFilters } from '../api/engagement.keys.ts';
import { useEngagements } from '../api/list-engagements.query.ts';
import { EngagementFiltersBar } from './engagement.filters.tsx';
import { EngagementList } from './engagement.list.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface ContractorsPageProps {
  filters: EngagementFilters;
  onFiltersChange: (filters: EngagementFilters) => void;
  detailHref: (id: string) => string;
  /** The "Invite contractor" button, when the organization's abilities allow it. */
  inviteAction?: ReactNode;
}

/** The company's contractors: one row per engagement. */
export function ContractorsPage({ filters, onFiltersChange, detailHref, inviteAction }: ContractorsPageProps) {
  const engagements = useEngagements(filters);
  const filtered = Boolean(filters.status || filters.q);
  return (
    <>
      <PageHeader title="Contractors" description="Businesses your organization works with on Portico." actions={inviteAction} />
      <EngagementFiltersBar filters={filters} onChange={onFiltersChange} searchLabel="Search contractors" />
      <QueryView query={engagements} loadingLabel="Loading contractors…">
        {({ items }) => {
          if (items.length > 0) return <EngagementList items={items} show="contractor" label="Contractors" detailHref={detailHref} />;
          if (filtered)
            return (
              <EmptyState
                title="Nothing matches these filters"
                description="Try another status or search, or clear the filters."
                action={
                  <Button variant="secondary" onPress={() => onFiltersChange({})}>
                    Clear filters
                  </Button>
                }
              />
            );
          return (
            <EmptyState
              title="Invite your first contractor"
              description={
                inviteAction
                  ? 'Send an invitation by email with the button above. The contractor sets up an account and appears here.'
                  : 'No contractors yet. An owner or admin of your organization can invite them.'
              }
            />
          );
        }}
      </QueryView>
      <LoadMore query={engagements} />
    </>
  );
}
