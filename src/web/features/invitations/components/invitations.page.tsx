import { PageHeader } from '../../../components/ui/page-header.tsx';
import { InvitationList } from './invitation.list.tsx';

export function InvitationsPage() {
  return (
    <>
      <PageHeader title="Invitations" description="Everyone invited to your organization, and whether they have joined." />
      <InvitationList emptyHint="Invite contractors from the Contractors page, and colleagues from Team." />
    </>
  );
}
