import { formatDate } from '../../../lib/format.intl.ts';
import type { StaffHome } from '../api/get-home.query.ts';

type HomeInvitation = StaffHome['invitations']['items'][number];

const kindNames: Record<HomeInvitation['kind'], string> = {
  staff: 'Staff',
  contractor: 'Contractor',
  contractor_member: 'Team member',
  technician: 'Technician',
};

export function InvitationRow({ invitation }: { invitation: HomeInvitation }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
      <span className="min-w-0 break-words">
        <span className="font-medium text-slate-900">{invitation.name}</span>
        <span className="block text-sm text-slate-700">
          {kindNames[invitation.kind]} · {invitation.email}
        </span>
      </span>
      <span className="text-sm text-slate-800">Expires {formatDate(invitation.expiresAt)}</span>
    </li>
  );
}
