import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../access/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { accounts, contractorMembers, contractors, engagements, staffMembers, technicians, users } from '../db/schema/index.ts';
import { runAsOneTransaction } from '../db/transaction.ts';
import { createId } from '../lib/ids.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { hashPassword } from '../modules/auth/auth.better.ts';
import { acknowledgeRevision, changeContractStatus, createContract, updateContract } from '../modules/contracts/contracts.service.ts';
import { createMilestone, markMilestonePaid, reviewMilestone, submitMilestone } from '../modules/milestones/milestones.service.ts';
import { createOrganizationWithOwner } from '../modules/organizations/organizations.service.ts';
import { seedDemoJobs } from './demo.jobs.ts';
import { seedDemoSiteWork } from './demo.site-work.ts';
import { seedDeskDemo } from './demo.desk.ts';
import { type DemoDocument, seedDemoMoney, storeDemoInvoiceDocument } from './demo.money.ts';
import type { Storage } from '../lib/storage.ts';
import { DEMO_PASSWORD, daysFromNow, demoCrews, demoOrganization, demoPersonas } from './demo.data.ts';
import { seedDemoTechnicians } from './demo.technicians.ts';
import { seedDemoMessages } from './demo.messages.ts';

/** True when the database has no organization yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from organizations`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return (rows[0]?.n ?? 0) === 0;
}

interface Crew {
  contractorId: string;
  engagementId: string;
  adminId: string;
  adminName: string;
  adminEmail: string;
}

interface Cast {
  orgId: string;
  owner: string;
  finance: string;
  crews: Crew[];
}

/**
 * The demo dataset, in one transaction (a start interrupted half-way leaves no half demo): one
 * company with three staff, two contractors each with an admin and a technician, people and
 * memberships in one statement per table, then the work as the demo people would do it.
 */
export async function seedDemo(db: Db, storage?: Storage): Promise<void> {
  // The password's hash (argon2, on libuv's threads) and the invoice's PDF are made while the
  // database works; each is awaited where it is first needed.
  const passwordHash = settleLater(hashPassword(DEMO_PASSWORD));
  const documentStored = settleLater(storage ? storeDemoInvoiceDocument(storage, demoCrews[0]?.business ?? 'Contractor') : null);
  await runAsOneTransaction(db, async (tx) => {
    const cast = await seedPeople(tx, passwordHash);
    const harbor = cast.crews.find((c) => c.adminEmail === 'hank@harbor-electric.example');
    if (harbor) await seedDemoTechnicians(tx, harbor.contractorId, harbor.adminId);
    // The services' own transactions join this one (no savepoints): their live events and audit heads are written once.
    await seedDemoWork(tx as unknown as Db, cast, storage);
    // Harbor Electrical's desk: 2,000 jobs in bulk inserts (src/server/demo/demo.desk.ts).
    const electric = cast.crews[1];
    if (electric)
      await seedDeskDemo(tx, {
        organizationId: cast.orgId,
        contractorId: electric.contractorId,
        engagementId: electric.engagementId,
        createdByUserId: cast.owner,
        assignedByUserId: electric.adminId,
      });
    const studio = cast.crews[0];
    const document: DemoDocument | null = await documentStored;
    if (studio)
      await seedDemoMoney(
        tx,
        {
          orgId: cast.orgId,
          financeUserId: cast.finance,
          contractorId: studio.contractorId,
          engagementId: studio.engagementId,
          adminUserId: studio.adminId,
          business: demoCrews[0]?.business ?? 'Contractor',
        },
        document,
      );
    await seedDemoMessages(tx, {
      orgId: cast.orgId,
      owner: { id: cast.owner, name: demoOrganization.owner.name, email: demoOrganization.owner.email },
      crews: cast.crews.map((c) => ({
        engagementId: c.engagementId,
        contractorId: c.contractorId,
        admin: { id: c.adminId, name: c.adminName, email: c.adminEmail },
      })),
    });
  });
}

/** A promise awaited later: its failure is reported where it is awaited, not as an unhandled rejection now. */
function settleLater<T>(work: Promise<T> | T): Promise<T> {
  const promise = Promise.resolve(work);
  promise.catch(() => undefined);
  return promise;
}

