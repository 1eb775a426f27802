import { ClipboardList } from 'lucide-react';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';

/** The technician's home. Jobs are not in Portico yet: until they are, it says what to expect. */
export function MyJobsPage({ contractorName }: { contractorName: string }) {
  return (
    <>
      <PageHeader title="My jobs" description={`The jobs ${contractorName} assigns to you.`} />
      <EmptyState
        icon={ClipboardList}
        title="Jobs are not in Portico yet"
        description={
          <>
            This page will list each job {contractorName} assigns to you: where to go, when, and what to do, so you can mark it done from
            your phone. The office of {contractorName} (its admins and office staff) assigns the work. Portico cannot assign jobs yet, so
            until it can, {contractorName} gives you your work directly.
          </>
        }
      />
    </>
  );
}
