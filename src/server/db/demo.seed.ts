import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { accounts, contractorMembers, contractors, engagements, staffMembers, technicians, users } from './schema/index.ts';
import { runInTransaction } from './transaction.ts';
import { createId } from '../lib/ids.ts';
import { hashPassword } from '../modules/auth/auth.better.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
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
  await runInTransaction(db, async (tx) => {
    const owner = await addUser(tx, 'Olivia Owner', 'olivia.owner@northwind.example', passwordHash);
    const manager = await addUser(tx, 'Marco Manager', 'marco.manager@northwind.example', passwordHash);
    const finance = await addUser(tx, 'Fiona Finance', 'fiona.finance@northwind.example', passwordHash);
    const orgId = await createOrganizationWithOwner(tx, { name: 'Northwind Facilities', ownerUserId: owner });
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
    }
  });
}

export function describeDemo(publicUrl: string): string {
  const width = Math.max(...demoPersonas.map((p) => p.who.length));
  return [
    `Demo data is loaded. Open ${publicUrl} and sign in as:`,
    ...demoPersonas.map((p) => `  ${p.who.padEnd(width)}  ${p.email}  ${p.signIn === 'password' ? `password ${DEMO_PASSWORD}` : `"Email me a sign-in link", then open ${publicUrl}/dev/mailbox`}`),
  ].join('\n');
}
