import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { accounts, contractorMembers, contractors, engagements, staffMembers, technicians, users } from './schema/index.ts';
import { runInTransaction } from './transaction.ts';
import { createId } from '../lib/ids.ts';
import { hashPassword } from '../modules/auth/auth.better.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { Actor, RequestContext } from '../access/actor.ts';
import { acknowledgeRevision, changeContractStatus, createContract, updateContract } from '../modules/contracts/contracts.service.ts';
import { createMilestone, markMilestonePaid, reviewMilestone, submitMilestone } from '../modules/milestones/milestones.service.ts';
import { createOrganizationWithOwner } from '../modules/organizations/organizations.service.ts';

export const DEMO_PASSWORD = 'Harbour-Lantern-Violet-42';

export interface DemoPersona {
  who: string;
  email: string;
  signIn: 'password' | 'magic link';
}

export const demoPersonas: DemoPersona[] = [
  { who: 'Northwind Facilities · owner', email: 'olivia.owner@northwind.example', signIn: 'password' },
  { who: 'Northwind Facilities · manager', email: 'marco.manager@northwind.example', signIn: 'password' },
  { who: 'Northwind Facilities · finance', email: 'fiona.finance@northwind.example', signIn: 'password' },
  { who: 'Brightline Studio (contractor) · admin', email: 'bea@brightline.example', signIn: 'password' },
  { who: 'Brightline Studio · technician', email: 'tom.tech@brightline.example', signIn: 'magic link' },
  { who: 'Harbor Electrical (contractor) · admin', email: 'hank@harbor-electric.example', signIn: 'password' },
  { who: 'Harbor Electrical · technician', email: 'tess.tech@harbor-electric.example', signIn: 'magic link' },
];

