import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../shared/domain/accreditation.flags.ts';
import { jobDocuments, notifications } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { addTechnicianPersona, assignJob, insertAccreditation, insertJob, technicianIdOf } from '../../test/technicians.fixtures.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { flagDay } from './technicians.flags.ts';
import { notifyTechniciansAssigned } from './technicians.notify.ts';

describe('technicians and jobs: flags, the technician view, assignment notices', () => {
  let t: TestApp;
  let w: World;
  const today = flagDay(new Date());
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

  it('flags each technician for the jobs asked about: missing, expires before the date, expires soon', async () => {
    const ok = await addTechnicianPersona(t, w.contractorX, 'flag-ok');
    const soon = await addTechnicianPersona(t, w.contractorX, 'flag-soon');
    await insertAccreditation(t, {
      contractorId: w.contractorX,
      technicianId: ok.technicianId,
      type: 'working_at_heights',
      expiresOn: null,
    });
    await insertAccreditation(t, {
      contractorId: w.contractorX,
      technicianId: soon.technicianId,
      type: 'working_at_heights',
      expiresOn: addCalendarDays(today, 10),
    });
    const near = await insertJob(t, { ...scene(), status: 'accepted', scheduledOn: null, requiredAccreditations: ['working_at_heights'] });
    const far = await insertJob(t, {
      ...scene(),
      status: 'accepted',
      scheduledOn: addCalendarDays(today, 20),
      requiredAccreditations: ['working_at_heights'],
    });
    const other = await insertJob(t, {
      organizationId: w.orgB,
      contractorId: w.contractorY,
      engagementId: w.engagementBY,
      createdByUserId: w.bOwner.userId,
      requiredAccreditations: ['first_aid'],
    });
    const res = await clientFor(t, w.xOffice).post('/api/technicians/flags', { jobIds: [near.id, far.id, other.id] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe(today);
    expect(body.unknownJobIds).toEqual([other.id]);
    const byId = new Map(body.technicians.map((c: { id: string }) => [c.id, c]));
    expect((byId.get(ok.technicianId) as { flags: unknown[] }).flags).toEqual([]);
    expect((byId.get(soon.technicianId) as { flags: unknown[] }).flags).toEqual([
      { kind: 'expires_before_scheduled', type: 'working_at_heights', expiresOn: addCalendarDays(today, 10), jobIds: [far.id] },
      { kind: 'expires_soon', type: 'working_at_heights', expiresOn: addCalendarDays(today, 10), jobIds: [near.id] },
    ]);
    expect((byId.get(technicianIdOf(w.xTech)) as { flags: Array<{ kind: string }> }).flags.map((f) => f.kind)).toEqual(['missing']);
    // on the date a bulk edit is about to set
    const dated = await clientFor(t, w.xOffice).post('/api/technicians/flags', {
      jobIds: [near.id],
      scheduledOn: addCalendarDays(today, 15),
    });
    const soonFlags = dated.json().technicians.find((c: { id: string }) => c.id === soon.technicianId).flags;
    expect(soonFlags.map((f: { kind: string }) => f.kind)).toEqual(['expires_before_scheduled']);
    // narrowed by name; bounded
    const narrowed = await clientFor(t, w.xOffice).post('/api/technicians/flags', { jobIds: [], q: 'flag-ok', limit: 1 });
    expect(narrowed.json()).toMatchObject({ technicians: [{ id: ok.technicianId }], hasMore: false });
    expect((await clientFor(t, w.xOffice).post('/api/technicians/flags', { jobIds: [], limit: 1 })).json().hasMore).toBe(true);
    // only the contractor's office picks technicians
    expect((await clientFor(t, w.xTech).post('/api/technicians/flags', { jobIds: [near.id] })).statusCode).toBe(403);
    expect((await clientFor(t, w.aOwner).post('/api/technicians/flags', { jobIds: [near.id] })).statusCode).toBe(403);
    expect((await clientFor(t, w.xOffice).post('/api/technicians/flags', { jobIds: ['not-an-id'] })).statusCode).toBe(400);
  });

  it('shows a technician only the jobs assigned to them: list, detail, documents; anything else is 404', async () => {
    const mine = await addTechnicianPersona(t, w.contractorX, 'view-mine');
    const colleague = await addTechnicianPersona(t, w.contractorX, 'view-colleague');
    const by = { organizationId: w.orgA, contractorId: w.contractorX, byUserId: w.xAdmin.userId };
    const todayJob = await insertJob(t, { ...scene(), scheduledOn: today, siteName: 'Today Site' });
    const lateJob = await insertJob(t, {
      ...scene(),
      status: 'in_progress',
      scheduledOn: addCalendarDays(today, -2),
      siteName: 'Late Site',
    });
    const nextJob = await insertJob(t, { ...scene(), scheduledOn: addCalendarDays(today, 3), siteName: 'Next Site' });
    const doneJob = await insertJob(t, { ...scene(), status: 'closed', scheduledOn: addCalendarDays(today, -9) });
    const theirs = await insertJob(t, { ...scene(), scheduledOn: today, siteName: 'Colleague Site' });
    for (const job of [todayJob, lateJob, nextJob, doneJob]) await assignJob(t, job, { ...by, technicianId: mine.technicianId });
    await assignJob(t, theirs, { ...by, technicianId: colleague.technicianId });

    const me = clientFor(t, mine);
    const todayList = (await me.get('/api/my-jobs?when=today')).json();
    expect(todayList.items.map((j: { siteName: string }) => j.siteName)).toEqual(['Late Site', 'Today Site']);
    const upcoming = (await me.get('/api/my-jobs?when=upcoming&limit=1')).json();
    expect(upcoming.items.map((j: { siteName: string }) => j.siteName)).toEqual(['Next Site']);
    expect(upcoming.nextCursor).toBeNull();
    const paged = (await me.get('/api/my-jobs?when=today&limit=1')).json();
    expect(paged.items).toHaveLength(1);
    const second = (await me.get(`/api/my-jobs?when=today&limit=1&cursor=${paged.nextCursor}`)).json();
    expect(second.items.map((j: { siteName: string }) => j.siteName)).toEqual(['Today Site']);
    expect((await me.get('/api/my-jobs?cursor=bogus')).statusCode).toBe(400);

    const detail = await me.get(`/api/my-jobs/${todayJob.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ siteName: 'Today Site', accessDetails: 'Gate code 4321', organizationName: `Org A ${w.suffix}` });
    expect(detail.json().technicians).toEqual(['view-mine']);
    // the company's document on the job: listed, and downloadable by the assigned technician only
    const boundary = '----portico-tech-doc';
    const upload = await clientFor(t, w.aOwner).request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="site-plan.txt"\r\nContent-Type: text/plain\r\n\r\nsite plan\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id;
    await t.db.insert(jobDocuments).values({
      id: createId(),
      jobId: todayJob.id,
      organizationId: w.orgA,
      contractorId: w.contractorX,
      fileId,
      side: 'company',
      kind: 'document',
      addedByUserId: w.aOwner.userId,
    });
    expect((await me.get(`/api/my-jobs/${todayJob.id}`)).json().documents).toEqual([
      expect.objectContaining({ id: fileId, name: 'site-plan.txt' }),
    ]);
    const download = await me.get(`/api/files/${fileId}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('site plan');
    expect((await clientFor(t, colleague).get(`/api/files/${fileId}/download`)).statusCode).toBe(404);
    expect((await clientFor(t, colleague).get(`/api/files/${fileId}`)).statusCode).toBe(404);
    // a colleague's job, by id: not found, as if it did not exist
    expect((await me.get(`/api/my-jobs/${theirs.id}`)).statusCode).toBe(404);
    expect((await clientFor(t, colleague).get(`/api/my-jobs/${todayJob.id}`)).statusCode).toBe(404);
    // and every jobs route says the same: the list, the job, its export
    const listed = await me.get('/api/jobs?limit=200');
    if (listed.statusCode === 200) {
      const ids = (listed.json().items as Array<{ id: string }>).map((j) => j.id);
      expect(ids).not.toContain(theirs.id);
    } else expect([403, 404]).toContain(listed.statusCode);
    expect((await me.get(`/api/jobs/${theirs.id}`)).statusCode).toBe(404);
    expect((await me.get(`/api/jobs/${theirs.id}/technicians`)).statusCode).toBe(404);
    const exported = await me.get('/api/jobs/export');
    expect(exported.body).not.toContain('Colleague Site');
    // the office does not use the technician view
    expect((await clientFor(t, w.xAdmin).get('/api/my-jobs')).statusCode).toBe(404);
  });

  it('tells each technician once per batch, listing their jobs, and never names another contractor’s', async () => {
    const solo = await addTechnicianPersona(t, w.contractorX, 'batch-solo');
    const pair = await addTechnicianPersona(t, w.contractorX, 'batch-pair');
    // One after another: a job's number is the organization's next one, so concurrent fixture inserts would collide on PostgreSQL.
    const jobsOf = [await insertJob(t, scene()), await insertJob(t, scene()), await insertJob(t, scene())];
    const foreign = await insertJob(t, {
      organizationId: w.orgB,
      contractorId: w.contractorY,
      engagementId: w.engagementBY,
      createdByUserId: w.bOwner.userId,
      siteName: 'Foreign Site',
    });
    const told = await runInTransaction(t.db, (tx) =>
      notifyTechniciansAssigned(tx, [
        ...jobsOf.map((j) => ({ technicianId: pair.technicianId, jobId: j.id })),
        { technicianId: pair.technicianId, jobId: jobsOf[0]!.id },
        { technicianId: pair.technicianId, jobId: foreign.id },
        { technicianId: solo.technicianId, jobId: jobsOf[1]!.id },
      ]),
    );
    expect(told).toBe(2);
    const of = (userId: string) =>
      t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, 'job.technician_assigned')));
    const pairs = await of(pair.userId);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ title: '3 jobs are assigned to you', link: '/tech/jobs' });
    expect(pairs[0]?.body).not.toContain('Foreign Site');
    const solos = await of(solo.userId);
    expect(solos).toHaveLength(1);
    expect(solos[0]).toMatchObject({ title: `Job ${jobsOf[1]!.number} is assigned to you`, link: `/tech/jobs/${jobsOf[1]!.id}` });
  });
});
