import type { Actor, RequestContext } from '../access/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { runInTransaction } from '../db/transaction.ts';
import { createId } from '../lib/ids.ts';
import { postNote } from '../modules/messages/messages.notes.ts';
import { postMessage } from '../modules/messages/messages.service.ts';

interface DemoParty {
  id: string;
  name: string;
  email: string;
}

function contextOf(actor: Actor, user: DemoParty): RequestContext {
  return { actor, user: { ...user, twoFactorEnabled: false }, sessionId: 'demo', requestId: createId(), ip: 'demo' };
}

const conversation = [
  { from: 'company', body: 'Welcome aboard! This thread is for everything about our work together.' },
  { from: 'contractor', body: 'Thanks! Quick question: should invoices go to accounts@ or through the portal?\nI can do either.' },
  {
    from: 'company',
    body: 'Through the portal, please: it keeps the PDF and the approval in one place. The process is at https://example.com/invoicing',
  },
  { from: 'contractor', body: 'Perfect, will do. I will send the first one at the end of the month.' },
] as const;

/**
 * A thread with some history on every engagement (posted through the service, so audit events and
 * notifications are there too), and an internal note on the first: staff only.
 */
export async function seedDemoMessages(
  tx: Tx,
  cast: { orgId: string; owner: DemoParty; crews: Array<{ engagementId: string; contractorId: string; admin: DemoParty }> },
): Promise<void> {
  const owner = contextOf({ kind: 'staff', userId: cast.owner.id, organizationId: cast.orgId, role: 'owner' }, cast.owner);
  // A transaction (a savepoint) of its own, as a service's: it reads the audit chain's head afresh.
  await runInTransaction(tx as unknown as Db, async (inner) => {
    for (const crew of cast.crews) {
      const admin = contextOf({ kind: 'contractor', userId: crew.admin.id, contractorId: crew.contractorId, role: 'admin' }, crew.admin);
      for (const line of conversation)
        await postMessage(inner, line.from === 'company' ? owner : admin, { engagementId: crew.engagementId, body: line.body });
    }
  });
  const first = cast.crews[0];
  if (first)
    await postNote(tx as unknown as Db, owner, first.engagementId, {
      body: 'Internal: reliable so far; keep them in mind for the spring refurbishment.',
    });
}
