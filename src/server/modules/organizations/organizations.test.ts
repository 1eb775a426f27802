import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { addMembership, assertDatabaseKnowsZone } from './organizations.service.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('organizations and people', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('shows the current organization with the abilities of the role', async () => {
    const owner = await clientFor(t, w.aOwner).get('/api/organizations/current');
    expect(owner.json()).toMatchObject({ id: w.orgA, abilities: { update: true, inviteStaff: true, inviteContractor: true } });
    const manager = await clientFor(t, w.aManager).get('/api/organizations/current');
    expect(manager.json().abilities).toMatchObject({ update: false, inviteStaff: false, inviteContractor: true });
    expect((await clientFor(t, w.xAdmin).get('/api/organizations/current')).statusCode).toBe(404);
  });

  it('lets owners and admins rename the organization, audited; a viewer gets 403 and nothing changes', async () => {
    const denied = await clientFor(t, w.aViewer).patch('/api/organizations/current', { name: 'Viewer was here' });
    expect(denied.statusCode).toBe(403);
    const ok = await clientFor(t, w.aAdmin).edit('/api/organizations/current', { name: 'Renamed Org' });
    expect(ok.json().name).toBe('Renamed Org');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, w.orgA));
    expect(events.find((e) => e.action === 'organization.updated')).toMatchObject({
      before: { name: `Org A ${w.suffix}` },
      after: { name: 'Renamed Org' },
    });
    expect((await clientFor(t, w.aAdmin).patch('/api/organizations/current', { name: '' })).statusCode).toBe(400);
    expect((await clientFor(t, w.aAdmin).patch('/api/organizations/current', { id: 'x' })).statusCode).toBe(400);
  });

  it('keeps a time zone (UTC unless chosen): owners and admins change it in Settings, by IANA name only', async () => {
    const admin = clientFor(t, w.aAdmin);
    expect((await admin.get('/api/organizations/current')).json().timeZone).toBe('UTC');
    const changed = await admin.edit('/api/organizations/current', { timeZone: 'pacific/auckland' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().timeZone).toBe('Pacific/Auckland');
    for (const bad of ['Mars/Olympus_Mons', '+13:00', 'Pacific/Auckland\nX', 'x'.repeat(65)]) {
      const refused = await admin.edit('/api/organizations/current', { timeZone: bad });
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().details.fieldErrors[0].path, bad).toBe('body.timeZone');
    }
    expect((await admin.get('/api/organizations/current')).json().timeZone).toBe('Pacific/Auckland');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, w.orgA));
    expect(
      events.find((e) => e.action === 'organization.updated' && (e.after as { timeZone?: string }).timeZone === 'Pacific/Auckland'),
    ).toMatchObject({
      before: { timeZone: 'UTC' },
    });
    expect((await clientFor(t, w.aManager).edit('/api/organizations/current', { timeZone: 'UTC' })).statusCode).toBe(403);
    expect((await admin.edit('/api/organizations/current', { timeZone: 'UTC' })).json().timeZone).toBe('UTC');
  });

  it("asks the database whether it knows a zone; a name it refuses leaves the caller's transaction usable", async () => {
    const after = await runInTransaction(t.db, async (tx) => {
      await expect(assertDatabaseKnowsZone(tx, 'Mars/Olympus_Mons')).rejects.toMatchObject({
        status: 400,
        details: { fieldErrors: [{ path: 'timeZone' }] },
      });
      await assertDatabaseKnowsZone(tx, 'Pacific/Chatham');
      return tx.execute(sql`select 1 as one`);
    });
    expect((after as unknown as { rows: unknown[] }).rows).toEqual([{ one: 1 }]);
  });

  it('lists staff for staff only, and the crew for the contractor', async () => {
    const staff = await clientFor(t, w.aOwner).get('/api/staff');
    expect(
      staff
        .json()
        .items.map((s: { role: string }) => s.role)
        .sort(),
    ).toEqual(['admin', 'finance', 'manager', 'owner', 'viewer']);
    expect((await clientFor(t, w.xAdmin).get('/api/staff')).json().items).toEqual([]);
    const team = await clientFor(t, w.xAdmin).get('/api/contractor/team');
    expect(team.json().members).toHaveLength(2);
    expect(team.json().technicians).toHaveLength(1);
    expect(team.json().abilities).toEqual({ inviteMember: true, inviteTechnician: true });
    expect((await clientFor(t, w.xOffice).get('/api/contractor/team')).json().abilities).toEqual({
      inviteMember: false,
      inviteTechnician: false,
    });
  });

  it('lets a person with several memberships choose which one a request acts as', async () => {
    await runInTransaction(t.db, (tx) => addMembership(tx, w.aManager.userId, { kind: 'staff', organizationId: w.orgB, role: 'viewer' }));
    const me = await clientFor(t, w.aManager).get('/api/me');
    expect(me.json().memberships).toHaveLength(2);
    const asB = await clientFor(t, { ...w.aManager, context: `staff:${w.orgB}` }).get('/api/organizations/current');
    expect(asB.json().id).toBe(w.orgB);
    const unknown = await clientFor(t, { ...w.aManager, context: `staff:${crypto.randomUUID()}` }).get('/api/me');
    // An unknown context falls back to the first membership, never to someone else's.
    expect(unknown.json().current).toBe(me.json().memberships[0].key);
  });
});
