import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contractorMembers, jobTechnicians, staffMembers, technicians } from '../../db/schema/index.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { MessageRow } from './messages.presenter.ts';

/** Where each side reads a thread: the exact page a notification links to. */
export function threadLinks(threadId: string) {
  return { company: `/app/messages/${threadId}`, contractor: `/portal/messages/${threadId}` };
}

const excerptOf = (body: string) => (body.length > 280 ? `${body.slice(0, 280)}…` : body);

/**
 * Tells the other side of a new message ('message.received', in the app and by email): the
 * company's staff (all but viewers) when the contractor's side wrote, the contractor's members when
 * staff wrote, and on a job the technicians assigned to it. Never the author.
 */
export async function tellOtherSide(
  tx: Executor,
  message: MessageRow,
  author: { name: string; isTechnician: boolean },
  partyName: string,
): Promise<void> {
  const links = threadLinks(message.threadId);
  const base = {
    organizationId: message.organizationId,
    contractorId: message.contractorId,
    type: 'message.received',
    title: `New message from ${author.name} (${partyName})`,
    body: excerptOf(message.body),
  };
  if (message.side === 'contractor')
    await notify(tx, {
      ...base,
      link: links.company,
      userIds: tx
        .select({ userId: staffMembers.userId })
        .from(staffMembers)
        .where(and(eq(staffMembers.organizationId, message.organizationId), ne(staffMembers.role, 'viewer'))),
    });
  // A technician's message also reaches the office of its own contractor; a member's or staff's reaches the members.
  if (message.side === 'company' || author.isTechnician)
    await notify(tx, {
      ...base,
      link: links.contractor,
      userIds: tx
        .select({ userId: contractorMembers.userId })
        .from(contractorMembers)
        .where(and(eq(contractorMembers.contractorId, message.contractorId), ne(contractorMembers.userId, message.authorUserId))),
    });
  if (message.jobId)
    await notify(tx, {
      ...base,
      link: `/tech/jobs/${message.jobId}`,
      userIds: tx
        .select({ userId: technicians.userId })
        .from(jobTechnicians)
        .innerJoin(technicians, eq(technicians.id, jobTechnicians.technicianId))
        .where(
          and(
            eq(jobTechnicians.jobId, message.jobId),
            isNull(technicians.removedAt),
            sql`${technicians.userId} is not null`,
            ne(technicians.userId, message.authorUserId),
          ),
        ),
    });
}
