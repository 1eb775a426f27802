import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/domain/job.machine.ts';
import {
  auditEvents,
  jobs,
  jobTechnicians,
  notifications,
  statusChanges,
  technicianAccreditations,
  technicians,
  users,
} from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { createDeskScene, technicianIdOf } from '../../test/desk.world.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

async function statusesOf(t: TestApp, ids: string[]) {
  const rows = await t.db
    .select({ id: jobs.id, status: jobs.status, scheduledOn: jobs.scheduledOn, version: jobs.version })
    .from(jobs)
    .where(inArray(jobs.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A second technician of X, with an accreditation that expires in ten days. */
async function addExpiringTechnician(t: TestApp, w: World): Promise<{ id: string; userId: string }> {
  const userId = createId();
  const id = createId();
  await t.db.insert(users).values({ id: userId, email: `x-tech-2.${w.suffix}@example.test`, name: 'Second Tech', emailVerified: true });
  await t.db.insert(technicians).values({ id, contractorId: w.contractorX, userId });
  const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await t.db.insert(technicianAccreditations).values([
    { id: createId(), contractorId: w.contractorX, technicianId: id, type: 'fire_systems', number: 'FS-1', expiresOn: soon },
    { id: createId(), contractorId: w.contractorX, technicianId: id, type: 'working_at_heights', number: 'WH-1', expiresOn: soon },
  ]);
  return { id, userId };
}

describe('desk bulk requests', () => {
  let t: TestApp;
  let w: World;
  let scene: Awaited<ReturnType<typeof createDeskScene>>;

  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    // 1,000 of X's jobs (500 at A, 500 at C) and 500 of Y's, every status round robin.
    scene = await createDeskScene(t, w, 500);
  });

  it('assigns a technician and a date to 1,000 jobs in one request: the allowed change, the rest refused, nothing of the other contractor touched or named', async () => {
    const yIds = scene.yJobs.slice(0, 40).map((j) => j.id);
    const xIds = scene.xJobs.slice(0, 960).map((j) => j.id);
    const ids = [...xIds, ...yIds];
    const yBefore = JSON.stringify(await t.db.select().from(jobs).where(eq(jobs.contractorId, w.contractorY)).orderBy(jobs.id));
    const yTechBefore = await t.db.select({ n: count() }).from(jobTechnicians).where(eq(jobTechnicians.contractorId, w.contractorY));
    const before = await statusesOf(t, xIds);
    const auditBefore = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.contractorId, w.contractorX));
    const technicianId = technicianIdOf(w.xTech);
    const scheduledOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

    const res = await clientFor(t, w.xOffice).post('/api/desk/jobs/bulk-edit', {
      selection: { ids },
      technicianIds: [technicianId],
      scheduledOn,
      confirmFlagged: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    const staffable: JobStatus[] = ['accepted', 'scheduled', 'in_progress', 'revisit'];
    const expectedChanged = xIds.filter((id) => staffable.includes(before.get(id)!.status)).sort();
    expect(result.selected).toBe(1000);
    expect(result.changedIds).toEqual(expectedChanged);
    expect(result.changed).toBe(expectedChanged.length);
    expect(result.refused).toHaveLength(1000 - expectedChanged.length);
    const reasons = new Map(result.refused.map((r: { id: string; reason: string }) => [r.id, r.reason]));
    for (const id of yIds) expect(reasons.get(id)).toBe('not_found');
    for (const id of xIds) {
      const status = before.get(id)!.status;
      if (status === 'archived') expect(reasons.get(id)).toBe('archived');
      if (status === 'assigned') expect(reasons.get(id)).toBe('not_accepted');
      if (['rejected', 'performed', 'closed', 'cancelled', 'performed_need_docs'].includes(status))
        expect(reasons.get(id)).toBe('wrong_state');
    }
    // Nothing of Y's in the answer but the ids that were sent, and Y's rows untouched.
    for (const y of scene.yJobs.slice(0, 40)) expect(res.body).not.toContain(y.siteName);
    expect(res.body).not.toContain(w.orgB);
    expect(JSON.stringify(await t.db.select().from(jobs).where(eq(jobs.contractorId, w.contractorY)).orderBy(jobs.id))).toBe(yBefore);
    expect(await t.db.select({ n: count() }).from(jobTechnicians).where(eq(jobTechnicians.contractorId, w.contractorY))).toEqual(
      yTechBefore,
    );

    const after = await statusesOf(t, xIds);
    for (const id of xIds) {
      const was = before.get(id)!;
      const now = after.get(id)!;
      if (!expectedChanged.includes(id)) {
        expect(now).toEqual(was);
        continue;
      }
      expect(now.status).toBe(was.status === 'accepted' ? 'scheduled' : was.status);
      expect(now.scheduledOn).toBe(scheduledOn);
      expect(now.version).toBe(was.version + 1);
    }
    const assigned = await t.db
      .select({ jobId: jobTechnicians.jobId })
      .from(jobTechnicians)
      .where(and(eq(jobTechnicians.technicianId, technicianId), inArray(jobTechnicians.jobId, expectedChanged)));
    expect(assigned).toHaveLength(expectedChanged.length);
    // One audit event per changed job (the transition's for the accepted ones, with the status history).
    const auditAfter = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.contractorId, w.contractorX));
    expect(auditAfter[0]!.n - auditBefore[0]!.n).toBe(expectedChanged.length);
    const scheduled = expectedChanged.filter((id) => before.get(id)!.status === 'accepted');
    const history = await t.db
      .select({ n: count() })
      .from(statusChanges)
      .where(and(inArray(statusChanges.entityId, scheduled), eq(statusChanges.event, 'schedule')));
    expect(history[0]!.n).toBe(scheduled.length);
    // The technician hears once for the batch.
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.xTech.userId), eq(notifications.type, 'job.technician_assigned')));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/^\d+ jobs are assigned to you$/);
    expect(told[0]!.link).toBe('/tech/jobs');
    expect(told[0]!.body).toContain(`(scheduled ${scheduledOn})`);
  });

  it('selects "all that match" the table’s filter, and refuses a flagged technician until confirmed (audited)', async () => {
    const tech = await addExpiringTechnician(t, w);
    const filter = { status: 'accepted', organizationId: scene.orgC };
    const matching = await t.db
      .select({ id: jobs.id, required: jobs.requiredAccreditations })
      .from(jobs)
      .where(and(eq(jobs.organizationId, scene.orgC), eq(jobs.status, 'accepted')));
    expect(matching.length).toBeGreaterThan(0);
    const client = clientFor(t, w.xAdmin);

    const flags = await client.post('/api/desk/jobs/technician-flags', { selection: { filter } });
    expect(flags.statusCode, flags.body).toBe(200);
    expect(flags.json().jobs).toBe(matching.length);
    const flagged = flags.json().technicians.find((p: { id: string }) => p.id === tech.id);
    expect(flagged.flags.length).toBeGreaterThan(0);

    const refused = await client.post('/api/desk/jobs/bulk-edit', { selection: { filter }, technicianIds: [tech.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.reason).toBe('accreditation_flags');
    expect(await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.technicianId, tech.id))).toEqual([]);

    const confirmed = await client.post('/api/desk/jobs/bulk-edit', {
      selection: { filter },
      technicianIds: [tech.id],
      confirmFlagged: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().changed).toBe(matching.length);
    const rows = await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.technicianId, tech.id));
    expect(rows).toHaveLength(matching.length);
    // Every requirement is flagged for this technician: missing, or expiring within 30 days.
    const needs = new Set(matching.filter((m) => m.required.length > 0).map((m) => m.id));
    for (const row of rows) expect(row.flagOverrideConfirmed).toBe(needs.has(row.jobId));
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'job.staffed'), inArray(auditEvents.entityId, [...needs])));
    expect(events.length).toBe(needs.size);
    for (const event of events)
      expect((event.after as { flaggedTechniciansConfirmed: string[] }).flaggedTechniciansConfirmed).toEqual([tech.id]);
    // Still accepted (no date given), each with the new technician only.
    expect(
      [
        ...(
          await statusesOf(
            t,
            matching.map((m) => m.id),
          )
        ).values(),
      ].every((r) => r.status === 'accepted'),
    ).toBe(true);
  });

  it('accepts and rejects many jobs: assigned ones move, others are refused; a reason is required', async () => {
    // At A, whose staff hear about it (C has no staff).
    const assigned = scene.xJobs
      .filter((j) => j.status === 'assigned' && j.organizationId === w.orgA)
      .slice(-20)
      .map((j) => j.id);
    const closed = scene.xJobs
      .filter((j) => j.status === 'closed')
      .slice(-2)
      .map((j) => j.id);
    const client = clientFor(t, w.xOffice);
    const accept = await client.post('/api/desk/jobs/bulk-accept', {
      selection: { ids: [...assigned.slice(0, 10), ...closed] },
      targetOn: '2027-01-15',
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json().changed).toBe(10);
    expect(accept.json().refused.map((r: { reason: string }) => r.reason)).toEqual(['wrong_state', 'wrong_state']);
    const accepted = await t.db
      .select({ status: jobs.status, targetOn: jobs.targetOn })
      .from(jobs)
      .where(inArray(jobs.id, assigned.slice(0, 10)));
    expect(accepted.every((r) => r.status === 'accepted' && r.targetOn === '2027-01-15')).toBe(true);

    expect((await client.post('/api/desk/jobs/bulk-reject', { selection: { ids: assigned.slice(10) } })).statusCode).toBe(400);
    expect((await client.post('/api/desk/jobs/bulk-reject', { selection: { ids: assigned.slice(10) }, reason: '  ' })).statusCode).toBe(
      400,
    );
    const reject = await client.post('/api/desk/jobs/bulk-reject', { selection: { ids: assigned.slice(10) }, reason: 'Outside our area' });
    expect(reject.json().changed).toBe(10);
    const rejected = await t.db
      .select({ status: jobs.status, reason: jobs.rejectReason })
      .from(jobs)
      .where(inArray(jobs.id, assigned.slice(10)));
    expect(rejected.every((r) => r.status === 'rejected' && r.reason === 'Outside our area')).toBe(true);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.organizationId, [w.orgA, scene.orgC]), eq(notifications.type, 'job.rejected')));
    expect(told.length).toBeGreaterThan(0);
  });

  it(raceTitle('two people accepting the same jobs at once: each job moves once, the second request is refused per job'), async () => {
    const ids = scene.xJobs
      .filter((j) => j.status === 'assigned' && j.organizationId === scene.orgC)
      .slice(0, 30)
      .map((j) => j.id);
    const [a, b] = await Promise.all([
      clientFor(t, w.xOffice).post('/api/desk/jobs/bulk-accept', { selection: { ids } }),
      clientFor(t, w.xAdmin).post('/api/desk/jobs/bulk-accept', { selection: { ids } }),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.json().changed + b.json().changed).toBe(30);
    const history = await t.db
      .select({ n: count() })
      .from(statusChanges)
      .where(and(inArray(statusChanges.entityId, ids), eq(statusChanges.event, 'accept')));
    expect(history[0]!.n).toBe(30);
  });

  it('refuses bad bulk input with a 400 and writes nothing; its technician and staff get 403', async () => {
    const client = clientFor(t, w.xAdmin);
    const id = scene.xJobs[0]!.id;
    const bad: unknown[] = [
      { selection: { ids: [id] } },
      { selection: { ids: [] }, scheduledOn: '2027-01-01' },
      { selection: { ids: ['nope'] }, scheduledOn: '2027-01-01' },
      { selection: { ids: Array.from({ length: 5001 }, () => createId()) }, scheduledOn: '2027-01-01' },
      { selection: { ids: [id] }, scheduledOn: '2027-02-30' },
      { selection: { ids: [id] }, technicianIds: [technicianIdOf(w.yTech)] },
      { selection: { filter: { status: 'bogus' } }, scheduledOn: '2027-01-01' },
      { selection: { ids: [id], filter: {} }, scheduledOn: '2027-01-01' },
    ];
    for (const body of bad)
      expect((await client.post('/api/desk/jobs/bulk-edit', body)).statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
    expect(
      (await clientFor(t, w.xTech).post('/api/desk/jobs/bulk-edit', { selection: { ids: [id] }, scheduledOn: '2027-01-01' })).statusCode,
    ).toBe(403);
    expect((await clientFor(t, w.aOwner).post('/api/desk/jobs/bulk-accept', { selection: { ids: [id] } })).statusCode).toBe(403);
  });

  it('replays a retried bulk request with the same Idempotency-Key: the same answer, nothing changed twice', async () => {
    const current = await t.db
      .select({ id: jobs.id, status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.contractorId, w.contractorX), inArray(jobs.status, ['assigned', 'accepted'])));
    const assigned = current
      .filter((j) => j.status === 'assigned')
      .slice(0, 5)
      .map((j) => j.id);
    const accepted = current
      .filter((j) => j.status === 'accepted')
      .slice(0, 5)
      .map((j) => j.id);
    const client = clientFor(t, w.xAdmin);
    const send = (url: string, body: unknown, key: string) => client.request('POST', url, body, { headers: { 'idempotency-key': key } });
    const countOf = async (table: typeof auditEvents | typeof notifications) =>
      (await t.db.select({ n: count() }).from(table).where(eq(table.contractorId, w.contractorX)))[0]!.n;

    const acceptKey = `bulk-accept-${w.suffix}`;
    const acceptBody = { selection: { ids: assigned }, targetOn: '2027-02-01' };
    const firstAccept = await send('/api/desk/jobs/bulk-accept', acceptBody, acceptKey);
    expect(firstAccept.statusCode, firstAccept.body).toBe(200);
    expect(firstAccept.json().changed).toBe(assigned.length);
    const auditAfterAccept = await countOf(auditEvents);
    const replayedAccept = await send('/api/desk/jobs/bulk-accept', acceptBody, acceptKey);
    expect(replayedAccept.statusCode).toBe(200);
    expect(replayedAccept.headers['idempotent-replayed']).toBe('true');
    expect(replayedAccept.json()).toEqual(firstAccept.json());
    expect(await countOf(auditEvents)).toBe(auditAfterAccept);
    const history = await t.db
      .select({ n: count() })
      .from(statusChanges)
      .where(and(inArray(statusChanges.entityId, assigned), eq(statusChanges.event, 'accept')));
    expect(history[0]!.n).toBe(assigned.length);

    const editKey = `bulk-edit-${w.suffix}`;
    const editBody = {
      selection: { ids: accepted },
      technicianIds: [technicianIdOf(w.xTech)],
      scheduledOn: '2027-02-03',
      confirmFlagged: true,
    };
    const firstEdit = await send('/api/desk/jobs/bulk-edit', editBody, editKey);
    expect(firstEdit.statusCode, firstEdit.body).toBe(200);
    const versions = await statusesOf(t, accepted);
    const audits = await countOf(auditEvents);
    const notices = await countOf(notifications);
    const replayedEdit = await send('/api/desk/jobs/bulk-edit', editBody, editKey);
    expect(replayedEdit.headers['idempotent-replayed']).toBe('true');
    expect(replayedEdit.json()).toEqual(firstEdit.json());
    expect(await statusesOf(t, accepted)).toEqual(versions);
    expect(await countOf(auditEvents)).toBe(audits);
    expect(await countOf(notifications)).toBe(notices);
    // The same key with another request is refused, not replayed.
    const reused = await send('/api/desk/jobs/bulk-edit', { ...editBody, scheduledOn: '2027-02-04' }, editKey);
    expect(reused.statusCode).toBe(422);
    expect(await statusesOf(t, accepted)).toEqual(versions);
  });
});
