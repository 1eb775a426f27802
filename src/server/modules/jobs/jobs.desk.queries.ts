import { and, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { contractorActionJobStatuses, notPerformedJobStatuses } from '../../../shared/domain/job.machine.ts';
import {
  DESK_COUNT_CAP,
  type DeskFilter,
  type DeskListQuery,
  type DeskSelection,
  DESK_BULK_MAX,
} from '../../../shared/schemas/job-desk.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { engagements, jobs, jobTechnicians, organizations, technicians, users } from '../../db/schema/index.ts';
import { searchDocumentOf, searchQueryOf } from '../../db/schema/jobs.desk.keys.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { pageFrom } from '../../lib/pagination.ts';
import { type DeskRow, presentDeskJob } from './jobs.desk.presenter.ts';
import { afterKeys, castKey, deskKeysets, keyOfRow, orderByKeys, readDeskCursor } from './jobs.desk.sorts.ts';

/** The organization's calendar date at `now`: what "overdue" is counted against, per row. */
function organizationToday(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${organizations.timeZone})::date`;
}

/** True when the text has something to search for (a letter or a digit). */
function searchable(q: string | undefined): q is string {
  return q !== undefined && /[\p{L}\p{N}]/u.test(q);
}

/**
 * The filters as one condition on `jobs` joined with its `organizations` row (for "overdue",
 * counted in the organization's time zone), inside the actor's scope. Used by the list, the
 * count and "all N that match" of the bulk requests, so they always agree.
 */
export function deskWhere(actor: Actor, filter: DeskFilter, now: Date): SQL {
  const statuses = filter.status && filter.status.length > 0 ? filter.status : undefined;
  return and(
    scopes.jobs(actor),
    statuses ? inArray(jobs.status, statuses) : undefined,
    filter.organizationId ? eq(jobs.organizationId, filter.organizationId) : undefined,
    filter.technicianId
      ? sql`exists (select 1 from ${jobTechnicians} where ${jobTechnicians.jobId} = ${jobs.id} and ${jobTechnicians.technicianId} = ${filter.technicianId})`
      : undefined,
    filter.dueFrom ? gte(jobs.dueOn, filter.dueFrom) : undefined,
    filter.dueTo ? lte(jobs.dueOn, filter.dueTo) : undefined,
    filter.scheduled === 'true' ? isNotNull(jobs.scheduledOn) : filter.scheduled === 'false' ? isNull(jobs.scheduledOn) : undefined,
    filter.overdue === 'true'
      ? and(inArray(jobs.status, [...notPerformedJobStatuses]), sql`${jobs.dueOn} < ${organizationToday(now)}`)
      : undefined,
    filter.needsAction === 'true' ? inArray(jobs.status, [...contractorActionJobStatuses]) : undefined,
    searchable(filter.q) ? sql`${searchDocumentOf(jobs)} @@ ${searchQueryOf(filter.q)}` : undefined,
  ) as SQL;
}

/** The names of a job's technicians, as JSON text: [[id, name], …] by name. */
const techniciansOfJob = sql`(select coalesce(json_agg(json_build_array(${technicians.id}, ${users.name}) order by ${users.name}, ${technicians.id}), '[]'::json)::text
  from ${jobTechnicians}
  join ${technicians} on ${technicians.id} = ${jobTechnicians.technicianId}
  join ${users} on ${users.id} = ${technicians.userId}
  where ${jobTechnicians.jobId} = ${jobs.id})`;

/** The columns of a row of the table, every one as text or a number, named (raw rows, one shape for both queries). */
function deskColumns(key: SQL): SQL {
  return sql`${jobs.id} as id, ${jobs.number} as number, ${jobs.siteName} as site_name, ${jobs.siteAddress} as site_address,
    left(${jobs.description}, 200) as description, ${jobs.status} as status, ${jobs.priority} as priority,
    ${jobs.dueOn}::text as due_on, ${jobs.targetOn}::text as target_on, ${jobs.scheduledOn}::text as scheduled_on,
    ${jobs.poNumber} as po_number, ${jobs.poAmountMinor}::text as po_amount_minor, ${jobs.poCurrency} as po_currency,
    ${jobs.requiredAccreditations} as required_accreditations, ${jobs.createdAt}::text as created_at,
    ${organizations.id} as organization_id, ${organizations.name} as organization_name, ${organizations.timeZone} as time_zone,
    ${techniciansOfJob} as technicians, ${key} as key`;
}

function rowsOf(result: unknown): DeskRow[] {
  return (result as { rows: DeskRow[] }).rows;
}

/**
 * One page of the contractor's jobs table, sorted and filtered; the first page also counts the
 * matching rows, up to DESK_COUNT_CAP. Two statements on the first page, one after.
 */
export async function listDeskJobs(db: Executor, ctx: RequestContext, query: DeskListQuery, now = new Date()) {
  assertDeskActor(ctx.actor);
  const rows = rowsOf(await db.execute(deskPageSql(ctx.actor, query, now)));
  // The raw statement's key is one column of JSON text (keyOfRow): its values, in order.
  const page = pageFrom(rows, query.limit, (row) => JSON.parse(row.key) as string[]);
  const total = query.cursor ? null : await countDeskJobs(db, ctx.actor, query, now);
  return { items: page.items.map((row) => presentDeskJob(ctx.actor, row, now)), nextCursor: page.nextCursor, total };
}

/** The statement of one page (`limit + 1` rows): what the list runs, and what the plan test EXPLAINs. */
export function deskPageSql(actor: Actor, query: DeskListQuery, now: Date): SQL {
  const where = deskWhere(actor, query, now);
  const cursor = query.cursor ? readDeskCursor(query.sort, query.cursor) : undefined;
  return query.sort === 'organization' ? byOrganizationSql(actor, where, query, cursor) : byKeysetSql(where, query, cursor);
}

function byKeysetSql(where: SQL, query: DeskListQuery, cursor: string[] | undefined): SQL {
  const keys = deskKeysets[query.sort];
  const after = cursor ? afterKeys(keys, cursor, query.dir) : undefined;
  return sql`select ${deskColumns(keyOfRow(keys))}
    from ${jobs} join ${organizations} on ${organizations.id} = ${jobs.organizationId}
    where ${and(where, after)}
    order by ${sql.join(orderByKeys(keys, query.dir), sql`, `)}
    limit ${query.limit + 1}`;
}

/**
 * Sorted by organization name: the contractor's organizations (a few) by (name, id), and for
 * each, its jobs by (due date, id) from the index (contractor_id, organization_id, due_on, id),
 * at most a page of them (a lateral join), so the page never sorts more than
 * organizations × (limit + 1) rows. The cursor is (name, organization id, due date, job id).
 */
function byOrganizationSql(actor: Actor, where: SQL, query: DeskListQuery, cursor: string[] | undefined): SQL {
  const keys = deskKeysets.organization;
  const asc = query.dir === 'asc';
  const [nameKey, orgKey, dueKey, idKey] = keys as [(typeof keys)[0], (typeof keys)[0], (typeof keys)[0], (typeof keys)[0]];
  const fromOrg = cursor
    ? asc
      ? sql`and (o.name, o.id) >= (${castKey(nameKey, cursor[0]!)}, ${castKey(orgKey, cursor[1]!)})`
      : sql`and (o.name, o.id) <= (${castKey(nameKey, cursor[0]!)}, ${castKey(orgKey, cursor[1]!)})`
    : sql``;
  // Inside the cursor's organization, after its (due date, id); in the others, from their start.
  const withinOrg = cursor
    ? sql`and (${jobs.dueOn}, ${jobs.id}) ${sql.raw(asc ? '>' : '<')} (
        case when o.id = ${cursor[1]!} then ${castKey(dueKey, cursor[2]!)} else ${sql.raw(asc ? "'-infinity'::date" : "'infinity'::date")} end,
        case when o.id = ${cursor[1]!} then ${castKey(idKey, cursor[3]!)} else '' end)`
    : sql``;
  const dir = sql.raw(asc ? 'asc' : 'desc');
  const contractorId = actor.kind === 'contractor' ? actor.contractorId : null;
  return sql`select page.* from (
      select ${organizations.id} as id, ${organizations.name} as name from ${organizations}
      where ${organizations.id} in (select ${engagements.organizationId} from ${engagements} where ${engagements.contractorId} = ${contractorId})
    ) o
    cross join lateral (
      select ${deskColumns(keyOfRow(keys))}
      from ${jobs} join ${organizations} on ${organizations.id} = ${jobs.organizationId}
      where ${jobs.organizationId} = o.id and ${where} ${withinOrg}
      order by ${jobs.dueOn} ${dir}, ${jobs.id} ${dir}
      limit ${query.limit + 1}
    ) page
    where true ${fromOrg}
    order by o.name ${dir}, o.id ${dir}, page.due_on ${dir}, page.id ${dir}
    limit ${query.limit + 1}`;
}

/** `jobs`, joined with its organization only when the filter needs it ("overdue" is counted in the organization's time zone). */
function jobsFrom(filter: DeskFilter): SQL {
  return filter.overdue === 'true' ? sql`${jobs} join ${organizations} on ${organizations.id} = ${jobs.organizationId}` : sql`${jobs}`;
}

/** The statement counting the matching jobs, stopping after the cap. */
export function deskCountSql(actor: Actor, filter: DeskFilter, now: Date): SQL {
  return sql`select count(*)::int as n from (
    select 1 from ${jobsFrom(filter)} where ${deskWhere(actor, filter, now)} limit ${DESK_COUNT_CAP + 1}) matching`;
}

/** How many jobs match, counted up to the cap (the table shows "10,000+"). */
export async function countDeskJobs(db: Executor, actor: Actor, filter: DeskFilter, now: Date): Promise<{ count: number; more: boolean }> {
  const result = await db.execute(deskCountSql(actor, filter, now));
  const n = Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  return { count: Math.min(n, DESK_COUNT_CAP), more: n > DESK_COUNT_CAP };
}

/**
 * The ids a bulk request names: the ids given (deduplicated, in order), or every job matching
 * the filter, in id order. More than DESK_BULK_MAX matching is a 400 that asks to narrow it.
 */
export async function selectionIds(db: Executor, actor: Actor, selection: DeskSelection, now = new Date()): Promise<string[]> {
  if ('ids' in selection) return [...new Set(selection.ids)];
  const result = await db.execute(sql`select ${jobs.id} as id
    from ${jobsFrom(selection.filter)}
    where ${deskWhere(actor, selection.filter, now)}
    order by ${jobs.id} limit ${DESK_BULK_MAX + 1}`);
  const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (ids.length > DESK_BULK_MAX)
    throw new AppError('VALIDATION_FAILED', `More than ${DESK_BULK_MAX} jobs match this filter; narrow it and try again.`, {
      fieldErrors: [{ path: 'selection.filter', message: `At most ${DESK_BULK_MAX} jobs at once.` }],
    });
  return ids;
}

export type LockedJob = Pick<
  typeof jobs.$inferSelect,
  'id' | 'status' | 'organizationId' | 'contractorId' | 'requiredAccreditations' | 'scheduledOn' | 'siteName' | 'number'
>;

/** Only the contractor's members work at the desk (technicians have their own view; staff their own list). */
export function assertDeskActor(actor: Actor): asserts actor is Extract<Actor, { kind: 'contractor' }> {
  if (actor.kind !== 'contractor') throw forbidden('The jobs desk is for the contractor’s members.');
}
