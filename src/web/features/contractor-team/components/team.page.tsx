import { HardHat, Users } from 'lucide-react';
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
  /** Rendered only when the team's abilities allow inviting technicians. */
  renderInviteTechnician: () => ReactNode;
  /** Pending invitations, shown to those who may invite. */
  renderInvitations: () => ReactNode;
}

export function ContractorTeamPage({ renderInviteMember, renderInviteTechnician, renderInvitations }: ContractorTeamPageProps) {
  const team = useContractorTeam();
  const canInviteMember = team.data?.abilities.inviteMember === true;
  const canInviteTechnician = team.data?.abilities.inviteTechnician === true;
  return (
    <>
      <PageHeader title="Team" description="Your office and your crew." />
      <QueryView query={team} loadingLabel="Loading your team…">
        {({ members, technicians }) => (
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
            <Section
              title="Technicians"
              description="Your crew. They see only the jobs you assign them, and sign in with emailed links."
              actions={canInviteTechnician ? renderInviteTechnician() : null}
            >
              {technicians.length === 0 ? (
                <EmptyState
                  icon={HardHat}
                  headingLevel={3}
                  title="No technicians yet"
                  description={
                    canInviteTechnician
                      ? 'Invite your technicians with the button above; you can then assign them jobs.'
                      : 'An admin of your business can invite technicians.'
                  }
                />
              ) : (
                <DataList label="Technicians">
                  {technicians.map((technician) => (
                    <DataListItem key={technician.id} title={technician.name} subtitle={technician.email} />
                  ))}
                </DataList>
              )}
            </Section>
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