async function addUser(tx: Tx, name: string, email: string, passwordHash: string | null): Promise<string> {
  const id = createId();
  await tx.insert(users).values({ id, name, email, emailVerified: true });
  if (passwordHash) await tx.insert(accounts).values({ id: createId(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
  return id;
}

/** True when the database has no organization yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from organizations`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return (rows[0]?.n ?? 0) === 0;
}

/** The demo dataset: one company with three staff, two contractors each with an admin and a technician. */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cast = await runInTransaction(db, async (tx) => {
    const crewsCreated: Array<{ contractorId: string; engagementId: string; adminId: string; adminName: string; adminEmail: string }> = [];
    const owner = await addUser(tx, 'Olivia Owner', 'olivia.owner@northwind.example', passwordHash);
    const manager = await addUser(tx, 'Marco Manager', 'marco.manager@northwind.example', passwordHash);
    const finance = await addUser(tx, 'Fiona Finance', 'fiona.finance@northwind.example', passwordHash);
    const orgId = await createOrganizationWithOwner(tx, { name: 'Northwind Facilities', ownerUserId: owner, timeZone: 'Europe/London' });
    await tx.insert(staffMembers).values([
      { id: createId(), organizationId: orgId, userId: manager, role: 'manager' },
      { id: createId(), organizationId: orgId, userId: finance, role: 'finance' },
    ]);
    const crews = [
      { business: 'Brightline Studio', admin: ['Bea Brightline', 'bea@brightline.example'], tech: ['Tom Tech', 'tom.tech@brightline.example'] },
      { business: 'Harbor Electrical', admin: ['Hank Harbor', 'hank@harbor-electric.example'], tech: ['Tess Tech', 'tess.tech@harbor-electric.example'] },
    ] as const;
    for (const crew of crews) {
      const contractorId = createId();
      await tx.insert(contractors).values({ id: contractorId, name: crew.business });
      const admin = await addUser(tx, crew.admin[0], crew.admin[1], passwordHash);
      const tech = await addUser(tx, crew.tech[0], crew.tech[1], null);
      await tx.insert(contractorMembers).values({ id: createId(), contractorId, userId: admin, role: 'admin' });
      await tx.insert(technicians).values({ id: createId(), contractorId, userId: tech });
      const engagementId = createId();
      await tx.insert(engagements).values({ id: engagementId, organizationId: orgId, contractorId, status: 'active' });
      await recordAudit(tx, {
        actorUserId: owner,
        organizationId: orgId,
        contractorId,
        action: 'engagement.created',
        entityType: 'engagement',
        entityId: engagementId,
        after: { status: 'active', source: 'demo data' },
      });
      crewsCreated.push({ contractorId, engagementId, adminId: admin, adminName: crew.admin[0], adminEmail: crew.admin[1] });
    }
    return { orgId, owner, crews: crewsCreated };
  });
  await seedDemoWork(db, cast);
}

function contextFor(actor: Actor, user: { id: string; name: string; email: string }): RequestContext {
  return { actor, user: { ...user, twoFactorEnabled: false }, sessionId: 'demo', requestId: createId(), ip: 'demo' };
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Contracts and milestones in every state, made through the services as the demo people would,
 * so history, audit events, notifications and draft payments are all there.
 */
async function seedDemoWork(
  db: Db,
  cast: { orgId: string; owner: string; crews: Array<{ contractorId: string; engagementId: string; adminId: string; adminName: string; adminEmail: string }> },
): Promise<void> {
  const owner = contextFor(
    { kind: 'staff', userId: cast.owner, organizationId: cast.orgId, role: 'owner' },
    { id: cast.owner, name: 'Olivia Owner', email: 'olivia.owner@northwind.example' },
  );
  const [studio, electric] = cast.crews;
  if (!studio || !electric) return;
  const hank = contextFor({ kind: 'contractor', userId: electric.adminId, contractorId: electric.contractorId, role: 'admin' }, { id: electric.adminId, name: electric.adminName, email: electric.adminEmail });
  const bea = contextFor({ kind: 'contractor', userId: studio.adminId, contractorId: studio.contractorId, role: 'admin' }, { id: studio.adminId, name: studio.adminName, email: studio.adminEmail });

  const brand = await createContract(db, owner, {
    engagementId: studio.engagementId,
    title: 'Brand refresh 2026',
    scopeHtml: '<h2>Scope</h2><p>A new logo, colour palette and a style guide for print and web.</p><ul><li>Three logo concepts</li><li>Palette with accessible contrast</li><li>Style guide (PDF)</li></ul>',
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
    (await createMilestone(db, owner, brand.id, { title, dueDate: daysFromNow(due), amountMinor, currency: 'EUR', description, fileIds: [] })).id;
  const paid = await m('Discovery workshop', -40, 150_000, 'A half-day workshop and a written brief.');
  const approved = await m('Logo concepts', -10, 350_000, 'Three directions, each on light and dark backgrounds.');
  const review = await m('Colour palette', 5, 200_000, 'Primary and secondary colours with contrast ratios.');
  const changes = await m('Style guide', 30, 400_000, 'Typography, logo use, colour and tone of voice.');
  await m('Launch assets', 75, 100_000, 'Social, email and slide templates.');
  await m('Overdue: stationery set', -3, 50_000, 'Letterhead, business cards and envelopes.');
  for (const id of [paid, approved, review, changes]) await submitMilestone(db, bea, id, { note: 'Ready for your review.', links: ['https://example.com/brightline/deliverable'], fileIds: [] });
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
}

export function describeDemo(publicUrl: string, devMailbox = true): string {
  const width = Math.max(...demoPersonas.map((p) => p.who.length));
  return [
    `Demo data is loaded. Open ${publicUrl} and sign in as:`,
    ...demoPersonas.map((p) => `  ${p.who.padEnd(width)}  ${p.email}  ${p.signIn === 'password' ? `password ${DEMO_PASSWORD}` : devMailbox ? `"Email me a sign-in link", then open ${publicUrl}/dev/mailbox` : '"Email me a sign-in link" (it arrives by email)'}`),
  ].join('\n');
}
