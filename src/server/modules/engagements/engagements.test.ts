import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, engagements, notifications } from '../../db/schema/index.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('engagements', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('shows staff their contractors and contractors their organizations, with abilities', async () => {
    const staff = await clientFor(t, w.aOwner).get('/api/engagements');
    expect(staff.json().items).toEqual([
      expect.objectContaining({
        id: w.engagementAX,
        contractor: { id: w.contractorX, name: `Contractor X ${w.suffix}` },
        abilities: { end: true, reactivate: false },
      }),
    ]);
    const viewer = await clientFor(t, w.aViewer).get('/api/engagements');
    expect(viewer.json().items[0].abilities).toEqual({ end: false, reactivate: false });
    const contractor = await clientFor(t, w.xOffice).get('/api/engagements');
    expect(contractor.json().items).toEqual([expect.objectContaining({ organization: { id: w.orgA, name: `Org A ${w.suffix}` } })]);
    expect((await clientFor(t, w.xTech).get('/api/engagements')).json().items).toEqual([]);
  });

  it('filters by status and searches by name (filters in the query)', async () => {
    const owner = clientFor(t, w.aOwner);
    expect((await owner.get('/api/engagements?status=ended')).json().items).toEqual([]);
    expect((await owner.get(`/api/engagements?q=${encodeURIComponent(`X ${w.suffix}`)}`)).json().items).toHaveLength(1);
    expect((await owner.get('/api/engagements?q=%25')).json().items).toEqual([]);
    const bad = await owner.get('/api/engagements?status=paused');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors[0].path).toBe('querystring.status');
  });

  it('ends and reactivates, audited, the contractor told; a wrong-state event is a 409 with the current state', async () => {
    const world = await createWorld(t);
    const owner = clientFor(t, world.aOwner);
    const ended = await owner.post(`/api/engagements/${world.engagementAX}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', abilities: { end: false, reactivate: true } });
    const again = await owner.post(`/api/engagements/${world.engagementAX}/end`);
    expect(again.statusCode).toBe(403);
    const [row] = await t.db.select().from(engagements).where(eq(engagements.id, world.engagementAX));
    expect(row?.status).toBe('ended');
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, world.engagementAX), eq(auditEvents.action, 'engagement.end')));
    expect(events[0]).toMatchObject({ before: { status: 'active' }, after: { status: 'ended' }, actorUserId: world.aOwner.userId });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, world.xAdmin.userId));
    expect(told.map((n) => n.type)).toContain('engagement.ended');
    // The contractor keeps read access to an ended engagement.
    expect((await clientFor(t, world.xAdmin).get(`/api/engagements/${world.engagementAX}`)).json().status).toBe('ended');
    expect((await owner.post(`/api/engagements/${world.engagementAX}/reactivate`)).json().status).toBe('active');
    // Managers may not end engagements; contractors may not either.
    expect((await clientFor(t, world.aManager).post(`/api/engagements/${world.engagementAX}/end`)).statusCode).toBe(403);
    expect((await clientFor(t, world.xAdmin).post(`/api/engagements/${world.engagementAX}/end`)).statusCode).toBe(403);
  });

  it(raceTitle('lets exactly one of concurrent end requests win'), async () => {
    const world = await createWorld(t);
    const owner = clientFor(t, world.aOwner);
    const results = await Promise.all(Array.from({ length: 10 }, () => owner.post(`/api/engagements/${world.engagementAX}/end`)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 403 || c === 409)).toBe(true);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, world.engagementAX), eq(auditEvents.action, 'engagement.end')));
    expect(events).toHaveLength(1);
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    const owner = clientFor(t, w.aOwner);
    const bad = await owner.get('/api/engagements/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors[0].path).toBe('params.id');
    expect((await owner.get(`/api/engagements/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});
