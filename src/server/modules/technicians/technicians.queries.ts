import { and, asc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { files, invitations, technicianAccreditations, technicians, users } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, type PageRequest, pageFrom } from '../../lib/pagination.ts';
import { presentAccreditation, presentTechnician, type TechnicianView } from './technicians.presenter.ts';
import { containsPattern } from '../../lib/like.pattern.ts';

/** The name the crew knows them by: the contractor's own, else the person's. */
export const technicianName = sql<string>`coalesce(${technicians.name}, ${users.name})`;

/** Invited until they accepted an invitation to this crew or signed in at all. */
const technicianActive = sql<boolean>`(
  exists (select 1 from ${invitations} i where i.contractor_id = ${technicians.contractorId} and i.kind = 'technician'
    and i.email = ${users.email} and i.accepted_at is not null)
  or exists (select 1 from sessions s where s.user_id = ${technicians.userId}))`;

const technicianColumns = {
  id: technicians.id,
  contractorId: technicians.contractorId,
  userId: technicians.userId,
  name: technicianName,
  email: users.email,
  mobile: technicians.mobile,
  version: technicians.version,
  createdAt: technicians.createdAt,
  active: technicianActive,
};

/** Narrows by name or email, case-insensitively (`%` and `_` typed by people match themselves). */
export function technicianSearch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return or(ilike(technicianName, pattern), ilike(users.email, pattern));
}

/** The crew in the order they joined; index technicians (contractor_id, created_at, id). */
const crewKeyset: Keyset = { columns: [technicians.createdAt, technicians.id], direction: 'asc' };

export async function listTechnicians(db: Executor, ctx: RequestContext, request: PageRequest & { q?: string }) {
  const rows = await db
    .select({ ...technicianColumns, key: keysetKey(crewKeyset) })
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(
      and(
        scopes.technicians(ctx.actor),
        isNull(technicians.removedAt),
        technicianSearch(request.q),
        keysetAfter(crewKeyset, request.cursor),
      ),
    )
    .orderBy(...keysetOrder(crewKeyset))
    .limit(request.limit + 1);
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return { items: page.items.map((row) => presentTechnician(ctx.actor, row as TechnicianView)), nextCursor: page.nextCursor };
}

/** One technician of the actor's crew (not removed), or 404. */
export async function readTechnicianView(db: Executor, actor: Actor, id: string): Promise<TechnicianView> {
  const [row] = await db
    .select(technicianColumns)
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(and(eq(technicians.id, id), scopes.technicians(actor), isNull(technicians.removedAt)));
  if (!row) throw notFound('This technician');
  return row as TechnicianView;
}

function selectAccreditations(db: Executor) {
  return db
    .select({ accreditation: technicianAccreditations, file: { id: files.id, name: files.name, mime: files.mime, size: files.size } })
    .from(technicianAccreditations)
    .leftJoin(files, eq(files.id, technicianAccreditations.fileId));
}

/** One accreditation of a technician still in the actor's crew, or 404. */
export async function getAccreditation(db: Executor, ctx: RequestContext, id: string) {
  const [found] = await selectAccreditations(db).where(
    and(eq(technicianAccreditations.id, id), scopes.technicianAccreditations(ctx.actor)),
  );
  if (!found) throw notFound('This accreditation');
  await readTechnicianView(db, ctx.actor, found.accreditation.technicianId);
  return presentAccreditation(ctx.actor, found.accreditation, found.file?.id ? found.file : null);
}

/** A technician with their accreditations (soonest expiry first, those that never expire last). */
export async function getTechnician(db: Executor, ctx: RequestContext, id: string) {
  const row = await readTechnicianView(db, ctx.actor, id);
  const accreditations = await selectAccreditations(db)
    .where(
      and(
        eq(technicianAccreditations.technicianId, id),
        eq(technicianAccreditations.contractorId, row.contractorId),
        scopes.technicianAccreditations(ctx.actor),
      ),
    )
    .orderBy(
      sql`${technicianAccreditations.expiresOn} asc nulls last`,
      asc(technicianAccreditations.type),
      asc(technicianAccreditations.id),
    );
  return {
    ...presentTechnician(ctx.actor, row),
    accreditations: accreditations.map((a) => presentAccreditation(ctx.actor, a.accreditation, a.file?.id ? a.file : null)),
  };
}