async function seedPeople(tx: Tx, passwordHash: Promise<string>): Promise<Cast> {
  const person = (p: { name: string; email: string }) => ({ id: createId(), name: p.name, email: p.email, emailVerified: true });
  const owner = person(demoOrganization.owner);
  const staff = demoOrganization.staff.map((s) => ({ ...person(s), role: s.role }));
  const crews = demoCrews.map((c) => ({
    ...c,
    contractorId: createId(),
    engagementId: createId(),
    admin: person(c.admin),
    tech: person(c.tech),
  }));
  const withPassword = [owner, ...staff, ...crews.map((c) => c.admin)];
  await tx
    .insert(users)
    .values(
      [...withPassword, ...crews.map((c) => c.tech)].map(({ id, name, email, emailVerified }) => ({ id, name, email, emailVerified })),
    );
  const orgId = await createOrganizationWithOwner(tx, { name: demoOrganization.name, ownerUserId: owner.id, timeZone: 'Europe/London' });
  await tx.insert(staffMembers).values(staff.map((s) => ({ id: createId(), organizationId: orgId, userId: s.id, role: s.role })));
  await tx.insert(contractors).values(crews.map((c) => ({ id: c.contractorId, name: c.business })));
  await tx
    .insert(contractorMembers)
    .values(crews.map((c) => ({ id: createId(), contractorId: c.contractorId, userId: c.admin.id, role: 'admin' as const })));
  await tx.insert(technicians).values(crews.map((c) => ({ id: createId(), contractorId: c.contractorId, userId: c.tech.id })));
  await tx
    .insert(engagements)
    .values(crews.map((c) => ({ id: c.engagementId, organizationId: orgId, contractorId: c.contractorId, status: 'active' as const })));
  for (const crew of crews)
    await recordAudit(tx, {
      actorUserId: owner.id,
      organizationId: orgId,
      contractorId: crew.contractorId,
      action: 'engagement.created',
      entityType: 'engagement',
      entityId: crew.engagementId,
      after: { status: 'active', source: 'demo data' },
    });
  const password = await passwordHash;
  await tx
    .insert(accounts)
    .values(withPassword.map((u) => ({ id: createId(), accountId: u.id, providerId: 'credential', userId: u.id, password })));
  return {
    orgId,
    owner: owner.id,
    finance: staff.find((s) => s.role === 'finance')?.id ?? owner.id,
    crews: crews.map((c) => ({
      contractorId: c.contractorId,
      engagementId: c.engagementId,
      adminId: c.admin.id,
      adminName: c.admin.name,
      adminEmail: c.admin.email,
    })),
  };
}

function contextFor(actor: Actor, user: { id: string; name: string; email: string }): RequestContext {
  return { actor, user: { ...user, twoFactorEnabled: false }, sessionId: 'demo', requestId: createId(), ip: 'demo' };
}

/**
 * Contracts and milestones in every state, made through the services as the demo people would,
 * so history, audit events, notifications and draft payments are all there.
 */
