import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import {
  auditEvents,
  contractorMembers,
  contractRevisions,
  contracts,
  engagements,
  files,
  invitations,
  milestoneSubmissions,
  milestones,
  notifications,
  payments,
  staffMembers,
  technicians,
} from '../db/schema/index.ts';
import { notFound } from '../lib/errors.ts';
import { keysetAfter, keysetKey, keysetOrder, type Page, type PageRequest, pageFrom } from '../lib/pagination.ts';
import type { Actor } from './actor.ts';
import { type ScopedTable, scopes } from './scopes.ts';

const tables = {
  engagements,
  staffMembers,
  contractorMembers,
  technicians,
  invitations,
  auditEvents,
  files,
  notifications,
  contracts,
  contractRevisions,
  milestones,
  milestoneSubmissions,
  payments,
} satisfies Record<ScopedTable, PgTable & { id: PgColumn; createdAt: PgColumn }>;

type Tables = typeof tables;

interface ScopedReader<T extends PgTable> {
  /** The row if the actor may see it; otherwise 404, exactly as for a row that does not exist. */
  get(id: string, what?: string): Promise<T['$inferSelect']>;
  find(id: string): Promise<T['$inferSelect'] | undefined>;
  /** One page, newest first (created_at, id), from a cursor; no silent cap: the caller passes the limit. */
  page(request: PageRequest & { where?: SQL }): Promise<Page<T['$inferSelect']>>;
}

/** Scoped reads: the only way services read tenant rows by id or list them. */
export function scoped(db: Executor, actor: Actor): { [K in ScopedTable]: ScopedReader<Tables[K]> } {
  const entries = (Object.keys(tables) as ScopedTable[]).map((name) => {
    const table = tables[name];
    const reader: ScopedReader<typeof table> = {
      async find(id) {
        const rows = await db
          .select()
          .from(table as PgTable)
          .where(and(eq(table.id, id), scopes[name](actor)))
          .limit(1);
        return rows[0] as never;
      },
      async get(id, what) {
        const row = await reader.find(id);
        if (!row) throw notFound(what);
        return row;
      },
      async page({ where, limit, cursor }) {
        const keyset = { columns: [table.createdAt, table.id], direction: 'desc' } as const;
        const rows = await db
          .select({ row: table as PgTable, key: keysetKey(keyset) } as never)
          .from(table as PgTable)
          .where(and(scopes[name](actor), where, keysetAfter(keyset, cursor)))
          .orderBy(...keysetOrder(keyset))
          .limit(limit + 1);
        const page = pageFrom(rows as Array<{ row: never; key: string }>, limit, (r) => r.key);
        return { items: page.items.map((r) => r.row), nextCursor: page.nextCursor };
      },
    };
    return [name, reader] as const;
  });
  return Object.fromEntries(entries) as never;
}
