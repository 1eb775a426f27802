import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../shared/domain/accreditation.flags.ts';
import { auditEvents, jobs, jobTechnicians, notifications } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { addTechnicianPersona, assignJob, insertAccreditation, insertJob, technicianIdOf } from '../../test/technicians.fixtures.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('one job: technicians and scheduled date, with the accreditation confirmation', () => {
  let t: TestApp;
  let w: World;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });
  const scene = () => ({
    organizationId: w.orgA,
    contractorId: w.contractorX,
    engagementId: w.engagementAX,
    createdByUserId: w.aOwner.userId,
  });
  const assignedNotices = (userId: string) =>
    t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, 'job.technician_assigned')));

  it('schedules an accepted job with a flagged technician only after "assign anyway", audited and notified', async () => {
    const job = await insertJob(t, { ...scene(), status: 'accepted', scheduledOn: null, requiredAccreditations: ['confined_space'] });
    const tech = await addTechnicianPersona(t, w.contractorX, 'staff-flagged');
    const url = `/api/jobs/${job.id}/technicians`;
    const office = clientFor(t, w.xOffice);
    const date = addCalendarDays(today, 5);

    const refused = await office.request('PUT', url, { technicianIds: [tech.technicianId], scheduledOn: date });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      details: { flags: [{ technicianId: tech.technicianId, flags: [{ kind: 'missing', type: 'confined_space', jobIds: [job.id] }] }] },
    });
    const [unchanged] = await t.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(unchanged).toMatchObject({ status: 'accepted', scheduledOn: null });
    expect(await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.jobId, job.id))).toEqual([]);

    const noDate = await office.request('PUT', url, { technicianIds: [tech.technicianId], confirmFlags: true });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().details.fieldErrors[0].path).toBe('scheduledOn');

    const done = await office.request('PUT', url, { technicianIds: [tech.technicianId], scheduledOn: date, confirmFlags: true });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'scheduled',
      scheduledOn: date,
      technicians: [{ id: tech.technicianId, name: 'staff-flagged', flagOverrideConfirmed: true }],
    });
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, job.id))).map((e) => e.action);
    expect(actions).toEqual(['job.schedule', 'job.technicians_assigned']);
    const [assigned] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, job.id), eq(auditEvents.action, 'job.technicians_assigned')));
    expect(assigned?.after).toMatchObject({ assignedAnyway: [{ technicianId: tech.technicianId }] });
    expect(await assignedNotices(tech.userId)).toHaveLength(1);
    expect((await clientFor(t, tech).get(`/api/my-jobs/${job.id}`)).statusCode).toBe(200);
  });

  it('changes the crew of a scheduled job: the removed technician loses the job at once, the new one is told', async () => {
    const job = await insertJob(t, { ...scene(), status: 'scheduled', scheduledOn: addCalendarDays(today, 3) });
    const leaving = await addTechnicianPersona(t, w.contractorX, 'staff-leaving');
    const joining = await addTechnicianPersona(t, w.contractorX, 'staff-joining');
    await assignJob(t, job, {
      organizationId: w.orgA,
      contractorId: w.contractorX,
      technicianId: leaving.technicianId,
      byUserId: w.xAdmin.userId,
    });
    expect((await clientFor(t, leaving).get(`/api/my-jobs/${job.id}`)).statusCode).toBe(200);

    const res = await clientFor(t, w.xAdmin).request('PUT', `/api/jobs/${job.id}/technicians`, {
      technicianIds: [joining.technicianId],
      scheduledOn: addCalendarDays(today, 4),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'scheduled',
      scheduledOn: addCalendarDays(today, 4),
      technicians: [{ id: joining.technicianId }],
    });
    expect((await clientFor(t, leaving).get(`/api/my-jobs/${job.id}`)).statusCode).toBe(404);
    expect((await clientFor(t, joining).get(`/api/my-jobs/${job.id}`)).statusCode).toBe(200);
    expect(await assignedNotices(joining.userId)).toHaveLength(1);
    expect(await assignedNotices(leaving.userId)).toHaveLength(0);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, job.id))).map((e) => e.action).sort();
    expect(actions).toEqual(['job.rescheduled', 'job.technicians_assigned']);
    // the same crew again: nothing new to tell
    await clientFor(t, w.xAdmin).request('PUT', `/api/jobs/${job.id}/technicians`, { technicianIds: [joining.technicianId] });
    expect(await assignedNotices(joining.userId)).toHaveLength(1);
  });

  it('refuses strangers, finished jobs, technicians and the company; 404 for another contractor', async () => {
    const job = await insertJob(t, { ...scene(), status: 'scheduled' });
    const url = `/api/jobs/${job.id}/technicians`;
    const stranger = await clientFor(t, w.xAdmin).request('PUT', url, { technicianIds: [technicianIdOf(w.yTech)] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().details.fieldErrors[0].path).toBe('technicianIds');
    const tooMany = await clientFor(t, w.xAdmin).request('PUT', url, {
      technicianIds: Array.from({ length: 21 }, () => crypto.randomUUID()),
    });
    expect(tooMany.statusCode).toBe(400);
    const closed = await insertJob(t, { ...scene(), status: 'closed' });
    expect((await clientFor(t, w.xAdmin).request('PUT', `/api/jobs/${closed.id}/technicians`, { technicianIds: [] })).statusCode).toBe(403);
    await assignJob(t, job, {
      organizationId: w.orgA,
      contractorId: w.contractorX,
      technicianId: technicianIdOf(w.xTech),
      byUserId: w.xAdmin.userId,
    });
    expect((await clientFor(t, w.xTech).request('PUT', url, { technicianIds: [] })).statusCode).toBe(403);
    expect((await clientFor(t, w.aOwner).request('PUT', url, { technicianIds: [] })).statusCode).toBe(403);
    expect((await clientFor(t, w.yAdmin).request('PUT', url, { technicianIds: [] })).statusCode).toBe(404);
    expect((await clientFor(t, w.aOwner).get(url)).json().technicians).toHaveLength(1);
  });

  it('does not flag a technician whose accreditation lasts past the date', async () => {
    const job = await insertJob(t, { ...scene(), status: 'accepted', scheduledOn: null, requiredAccreditations: ['gas_fitting'] });
    const tech = await addTechnicianPersona(t, w.contractorX, 'staff-fine');
    await insertAccreditation(t, {
      contractorId: w.contractorX,
      technicianId: tech.technicianId,
      type: 'gas_fitting',
      expiresOn: addCalendarDays(today, 400),
    });
    const res = await clientFor(t, w.xOffice).request('PUT', `/api/jobs/${job.id}/technicians`, {
      technicianIds: [tech.technicianId],
      scheduledOn: addCalendarDays(today, 10),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().technicians).toEqual([{ id: tech.technicianId, name: 'staff-fine', flagOverrideConfirmed: false }]);
  });
});
