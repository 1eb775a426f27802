import { useState } from 'react';
import type { Invitation } from '../api/invitation.types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDate } from '../../../lib/format.intl.ts';
import { useInvitations } from '../api/list-invitations.query.ts';
import { useRevokeInvitation } from '../api/revoke-invitation.mutation.ts';
import { InvitationStatusBadge, nameInvitationKind } from './invitation-status.badge.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

function RevokeButton({ invitation }: { invitation: Invitation }) {
  const revoke = useRevokeInvitation();
  const [isOpen, setOpen] = useState(false);
  return (
    <ConfirmDialog
      title={`Revoke the invitation for ${invitation.email}?`}
      message="The link in their email stops working. You can invite them again later."
      confirmLabel="Revoke invitation"
      isOpen={isOpen}
      onOpenChange={setOpen}
      isPending={revoke.isPending}
      onConfirm={() =>
        revoke.mutate(invitation.id, {
          onSuccess: () => {
            setOpen(false);
            toastSuccess('Invitation revoked', invitation.email);
          },
          onError: (error) => toastError('Could not revoke the invitation', describeError(error)),
        })
      }
      trigger={
        <Button variant="secondary" size="sm">
          Revoke<span className="sr-only"> invitation for {invitation.email}</span>
        </Button>
      }
    />
  );
}

function describeWhen(invitation: Invitation): string {
  const sent = `Sent ${formatDate(invitation.createdAt)}`;
  return invitation.status === 'pending' ? `${sent} · expires ${formatDate(invitation.expiresAt)}` : sent;
}

export interface InvitationListProps {
  /** Show only these kinds (the contractor portal shows its own team's invitations). */
  kinds?: readonly Invitation['kind'][];
  emptyHint: string;
  headingLevel?: 2 | 3;
}

export function InvitationList({ kinds, emptyHint, headingLevel = 2 }: InvitationListProps) {
  const invitations = useInvitations();
  return (
    <>
      <QueryView query={invitations} loadingLabel="Loading invitations…">
        {({ items }) => {
          const shown = kinds ? items.filter((i) => kinds.includes(i.kind)) : items;
          if (shown.length === 0) return <EmptyState title="Nothing sent yet" description={emptyHint} headingLevel={headingLevel} />;
          return (
            <DataList label="Invitations">
              {shown.map((invitation) => (
                <DataListItem
                  key={invitation.id}
                  title={invitation.name}
                  badges={<InvitationStatusBadge status={invitation.status} />}
                  subtitle={`${invitation.email} · ${nameInvitationKind(invitation)}`}
                  meta={describeWhen(invitation)}
                  actions={invitation.abilities.revoke ? <RevokeButton invitation={invitation} /> : null}
                />
              ))}
            </DataList>
          );
        }}
      </QueryView>
      <LoadMore query={invitations} />
    </>
  );
}
