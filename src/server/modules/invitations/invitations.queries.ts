import { and } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { invitationAbilities } from '../../access/policies.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import { preparedRead } from '../../db/prepared.ts';
import { invitations } from '../../db/schema/index.ts';
import { type Keyset, keysetAfterValues, keysetKey, keysetOrder, keysetValues, type PageRequest, pageFrom } from '../../lib/pagination.ts';

/** What an invitation is shown from: the row, or the columns the list reads. */
type ShownInvitation = Pick<
  typeof invitations.$inferSelect,
  'id' | 'kind' | 'email' | 'name' | 'role' | 'expiresAt' | 'acceptedAt' | 'revokedAt' | 'createdAt'
>;

export function presentInvitation(actor: Actor, row: ShownInvitation, now = new Date()) {
  const status = row.acceptedAt ? 'accepted' : row.revokedAt ? 'revoked' : row.expiresAt < now ? 'expired' : 'pending';
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    name: row.name,
    role: row.role,
    status: status as 'pending' | 'accepted' | 'expired' | 'revoked',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    abilities: invitationAbilities(actor, row),
  };
}

/** Newest first (created_at, id), the order of the list indexes (organization_id or contractor_id, created_at, id). */
const invitationKeyset: Keyset = { columns: [invitations.createdAt, invitations.id], direction: 'desc' };

/** A page of the actor's invitations, the columns the list shows: one prepared statement per shape (src/server/db/prepared.ts). */
const selectInvitations = preparedRead((db: Executor, actor: Actor, v: { afterCreatedAt?: string; afterId?: string; limit: number }) =>
  db
    .select({
      key: keysetKey(invitationKeyset),
      id: invitations.id,
      kind: invitations.kind,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(scopes.invitations(actor), v.afterCreatedAt ? keysetAfterValues(invitationKeyset, [v.afterCreatedAt, v.afterId]) : undefined),
    )
    .orderBy(...keysetOrder(invitationKeyset))
    .limit(v.limit),
);

export async function listInvitations(db: Db, ctx: RequestContext, request: PageRequest, now = new Date()) {
  const [afterCreatedAt, afterId] = keysetValues(invitationKeyset, request.cursor);
  const rows = await selectInvitations(db, ctx.actor, { afterCreatedAt, afterId, limit: request.limit + 1 });
  const page = pageFrom(rows, request.limit, (row) => row.key);
  return { items: page.items.map((row) => presentInvitation(ctx.actor, row, now)), nextCursor: page.nextCursor };
}
