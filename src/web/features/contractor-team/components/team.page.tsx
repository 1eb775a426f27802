import { Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { useContractorTeam } from '../api/get-team.query.ts';

export interface ContractorTeamPageProps {
  /** Rendered only when the team's abilities allow inviting office members. */
  renderInviteMember: () => ReactNode;
  /** The crew's section; `canAdd` from the team's abilities (inviting technicians). */
  renderTechnicians: (canAdd: boolean) => ReactNode;
  /** Pending invitations, shown to those who may invite. */
  renderInvitations: () => ReactNode;
}

export function ContractorTeamPage({ renderInviteMember, renderTechnicians, renderInvitations }: ContractorTeamPageProps) {
  const team = useContractorTeam();
  const canInviteMember = team.data?.abilities.inviteMember === true;
  const canInviteTechnician = team.data?.abilities.inviteTechnician === true;
  return (
    <>
      <PageHeader title="Team" description="Your office and your crew." />
      <QueryView query={team} loadingLabel="Loading your team…">
        {({ members }) => (
          <div className="flex flex-col gap-6">
            <Section
              title="Office"
              description="People who run your business on Portico."
              actions={canInviteMember ? renderInviteMember() : null}
            >
              {members.length === 0 ? (
                <EmptyState
                  icon={Users}
                  headingLevel={3}
                  title="No office members"
                  description="Invite a colleague to help run your work."
                />
              ) : (
                <DataList label="Office members">
                  {members.map((member) => (
                    <DataListItem
                      key={member.id}
                      title={member.name}
                      badges={
                        <Badge tone={member.role === 'admin' ? 'blue' : 'neutral'}>{member.role === 'admin' ? 'Admin' : 'Office'}</Badge>
                      }
                      subtitle={member.email}
                    />
                  ))}
                </DataList>
              )}
            </Section>
            {renderTechnicians(canInviteTechnician)}
            {canInviteMember || canInviteTechnician ? (
              <Section title="Invitations" description="People you invited, and whether they have joined.">
                {renderInvitations()}
              </Section>
            ) : null}
          </div>
        )}
      </QueryView>
    </>
  );
}
