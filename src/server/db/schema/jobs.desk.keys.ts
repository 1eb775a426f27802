import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { jobPriorities } from '../../../shared/domain/accreditations.ts';
import { jobStatuses } from '../../../shared/domain/job.machine.ts';

/*
 * The expressions the contractor's desk view sorts and searches on. The same builders make the
 * indexes (jobs.schema.ts) and the queries (modules/jobs/jobs.desk.*), so PostgreSQL matches
 * the query's expression to its index. Each is immutable (an index requires it).
 */

function arrayOf(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);
}

/** A status's place in the job's life (assigned first, archived last): the Status column's order. */
export function statusRankOf(status: PgColumn): SQL {
  return sql`array_position(${arrayOf(jobStatuses)}, ${status})`;
}

/** Low → urgent. */
export function priorityRankOf(priority: PgColumn): SQL {
  return sql`array_position(${arrayOf(jobPriorities)}, ${priority})`;
}

/** Unscheduled jobs sort after every scheduled one (ascending). */
export function scheduledKeyOf(scheduledOn: PgColumn): SQL {
  return sql`coalesce(${scheduledOn}, 'infinity'::date)`;
}

export function siteKeyOf(siteName: PgColumn): SQL {
  return sql`lower(${siteName})`;
}

export function poKeyOf(poNumber: PgColumn): SQL {
  return sql`coalesce(${poNumber}, '')`;
}

/**
 * The words of a job that the desk's search finds: site, address, PO number, description, with
 * every run of non-alphanumeric characters made a space (so `PO-12345` is the words `po` and
 * `12345`), in the `simple` configuration (no stemming, no stop words). A GIN index serves it.
 */
export function searchDocumentOf(t: { siteName: PgColumn; siteAddress: PgColumn; poNumber: PgColumn; description: PgColumn }): SQL {
  return sql`to_tsvector('simple'::regconfig, regexp_replace(${t.siteName} || ' ' || ${t.siteAddress} || ' ' || coalesce(${t.poNumber}, '') || ' ' || ${t.description}, '[^[:alnum:]]+', ' ', 'g'))`;
}

/** The search text as a query: every word must begin a word of the document (`word:*`, all ANDed). */
export function searchQueryOf(text: string): SQL {
  return sql`to_tsquery('simple'::regconfig, (select coalesce(string_agg(quote_literal(w) || ':*', ' & '), '') from unnest(string_to_array(trim(regexp_replace(lower(${text}), '[^[:alnum:]]+', ' ', 'g')), ' ')) as w where w <> ''))`;
}
