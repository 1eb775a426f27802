import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  auditEvents,
  contractorMembers,
  contractRevisions,
  contracts,
  emails,
  engagements,
  files,
  invitations,
  invoices,
  milestoneSubmissions,
  milestones,
  notifications,
  paymentBatches,
  paymentNotes,
  payments,
  staffMembers,
  technicians,
} from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

const nothing = sql`false`;

/**
 * Rows that belong to an engagement: staff see their organization's, contractor members their
 * contractor's (for every organization), technicians none of them.
 */
export function byParties(actor: Actor, table: { organizationId: PgColumn; contractorId: PgColumn }): SQL {
  if (actor.kind === 'staff') return eq(table.organizationId, actor.organizationId);
  if (actor.kind === 'contractor') return eq(table.contractorId, actor.contractorId);
  return nothing;
}

/**
 * Visibility: one SQL condition per tenant table for an actor. Every read of tenant data
 * goes through these; a row outside the condition does not exist for that actor.
 */
export const scopes = {
  engagements(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(engagements.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(engagements.contractorId, actor.contractorId);
    return nothing;
  },
  staffMembers(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(staffMembers.organizationId, actor.organizationId);
    return nothing;
  },
  contractorMembers(actor: Actor): SQL {
    if (actor.kind === 'contractor') return eq(contractorMembers.contractorId, actor.contractorId);
    return nothing;
  },
  technicians(actor: Actor): SQL {
    if (actor.kind === 'contractor') return eq(technicians.contractorId, actor.contractorId);
    if (actor.kind === 'technician') return eq(technicians.id, actor.technicianId);
    return nothing;
  },
  invitations(actor: Actor): SQL {
    if (actor.kind === 'staff')
      return and(eq(invitations.organizationId, actor.organizationId), inArray(invitations.kind, ['staff', 'contractor'])) as SQL;
    if (actor.kind === 'contractor' && actor.role === 'admin')
      return and(eq(invitations.contractorId, actor.contractorId), inArray(invitations.kind, ['contractor_member', 'technician'])) as SQL;
    return nothing;
  },
  auditEvents(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(auditEvents.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(auditEvents.contractorId, actor.contractorId);
    return nothing;
  },
  files(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(files.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(files.contractorId, actor.contractorId);
    if (actor.kind === 'technician') return eq(files.uploadedByUserId, actor.userId);
    return nothing;
  },
  /** Emails about an organization: its staff (the delivery page is for owners and admins: a policy). */
  emails(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(emails.organizationId, actor.organizationId);
    return nothing;
  },
  notifications(actor: Actor): SQL {
    return eq(notifications.userId, actor.userId);
  },
  contracts(actor: Actor): SQL {
    return byParties(actor, contracts);
  },
  contractRevisions(actor: Actor): SQL {
    return byParties(actor, contractRevisions);
  },
  milestones(actor: Actor): SQL {
    return byParties(actor, milestones);
  },
  milestoneSubmissions(actor: Actor): SQL {
    return byParties(actor, milestoneSubmissions);
  },
  payments(actor: Actor): SQL {
    return byParties(actor, payments);
  },
  invoices(actor: Actor): SQL {
    return byParties(actor, invoices);
  },
  /** Dispute notes: both parties of the payment. */
  paymentNotes(actor: Actor): SQL {
    return byParties(actor, paymentNotes);
  },
  /** Batches span contractors: the organization's staff only (a contractor sees its own payments of a batch). */
  paymentBatches(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(paymentBatches.organizationId, actor.organizationId);
    return nothing;
  },
} satisfies Record<string, (actor: Actor) => SQL>;

export type ScopedTable = keyof typeof scopes;

/**
 * A contractor's business details (`contractor_profiles`, one row per contractor, no id): its own
 * members, and the staff of an organization that engages it (they pay it), never anyone else.
 */
export function contractorProfileScope(actor: Actor, contractorId: PgColumn): SQL {
  if (actor.kind === 'contractor') return eq(contractorId, actor.contractorId);
  if (actor.kind === 'staff')
    return sql`${contractorId} in (select ${engagements.contractorId} from ${engagements} where ${engagements.organizationId} = ${actor.organizationId} and ${engagements.status} <> 'invited')`;
  return nothing;
}
