import type { Invitation } from '../api/invitation.types.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const looks: Record<Invitation['status'], { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'amber' },
  accepted: { label: 'Accepted', tone: 'green' },
  expired: { label: 'Expired', tone: 'neutral' },
  revoked: { label: 'Revoked', tone: 'red' },
};

export function InvitationStatusBadge({ status }: { status: Invitation['status'] }) {
  const look = looks[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

const kindNames: Record<Invitation['kind'], string> = {
  staff: 'Staff',
  contractor: 'Contractor',
  contractor_member: 'Office member',
  technician: 'Technician',
};

export function nameInvitationKind(invitation: Invitation): string {
  const kind = kindNames[invitation.kind];
  return invitation.role && invitation.kind === 'staff' ? `${kind} · ${invitation.role}` : kind;
}
