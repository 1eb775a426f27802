/**
 * The data sets the route benchmarks read: a small company (5 contracts, 50 milestones) and a
 * large one (2,000 contracts, 5,000 milestones, and long lists of everything else), each with a
 * staff owner and a contractor admin, inserted in bulk (a few statements per table).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/server/db/client.ts';
import {
  auditEvents,
  contractorMembers,
  contractors,
  contracts,
  engagements,
  invitations,
  milestoneSubmissions,
  milestones,
  notifications,
  organizations,
  staffMembers,
  users,
} from '../src/server/db/schema/index.ts';
import { createId } from '../src/server/lib/ids.ts';

export interface Size {
  label: 'small' | 'large';
  contracts: number;
  milestones: number;
  /** Engagements, staff, invitations, notifications and audit events. */
  others: number;
}

export const sizes: Size[] = [
  { label: 'small', contracts: 5, milestones: 50, others: 5 },
  { label: 'large', contracts: 2000, milestones: 5000, others: 2000 },
];

export interface Company {
  size: Size;
  orgId: string;
  contractorId: string;
  engagementId: string;
  ownerEmail: string;
  ownerUserId: string;
  contractorEmail: string;
  contractorUserId: string;
  contractIds: string[];
}

const statuses = ['open', 'submitted', 'changes_requested', 'approved', 'paid'] as const;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

async function addUser(db: Db, name: string): Promise<{ id: string; email: string }> {
  const id = createId();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@bench.local`;
  await db.insert(users).values({ id, name, email, emailVerified: true });
  return { id, email };
}

/** One company of the given size: its own contractor holds every contract and milestone, so both sides' lists are that long. */
export async function seedCompany(db: Db, size: Size): Promise<Company> {
  const orgId = createId();
  const contractorId = createId();
  const engagementId = createId();
  await db.insert(organizations).values({ id: orgId, name: `Bench ${size.label}` });
  await db.insert(contractors).values({ id: contractorId, name: `Bench ${size.label} contractor` });
  await db.insert(engagements).values({ id: engagementId, organizationId: orgId, contractorId, status: 'active' });
  const owner = await addUser(db, `Owner ${size.label}`);
  const member = await addUser(db, `Contractor ${size.label}`);
  await db.insert(staffMembers).values({ id: createId(), organizationId: orgId, userId: owner.id, role: 'owner' });
  await db.insert(contractorMembers).values({ id: createId(), contractorId, userId: member.id, role: 'admin' });

  // More engagements (each with its own contractor), staff, invitations, notifications, audit events.
  const extraContractors = Array.from({ length: size.others - 1 }, (_, i) => ({
    id: createId(),
    name: `Bench ${size.label} contractor ${i}`,
  }));
  await insertAll(extraContractors, (c) => db.insert(contractors).values(c));
  await insertAll(extraContractors, (c) =>
    db.insert(engagements).values(c.map((x) => ({ id: createId(), organizationId: orgId, contractorId: x.id, status: 'active' as const }))),
  );
  const staffUsers = Array.from({ length: size.others - 1 }, (_, i) => ({
    id: createId(),
    name: `Staff ${i}`,
    email: `staff.${i}.${orgId}@bench.local`,
    emailVerified: true,
  }));
  await insertAll(staffUsers, (c) => db.insert(users).values(c));
  await insertAll(staffUsers, (c) =>
    db.insert(staffMembers).values(c.map((u) => ({ id: createId(), organizationId: orgId, userId: u.id, role: 'viewer' as const }))),
  );
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  await insertAll(
    Array.from({ length: size.others }, (_, i) => i),
    (c) =>
      db.insert(invitations).values(
        c.map((i) => ({
          id: createId(),
          kind: 'staff' as const,
          organizationId: orgId,
          email: `invited.${i}.${orgId}@bench.local`,
          name: `Invited ${i}`,
          role: 'viewer',
          tokenHash: randomBytes(32).toString('hex'),
          invitedByUserId: owner.id,
          expiresAt,
        })),
      ),
  );
  await insertAll(
    Array.from({ length: size.others }, (_, i) => i),
    (c) =>
      db.insert(notifications).values(
        c.map((i) => ({
          id: createId(),
          userId: owner.id,
          organizationId: orgId,
          type: 'bench',
          title: `Notification ${i}`,
          body: 'Seeded for the benchmark.',
          readAt: i % 2 ? new Date() : null,
        })),
      ),
  );
  await insertAll(
    Array.from({ length: size.others }, (_, i) => i),
    (c) =>
      db.insert(auditEvents).values(
        c.map((i) => ({
          id: createId(),
          chain: `bench:${orgId}`,
          seq: i + 1,
          organizationId: orgId,
          actorUserId: owner.id,
          action: 'bench.seeded',
          entityType: 'bench',
          entityId: `${i}`,
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
          prevHash: '0',
          hash: '0',
        })),
      ),
  );

  const contractRows = Array.from({ length: size.contracts }, (_, i) => ({
    id: createId(),
    organizationId: orgId,
    contractorId,
    engagementId,
    title: `Contract ${i}`,
    scopeHtml: '<p>Seeded for the benchmark.</p>',
    rateType: 'milestone' as const,
    rateAmountMinor: 100_000,
    currency: 'EUR',
    startDate: '2025-01-01',
    endDate: '2030-12-31',
    ipClause: 'Assigned on payment.',
    noticePeriodDays: 14,
    status: 'active' as const,
    revision: 1,
    createdByUserId: owner.id,
  }));
  await insertAll(contractRows, (c) => db.insert(contracts).values(c));
  const milestoneRows = Array.from({ length: size.milestones }, (_, i) => ({
    id: createId(),
    organizationId: orgId,
    contractorId,
    contractId: contractRows[i % contractRows.length]!.id,
    title: `Milestone ${i}`,
    description: '',
    dueDate: new Date(Date.UTC(2025, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10),
    amountMinor: 10_000 + i,
    currency: 'EUR',
    status: statuses[i % statuses.length]!,
    createdByUserId: owner.id,
  }));
  await insertAll(milestoneRows, (c) => db.insert(milestones).values(c));
  return {
    size,
    orgId,
    contractorId,
    engagementId,
    ownerEmail: owner.email,
    ownerUserId: owner.id,
    contractorEmail: member.email,
    contractorUserId: member.id,
    contractIds: contractRows.map((c) => c.id),
  };
}

/** Milestones ready for one write each: `open` ones to submit, `submitted` ones (with their submission) to approve. */
export async function seedWriteTargets(db: Db, company: Company, status: 'open' | 'submitted', count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: createId(),
    organizationId: company.orgId,
    contractorId: company.contractorId,
    contractId: company.contractIds[i % company.contractIds.length]!,
    title: `Write target ${i}`,
    description: '',
    dueDate: '2026-06-30',
    amountMinor: 50_000,
    currency: 'EUR',
    status,
    submittedAt: status === 'submitted' ? new Date() : null,
    createdByUserId: company.ownerUserId,
  }));
  await insertAll(rows, (c) => db.insert(milestones).values(c));
  if (status === 'submitted')
    await insertAll(rows, (c) =>
      db.insert(milestoneSubmissions).values(
        c.map((m) => ({
          id: createId(),
          milestoneId: m.id,
          organizationId: m.organizationId,
          contractorId: m.contractorId,
          version: 1,
          note: 'Done.',
          links: [],
          submittedByUserId: company.contractorUserId,
        })),
      ),
    );
  return rows.map((r) => r.id);
}
