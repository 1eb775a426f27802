import { ClipboardList } from 'lucide-react';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';

/** The technician's home. Jobs arrive in a later milestone; until then it says what to expect. */
export function MyJobsPage({ contractorName }: { contractorName: string }) {
  return (
    <>
      <PageHeader title="My jobs" description={`Jobs ${contractorName} assigns to you.`} />
      <EmptyState
        icon={ClipboardList}
        title="Nothing to do yet"
        description="No jobs assigned to you yet. Your office assigns jobs; they will appear here."
      />
    </>
  );
}