async function seedDemoWork(db: Db, cast: Cast, storage?: Storage): Promise<void> {
  const owner = contextFor(
    { kind: 'staff', userId: cast.owner, organizationId: cast.orgId, role: 'owner' },
    { id: cast.owner, name: demoOrganization.owner.name, email: demoOrganization.owner.email },
  );
  const [studio, electric] = cast.crews;
  if (!studio || !electric) return;
  const hank = contextFor(
    { kind: 'contractor', userId: electric.adminId, contractorId: electric.contractorId, role: 'admin' },
    { id: electric.adminId, name: electric.adminName, email: electric.adminEmail },
  );
  const bea = contextFor(
    { kind: 'contractor', userId: studio.adminId, contractorId: studio.contractorId, role: 'admin' },
    { id: studio.adminId, name: studio.adminName, email: studio.adminEmail },
  );

  const brand = await createContract(db, owner, {
    engagementId: studio.engagementId,
    title: 'Brand refresh 2026',
    scopeHtml:
      '<h2>Scope</h2><p>A new logo, colour palette and a style guide for print and web.</p><ul><li>Three logo concepts</li><li>Palette with accessible contrast</li><li>Style guide (PDF)</li></ul>',
    rateType: 'milestone',
    rateAmountMinor: 1_200_000,
    currency: 'EUR',
    startDate: daysFromNow(-60),
    endDate: daysFromNow(240),
    ipClause: 'All rights in the deliverables pass to Northwind Facilities on payment of each milestone.',
    noticePeriodDays: 14,
  });
  await changeContractStatus(db, owner, brand.id, 'activate');
  // Bea acknowledged the terms when the contract started; Harbor's rate change below is still to acknowledge.
  await acknowledgeRevision(db, bea, brand.id, 1);
  const m = async (title: string, due: number, amountMinor: number, description = '') =>
    (
      await createMilestone(db, owner, brand.id, {
        title,
        dueDate: daysFromNow(due),
        amountMinor,
        currency: 'EUR',
        description,
        fileIds: [],
      })
    ).id;
  const paid = await m('Discovery workshop', -40, 150_000, 'A half-day workshop and a written brief.');
  const approved = await m('Logo concepts', -10, 350_000, 'Three directions, each on light and dark backgrounds.');
  const review = await m('Colour palette', 5, 200_000, 'Primary and secondary colours with contrast ratios.');
  const changes = await m('Style guide', 30, 400_000, 'Typography, logo use, colour and tone of voice.');
  await m('Launch assets', 75, 100_000, 'Social, email and slide templates.');
  await m('Overdue: stationery set', -3, 50_000, 'Letterhead, business cards and envelopes.');
  for (const id of [paid, approved, review, changes])
    await submitMilestone(db, bea, id, {
      note: 'Ready for your review.',
      links: ['https://example.com/brightline/deliverable'],
      fileIds: [],
    });
  await reviewMilestone(db, owner, paid, 'approve', 'Great session, thank you.');
  await reviewMilestone(db, owner, approved, 'approve', 'Going with concept B.');
  await reviewMilestone(db, owner, changes, 'request_changes', 'Please add guidance for dark backgrounds.');
  await markMilestonePaid(db, paid);

  const maintenance = await createContract(db, owner, {
    engagementId: electric.engagementId,
    title: 'Electrical maintenance, all sites',
    scopeHtml: '<p>Quarterly inspection and testing of electrical installations, with reports.</p>',
    rateType: 'hourly',
    rateAmountMinor: 9_500,
    currency: 'EUR',
    startDate: daysFromNow(-30),
    endDate: null,
    ipClause: '',
    noticePeriodDays: 30,
  });
  const activated = await changeContractStatus(db, owner, maintenance.id, 'activate');
  await acknowledgeRevision(db, hank, maintenance.id, 1);
  await updateContract(db, owner, maintenance.id, { rateAmountMinor: 9_800 }, { versions: [activated.version] });
  await createContract(db, owner, {
    engagementId: electric.engagementId,
    title: 'EV chargers at the north depot (draft)',
    scopeHtml: '<p>Supply and install six chargers.</p>',
    rateType: 'fixed',
    rateAmountMinor: 4_800_000,
    currency: 'EUR',
    startDate: daysFromNow(20),
    endDate: daysFromNow(120),
    ipClause: '',
    noticePeriodDays: 0,
  });
  const audit = await createContract(db, owner, {
    engagementId: studio.engagementId,
    title: 'Website accessibility audit',
    scopeHtml: '<p>An audit against WCAG 2.2 AA with a prioritised report.</p>',
    rateType: 'fixed',
    rateAmountMinor: 600_000,
    currency: 'EUR',
    startDate: daysFromNow(-200),
    endDate: daysFromNow(-20),
    ipClause: '',
    noticePeriodDays: 7,
  });
  await changeContractStatus(db, owner, audit.id, 'activate');
  await changeContractStatus(db, owner, audit.id, 'end');
  const callouts = await createContract(db, owner, {
    engagementId: electric.engagementId,
    title: 'Emergency call-outs (trial)',
    scopeHtml: '<p>Out-of-hours emergency call-outs within four hours.</p>',
    rateType: 'daily',
    rateAmountMinor: 65_000,
    currency: 'EUR',
    startDate: daysFromNow(-90),
    endDate: daysFromNow(90),
    ipClause: '',
    noticePeriodDays: 7,
  });
  await changeContractStatus(db, owner, callouts.id, 'activate');
  await changeContractStatus(db, owner, callouts.id, 'terminate');
  await seedDemoJobs(db, owner, hank, electric.engagementId);
  // On site (issue 10): photos, signatures and reports need file storage.
  if (storage) await seedDemoSiteWork(db, storage, owner, hank, electric.engagementId);
}

export function describeDemo(publicUrl: string, devMailbox = true): string {
  const width = Math.max(...demoPersonas.map((p) => p.who.length));
  return [
    `Demo data is loaded. Open ${publicUrl} and sign in as:`,
    ...demoPersonas.map(
      (p) =>
        `  ${p.who.padEnd(width)}  ${p.email}  ${p.signIn === 'password' ? `password ${DEMO_PASSWORD}` : devMailbox ? `"Email me a sign-in link", then open ${publicUrl}/dev/mailbox` : '"Email me a sign-in link" (it arrives by email)'}`,
    ),
  ].join('\n');
}
