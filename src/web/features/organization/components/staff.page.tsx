import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { formatDate } from '../../../lib/format.intl.ts';
import { useStaff } from '../api/list-staff.query.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

const roleNames: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  manager: 'Manager',
  finance: 'Finance',
  viewer: 'Viewer',
};

export interface StaffPageProps {
  /** The "Invite staff" button, when the organization's abilities allow it. */
  inviteAction?: ReactNode;
}

export function StaffPage({ inviteAction }: StaffPageProps) {
  const staff = useStaff();
  return (
    <>
      <PageHeader title="Team" description="People of your organization who use Portico." actions={inviteAction} />
      <QueryView query={staff} loadingLabel="Loading your team…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="Nobody here yet"
              description={inviteAction ? 'Invite colleagues with the button above.' : 'An owner or admin can invite colleagues.'}
            />
          ) : (
            <DataList label="Staff">
              {items.map((member) => (
                <DataListItem
                  key={member.id}
                  title={member.name}
                  badges={<Badge tone={member.role === 'owner' ? 'blue' : 'neutral'}>{roleNames[member.role] ?? member.role}</Badge>}
                  subtitle={member.email}
                  meta={`Member since ${formatDate(member.createdAt)}`}
                />
              ))}
            </DataList>
          )
        }
      </QueryView>
      <LoadMore query={staff} />
    </>
  );
}
