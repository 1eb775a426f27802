import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import {
  auditEvents,
  contractorMembers,
  contractRevisions,
  contracts,
  emails,
  engagements,
  files,
  invitations,
  jobDocuments,
  jobSignoffs,
  jobSiteVisits,
  jobs,
  jobTaskDefects,
  jobTaskPhotos,
  jobTasks,
  jobTechnicians,
  jobTemplates,
  internalNotes,
  invoices,
  messageThreads,
  messages,
  liveEvents,
  milestoneSubmissions,
  milestones,
  notifications,
  paymentBatches,
  paymentNotes,
  payments,
  sitePreferences,
  staffMembers,
  technicianAccreditations,
  technicians,
} from '../db/schema/index.ts';
import { notFound } from '../lib/errors.ts';
import { keysetAfter, keysetKey, keysetOrder, type Page, type PageRequest, pageFrom, type RowKey } from '../lib/pagination.ts';
import type { Actor, SystemActor } from './actor.ts';
import { byParties, type ScopedTable, scopes } from './scopes.ts';

const tables = {
  engagements,
  staffMembers,
  contractorMembers,
  technicians,
  invitations,
  auditEvents,
  files,
  emails,
  notifications,
  contracts,
  contractRevisions,
  milestones,
  milestoneSubmissions,
  payments,
  invoices,
  paymentNotes,
  paymentBatches,
  jobs,
  jobTechnicians,
  jobTasks,
  jobDocuments,
  jobTemplates,
  technicianAccreditations,
  messageThreads,
  messages,
  internalNotes,
  liveEvents,
  jobTaskDefects,
  jobTaskPhotos,
  jobSiteVisits,
  jobSignoffs,
  sitePreferences,
} satisfies Record<ScopedTable, PgTable & { id: PgColumn; createdAt: PgColumn }>;

type Tables = typeof tables;

interface ScopedReader<T extends PgTable> {
  /** The row if the actor may see it; otherwise 404, exactly as for a row that does not exist. */
  get(id: string, what?: string): Promise<T['$inferSelect']>;
  /** As get, and locks the row (`FOR UPDATE`) until the transaction ends: read, check, then write. */
  getForUpdate(id: string, what?: string): Promise<T['$inferSelect']>;
  find(id: string): Promise<T['$inferSelect'] | undefined>;
  /** One page, newest first (created_at, id), from a cursor; no silent cap: the caller passes the limit. */
  page(request: PageRequest & { where?: SQL }): Promise<Page<T['$inferSelect']>>;
}

/** A table whose rows carry the parties of the parent they hang off (documents, attachments, submissions …). */
type ChildTable = PgTable & { organizationId: PgColumn; contractorId: PgColumn };

interface ScopedChildren {
  /**
   * The condition for the rows of a child table that belong to a parent the actor was already
   * checked to see: the parent's key, and the actor's scope on the child's own parties, so a
   * child is never read past the scope even if a parent id was mixed up.
   */
  childrenOf(child: ChildTable, parentKey: PgColumn, parentIds: string | readonly string[]): SQL;
}

/** The actor's condition on a table; Portico itself (a system actor) sees every row. */
function scopeOf(name: ScopedTable, actor: Actor | SystemActor): SQL | undefined {
  return actor.kind === 'system' ? undefined : scopes[name](actor);
}

/** Scoped reads: the only way services read tenant rows by id or list them. */
export function scoped(db: Executor, actor: Actor | SystemActor): { [K in ScopedTable]: ScopedReader<Tables[K]> } & ScopedChildren {
  const entries = (Object.keys(tables) as ScopedTable[]).map((name) => {
    const table = tables[name];
    const select = (id: string) =>
      db
        .select()
        .from(table as PgTable)
        .where(and(eq(table.id, id), scopeOf(name, actor)));
    const reader: ScopedReader<typeof table> = {
      async find(id) {
        const rows = await select(id).limit(1);
        return rows[0] as never;
      },
      async get(id, what) {
        const row = await reader.find(id);
        if (!row) throw notFound(what);
        return row;
      },
      async getForUpdate(id, what) {
        const [row] = await select(id).for('update');
        if (!row) throw notFound(what);
        return row as never;
      },
      async page({ where, limit, cursor }) {
        const keyset = { columns: [table.createdAt, table.id], direction: 'desc' } as const;
        const rows = await db
          .select({ row: table as PgTable, key: keysetKey(keyset) } as never)
          .from(table as PgTable)
          .where(and(scopeOf(name, actor), where, keysetAfter(keyset, cursor)))
          .orderBy(...keysetOrder(keyset))
          .limit(limit + 1);
        const page = pageFrom(rows as Array<{ row: never; key: RowKey }>, limit, (r) => r.key);
        return { items: page.items.map((r) => r.row), nextCursor: page.nextCursor };
      },
    };
    return [name, reader] as const;
  });
  const children: ScopedChildren = {
    childrenOf(child, parentKey, parentIds) {
      // Many parents are one array parameter, not one parameter each: the statement's text is the
      // same for any number of them (one prepared statement), and Drizzle builds it in one step.
      const parents =
        typeof parentIds === 'string' ? eq(parentKey, parentIds) : sql`${parentKey} = any(${sql.param([...parentIds])}::text[])`;
      return and(parents, actor.kind === 'system' ? undefined : byParties(actor, child)) as SQL;
    },
  };
  return { ...Object.fromEntries(entries), ...children } as never;
}
