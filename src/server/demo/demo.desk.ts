import { sql } from 'drizzle-orm';
import { type JobStatus, jobStatuses } from '../../shared/domain/job.machine.ts';
import type { Executor } from '../db/client.ts';

/*
 * Many jobs at once, for the desk view's demo (2,000 jobs), its tests (a thousand) and the bench
 * (100,000): one INSERT … SELECT over generate_series per table, so a first start stays fast.
 * The rows are varied but deterministic (a function of their position): sites, addresses,
 * descriptions, due dates around `today`, priorities, PO numbers, every status with the dates
 * that status implies, and the technicians of scheduled and later jobs.
 */

const sites = [
  'Harbour View Tower',
  'Northgate Mall',
  'Riverside Clinic',
  'Elm Street School',
  'Civic Library',
  'Depot 7',
  'Parkside Apartments',
  'Westfield Offices',
  'Marina Car Park',
  'Hillcrest Aged Care',
  'Central Station',
  'Airport Hangar',
];
const streets = [
  'George Street',
  'King Street',
  'Queens Road',
  'Station Avenue',
  'Harbour Drive',
  'Mill Lane',
  'Park Terrace',
  'Church Street',
  'Bridge Road',
  'Ocean Parade',
];
const cities = ['Sydney', 'Newcastle', 'Wollongong', 'Parramatta', 'Penrith', 'Gosford'];
const descriptions = [
  'Annual fire extinguisher inspection and tagging',
  'Emergency lighting six-monthly test',
  'Replace faulty exit sign on level 3',
  'Fire door compliance inspection',
  'Sprinkler system flow test',
  'HVAC filter replacement and coil clean',
  'Backflow prevention device test',
  'Roof anchor point certification',
  'Thermal imaging of main switchboard',
  'Leaking tap in staff kitchen',
  'Gutter clean and downpipe inspection',
  'Smoke detector battery replacement',
];
const accreditationSets = [
  '{}',
  '{fire_systems}',
  '{working_at_heights}',
  '{electrical_licence}',
  '{fire_systems,working_at_heights}',
  '{plumbing_licence}',
];

function textArray(values: readonly string[]) {
  return sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`);
}

export interface BulkJobsInput {
  organizationId: string;
  contractorId: string;
  engagementId: string;
  createdByUserId: string;
  count: number;
  /** The job numbers start after this one (per organization they are unique). */
  numberFrom: number;
  /** YYYY-MM-DD: due dates fall from 120 days before to 120 days after it. */
  today: string;
  /** Statuses cycled through; every status by default. */
  statuses?: readonly JobStatus[];
  /** A prefix for the site names, so a test can find its own rows. */
  label?: string;
}

/** Inserts `count` jobs in one statement; returns nothing (select them by contractor, engagement or number). */
export async function insertJobsInBulk(db: Executor, input: BulkJobsInput): Promise<void> {
  const statuses = input.statuses ?? jobStatuses;
  const n = (values: readonly unknown[]) => values.length;
  const label = input.label ? `${input.label} ` : '';
  await db.execute(sql`
    insert into jobs (id, organization_id, contractor_id, engagement_id, number, site_name, site_address, description, due_on,
      priority, po_number, po_amount_minor, po_currency, required_accreditations, target_on, scheduled_on, performed_on, status,
      reject_reason, cancel_reason, archived_at, created_by_user_id, created_at, updated_at)
    select gen_random_uuid()::text, ${input.organizationId}, ${input.contractorId}, ${input.engagementId}, ${input.numberFrom} + i + 1,
      ${label} || (${textArray(sites)})[1 + (i * 7) % ${n(sites)}] || ' ' || (1 + i % 400),
      (1 + (i * 13) % 250) || ' ' || (${textArray(streets)})[1 + (i * 11) % ${n(streets)}] || ', ' || (${textArray(cities)})[1 + (i * 5) % ${n(cities)}],
      (${textArray(descriptions)})[1 + (i * 17) % ${n(descriptions)}],
      ${input.today}::date + ((i * 37) % 241 - 120),
      (array['low', 'normal', 'normal', 'high', 'urgent'])[1 + (i * 3) % 5],
      case when i % 10 <> 0 then 'PO-' || lpad(((i * 7919) % 1000000)::text, 6, '0') end,
      case when i % 10 <> 0 then 25000 + (i * 977) % 500000 end,
      case when i % 10 <> 0 then 'AUD' end,
      (${textArray(accreditationSets)})[1 + (i * 19) % ${n(accreditationSets)}]::text[],
      case when s not in ('assigned', 'rejected') then ${input.today}::date + ((i * 37) % 241 - 110) end,
      case when s in ('scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed', 'closed', 'archived')
        then ${input.today}::date + ((i * 37) % 241 - 115) end,
      case when s in ('performed', 'closed', 'archived') then ${input.today}::date + ((i * 37) % 241 - 114) end,
      s,
      case when s = 'rejected' then 'No crew available in that area' end,
      case when s = 'cancelled' then 'Work no longer needed' end,
      case when s = 'archived' then now() end,
      ${input.createdByUserId},
      now() - make_interval(secs => ${input.count} - i),
      now()
    from generate_series(0, ${input.count - 1}) as i,
      lateral (select (${textArray(statuses)})[1 + i % ${statuses.length}] as s) as picked`);
}

/**
 * Puts the contractor's technicians on its scheduled and later jobs that have none yet (round
 * robin, one each; every third job a second one), in one statement.
 */
export async function assignTechniciansInBulk(
  db: Executor,
  contractorId: string,
  technicianIds: readonly string[],
  assignedByUserId: string,
  /** Only jobs numbered above this (the ones just inserted). */
  numberAbove = 0,
): Promise<void> {
  if (technicianIds.length === 0) return;
  await db.execute(sql`
    with staffed as (
      select j.id, j.organization_id, row_number() over (order by j.id) - 1 as k
      from jobs j
      where j.contractor_id = ${contractorId}
        and j.status in ('scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed', 'closed', 'archived')
        and j.number > ${numberAbove}
        and not exists (select 1 from job_technicians t where t.job_id = j.id)
    ), picks as (
      select id, organization_id, (${textArray(technicianIds)})[1 + k % ${technicianIds.length}] as technician_id from staffed
      union
      select id, organization_id, (${textArray(technicianIds)})[1 + (k + 1) % ${technicianIds.length}] from staffed where k % 3 = 0
    )
    insert into job_technicians (id, job_id, organization_id, contractor_id, technician_id, assigned_by_user_id)
    select gen_random_uuid()::text, id, organization_id, ${contractorId}, technician_id, ${assignedByUserId} from picks
    on conflict do nothing`);
}

/**
 * Runs `fill` with the jobs table's non-unique indexes dropped, then builds them again from
 * their own definitions (pg_indexes): loading 100,000 rows and then indexing them is several
 * times faster than indexing row by row (the bench and the plan test; never the app).
 */
export async function withJobIndexesDeferred(db: Executor, fill: () => Promise<void>): Promise<void> {
  const result = await db.execute(
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'jobs' and indexdef not like 'CREATE UNIQUE%'`,
  );
  const indexes = (result as unknown as { rows: Array<{ indexname: string; indexdef: string }> }).rows;
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  await fill();
  for (const index of indexes) await db.execute(sql.raw(index.indexdef));
}

