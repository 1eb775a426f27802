import { and, eq, sql } from 'drizzle-orm';
import type { EngagementStatus } from '../../../shared/domain/roles.ts';
import type { Actor } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import type { Executor } from '../../db/client.ts';
import { contractors, engagements, jobs, messageThreads, organizations } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';

/** A thread as the actor opened it: its engagement's id and parties, the engagement's status, the other party's name. */
export interface OpenThread {
  id: string;
  organizationId: string;
  contractorId: string;
  status: EngagementStatus;
  counterpartName: string;
  organizationName: string;
  contractorName: string;
}

const THREAD = 'This thread';

/**
 * Opens the thread of an engagement (its id is the engagement's) for an actor: the parties see
 * their engagements; a technician only an engagement with a job assigned to them. Anything else
 * is 404, exactly like an id that does not exist.
 */
export async function openThread(tx: Executor, actor: Actor, id: string): Promise<OpenThread> {
  let engagementId = id;
  if (actor.kind === 'technician') {
    const [job] = await scoped(tx, actor)
      .jobs.page({ where: eq(jobs.engagementId, id), limit: 1 })
      .then((p) => p.items);
    if (!job) throw notFound(THREAD);
    engagementId = job.engagementId;
  } else {
    await scoped(tx, actor).engagements.get(id, THREAD);
  }
  const [row] = await tx
    .select({
      id: engagements.id,
      organizationId: engagements.organizationId,
      contractorId: engagements.contractorId,
      status: engagements.status,
      organizationName: organizations.name,
      contractorName: contractors.name,
    })
    .from(engagements)
    .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .where(eq(engagements.id, engagementId));
  if (!row) throw notFound(THREAD);
  return {
    id: row.id,
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    status: row.status,
    counterpartName: actor.kind === 'staff' ? row.contractorName : row.organizationName,
    organizationName: row.organizationName,
    contractorName: row.contractorName,
  };
}

/** Makes the thread's row on its first message (one per engagement: a second insert does nothing). */
export async function ensureThread(tx: Executor, thread: OpenThread, at: Date): Promise<void> {
  await tx
    .insert(messageThreads)
    .values({ id: thread.id, organizationId: thread.organizationId, contractorId: thread.contractorId, lastMessageAt: at })
    .onConflictDoUpdate({
      target: messageThreads.id,
      set: { lastMessageAt: sql`greatest(${messageThreads.lastMessageAt}, excluded.last_message_at)` },
      where: and(eq(messageThreads.organizationId, thread.organizationId), eq(messageThreads.contractorId, thread.contractorId)),
    });
}
