import { Building2 } from 'lucide-react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import type { EngagementFilters } from '../api/engagement.keys.ts';
import { useEngagements } from '../api/list-engagements.query.ts';
import { EngagementFiltersBar } from './engagement.filters.tsx';
import { EngagementList } from './engagement.list.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface OrganizationsPageProps {
  filters: EngagementFilters;
  onFiltersChange: (filters: EngagementFilters) => void;
  detailHref: (id: string) => string;
  contractorName: string;
}

/** The contractor's side: the companies that engage it. */
export function OrganizationsPage({ filters, onFiltersChange, detailHref, contractorName }: OrganizationsPageProps) {
  const engagements = useEngagements(filters);
  const filtered = Boolean(filters.status || filters.q);
  return (
    <>
      <PageHeader title="Organizations" description={`Companies that work with ${contractorName}.`} />
      <EngagementFiltersBar filters={filters} onChange={onFiltersChange} searchLabel="Search organizations" />
      <QueryView query={engagements} loadingLabel="Loading organizations…">
        {({ items }) => {
          if (items.length > 0) return <EngagementList items={items} show="organization" label="Organizations" detailHref={detailHref} />;
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
              icon={Building2}
              title="Nobody engages you yet"
              description="When a company invites your business to Portico, it appears here."
            />
          );
        }}
      </QueryView>
      <LoadMore query={engagements} />
    </>
  );
}
