import { type SQL, sql } from 'drizzle-orm';
import type { DeskSort } from '../../../shared/schemas/job-desk.schema.ts';
import { jobs, organizations } from '../../db/schema/index.ts';
import { poKeyOf, priorityRankOf, scheduledKeyOf, siteKeyOf, statusRankOf } from '../../db/schema/jobs.desk.keys.ts';
import { readCursor } from '../../lib/pagination.ts';

/*
 * The desk view's sorts as keysets: each sort is a list of key expressions ending with the job's
 * id (unique), walked in one direction. Every keyset but `organization` has its index
 * (contractor_id, key…, id) in jobs.schema.ts, so a page is an index range scan that stops after
 * `limit + 1` rows. `organization` sorts by the organization's name, which is not a column of
 * jobs: it walks the contractor's organizations by name and, inside each, its jobs by
 * (due date, id) through (contractor_id, organization_id, due_on, id) (see jobs.desk.queries.ts).
 */

type KeyType = 'integer' | 'date' | 'text' | 'timestamptz';

export interface KeyPart {
  expr: SQL;
  type: KeyType;
}

const id: KeyPart = { expr: sql`${jobs.id}`, type: 'text' };
const due: KeyPart = { expr: sql`${jobs.dueOn}`, type: 'date' };

export const deskKeysets: Record<DeskSort, readonly KeyPart[]> = {
  due: [due, id],
  scheduled: [{ expr: scheduledKeyOf(jobs.scheduledOn), type: 'date' }, id],
  status: [{ expr: statusRankOf(jobs.status), type: 'integer' }, due, id],
  priority: [{ expr: priorityRankOf(jobs.priority), type: 'integer' }, due, id],
  site: [{ expr: siteKeyOf(jobs.siteName), type: 'text' }, id],
  po: [{ expr: poKeyOf(jobs.poNumber), type: 'text' }, id],
  created: [{ expr: sql`${jobs.createdAt}`, type: 'timestamptz' }, id],
  organization: [{ expr: sql`${organizations.name}`, type: 'text' }, { expr: sql`${organizations.id}`, type: 'text' }, due, id],
};

/** The cursor's values for a sort, each checked against its key's type: a forged cursor is a 400, never a SQL error. */
export function readDeskCursor(sort: DeskSort, cursor: string): string[] {
  return readCursor(
    cursor,
    deskKeysets[sort].map((key) => key.type),
  );
}

/** A key value from the cursor, cast to its key's type. */
export function castKey(key: KeyPart, value: string): SQL {
  return sql`cast(${value} as ${sql.raw(key.type)})`;
}

/** The condition "after the cursor" for keys in one direction: a row comparison an index on the keys serves. */
export function afterKeys(keys: readonly KeyPart[], values: readonly string[], dir: 'asc' | 'desc'): SQL {
  const left = sql.join(
    keys.map((k) => k.expr),
    sql`, `,
  );
  const right = sql.join(
    keys.map((k, i) => castKey(k, values[i]!)),
    sql`, `,
  );
  return dir === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

export function orderByKeys(keys: readonly KeyPart[], dir: 'asc' | 'desc'): SQL[] {
  return keys.map((k) => (dir === 'asc' ? sql`${k.expr} asc` : sql`${k.expr} desc`));
}

/** The row's key as a JSON array of text, selected with the page so the next cursor is exact. */
export function keyOfRow(keys: readonly KeyPart[]): SQL<string> {
  const parts = sql.join(
    keys.map((k) => sql`(${k.expr})::text`),
    sql`, `,
  );
  return sql<string>`json_build_array(${parts})::text`;
}