/**
 * Runs `fill` with the foreign keys of `tables` dropped, then adds them again from their own
 * definitions (pg_constraint), which checks every row once in one query per key. Row by row,
 * each key check locks the referenced row (FOR KEY SHARE): ~0.1 ms a check on PGlite, about two
 * thirds of the demo desk's time. Inside a transaction, as `seedDemo` runs it, nobody else sees
 * the tables without their keys; a row that breaks one fails the whole fill.
 */
export async function withForeignKeysCheckedOnce(db: Executor, tables: readonly string[], fill: () => Promise<void>): Promise<void> {
  const result = await db.execute(
    sql`select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        where c.contype = 'f' and c.conrelid = any(${textArray(tables)}::regclass[])
        order by c.conrelid, c.conname`,
  );
  const keys = (result as unknown as { rows: Array<{ table_name: string; name: string; definition: string }> }).rows;
  for (const key of keys) await db.execute(sql.raw(`alter table ${key.table_name} drop constraint "${key.name}"`));
  await fill();
  for (const key of keys) await db.execute(sql.raw(`alter table ${key.table_name} add constraint "${key.name}" ${key.definition}`));
}

/** The demo's desk: 2,000 jobs of every status for one contractor, numbered after the organization's jobs so far, with its technicians on them. */
export const DEMO_DESK_JOBS = 2000;

export async function seedDeskDemo(
  db: Executor,
  cast: { organizationId: string; contractorId: string; engagementId: string; createdByUserId: string; assignedByUserId: string },
): Promise<void> {
  const last = await db.execute(sql`select coalesce(max(number), 0)::int as n from jobs where organization_id = ${cast.organizationId}`);
  const numberFrom = Number((last as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  const crew = await db.execute(sql`select id from technicians where contractor_id = ${cast.contractorId} order by created_at, id`);
  const technicianIds = (crew as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  // On a first start the tables are (nearly) empty: indexing 2,000 rows once, and checking their
  // keys once, is faster than row by row.
  await withForeignKeysCheckedOnce(db, ['jobs', 'job_technicians'], async () => {
    await withJobIndexesDeferred(db, () =>
      insertJobsInBulk(db, {
        organizationId: cast.organizationId,
        contractorId: cast.contractorId,
        engagementId: cast.engagementId,
        createdByUserId: cast.createdByUserId,
        count: DEMO_DESK_JOBS,
        numberFrom,
        today: new Date().toISOString().slice(0, 10),
      }),
    );
    await assignTechniciansInBulk(db, cast.contractorId, technicianIds, cast.assignedByUserId, numberFrom);
  });
}
