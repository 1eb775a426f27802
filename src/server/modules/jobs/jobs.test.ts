import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractorMembers, contractors, engagements, jobs, jobTasks, notifications, statusChanges, users } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { createJobSchema } from '../../../shared/schemas/job.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { createJobs } from './jobs.service.ts';
import { createJob, jobInput, putTechnicianOnJob, uploadFor } from '../../test/jobs.work.ts';
import { performBody } from '../../test/site-work.fixtures.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, signIn, type World } from '../../test/world.ts';

describe('jobs', () => {
  let t: TestApp;
  let w: World;
  let templateId: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    const template = await clientFor(t, w.aOwner).post('/api/job-templates', {
      name: 'Fire inspection',
      tasks: [
        { title: 'Test the alarm panel', resultRequired: true, photos: 'required' },
        { title: 'Check extinguishers', resultRequired: false, defectsAllowed: true, photos: 'optional' },
      ],
    });
    expect(template.statusCode).toBe(201);
    templateId = template.json().id;
  });

  it('creates a job from a template with documents, assigned to the contractor, who is told by email with a link', async () => {
    const fileId = await uploadFor(t, w.aOwner, w.engagementAX, 'site-plan.txt', 'plan');
    const res = await clientFor(t, w.aOwner).post('/api/jobs', jobInput(w.engagementAX, { templateId, fileIds: [fileId] }));
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ status: 'assigned', siteName: 'Harbour Tower', poAmountMinor: 125_000, poCurrency: 'AUD' });
    expect(job.number).toBeGreaterThan(0);
    expect(job.tasks.map((task: { title: string }) => task.title)).toEqual(['Test the alarm panel', 'Check extinguishers']);
    expect(job.documents).toHaveLength(1);
    expect(job.abilities).toMatchObject({ cancel: true, accept: false, edit: true });
    const seen = await clientFor(t, w.xOffice).get(`/api/jobs/${job.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toMatchObject({ accept: true, reject: true, cancel: false });
    expect((await clientFor(t, w.xOffice).get(`/api/files/${fileId}`)).statusCode).toBe(200);
    const [note] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.xAdmin.userId), eq(notifications.link, `/portal/jobs/${job.id}`)));
    expect(note?.type).toBe('job.assigned');
    expect(note?.body).toContain('Due 2027-01-15');
    expect(note?.body).toContain('PO PO-1001');
    // Numbers follow each other per organization.
    const next = await createJob(t, w);
    expect((await clientFor(t, w.aOwner).get(`/api/jobs/${next}`)).json().number).toBe(job.number + 1);
  });

  it('creates several jobs at once as one would be created, numbered in order; one job out of scope creates none', async () => {
    const owner: RequestContext = {
      actor: { kind: 'staff', userId: w.aOwner.userId, organizationId: w.orgA, role: 'owner' },
      user: { id: w.aOwner.userId, name: 'A owner', email: w.aOwner.email, twoFactorEnabled: false },
      sessionId: 'test',
      requestId: createId(),
      ip: '127.0.0.1',
    };
    const input = (extra: Record<string, unknown>) => createJobSchema.parse(jobInput(w.engagementAX, extra));
    const created = await createJobs(t.db, owner, [
      input({ siteName: 'Batch one', templateId }),
      input({ siteName: 'Batch two' }),
      input({ siteName: 'Batch three', templateId }),
    ]);
    expect(created.map((job) => job.siteName)).toEqual(['Batch one', 'Batch two', 'Batch three']);
    expect(created.map((job) => job.number - created[0]!.number)).toEqual([0, 1, 2]);
    expect(created.every((job) => job.status === 'assigned' && job.contractorId === w.contractorX)).toBe(true);
    const tasks = await t.db
      .select()
      .from(jobTasks)
      .where(
        inArray(
          jobTasks.jobId,
          created.map((job) => job.id),
        ),
      );
    expect(created.map((job) => tasks.filter((task) => task.jobId === job.id).length)).toEqual([2, 0, 2]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.xAdmin.userId),
          inArray(
            notifications.link,
            created.map((job) => `/portal/jobs/${job.id}`),
          ),
        ),
      );
    expect(told.map((note) => note.type)).toEqual(['job.assigned', 'job.assigned', 'job.assigned']);

    const before = await t.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organizationId, w.orgA));
    const refused = await createJobs(t.db, owner, [
      input({ siteName: 'Never made' }),
      createJobSchema.parse(jobInput(w.engagementBY)),
    ]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 400, details: { fieldErrors: [{ path: 'engagementId' }] } });
    expect(await t.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organizationId, w.orgA))).toHaveLength(before.length);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const owner = clientFor(t, w.aOwner);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ dueOn: '2027-02-30' }, 'body.dueOn'],
      [{ requiredAccreditations: ['juggling'] }, 'body.requiredAccreditations.0'],
      [{ poCurrency: null }, 'body.poCurrency'],
      [{ poAmountMinor: -5 }, 'body.poAmountMinor'],
      [{ siteName: '' }, 'body.siteName'],
      [{ templateId: createId() }, 'templateId'],
      [{ fileIds: [createId()] }, 'fileId'],
      [{ engagementId: w.engagementBY }, 'engagementId'],
    ];
    const before = (await t.db.select().from(jobs).where(eq(jobs.organizationId, w.orgA))).length;
    for (const [change, path] of cases) {
      const res = await owner.post('/api/jobs', jobInput(w.engagementAX, change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(path);
    }
    expect(await t.db.select().from(jobs).where(eq(jobs.organizationId, w.orgA))).toHaveLength(before);
    expect((await clientFor(t, w.aFinance).post('/api/jobs', jobInput(w.engagementAX))).statusCode).toBe(403);
    expect((await clientFor(t, w.xAdmin).post('/api/jobs', jobInput(w.engagementAX))).statusCode).toBe(403);
  });

  it('walks the whole machine: accept, schedule, on site, revisit, perform, complete, send back, close, archive', async () => {
    const id = await createJob(t, w, { templateId });
    const x = clientFor(t, w.xAdmin);
    const a = clientFor(t, w.aManager);
    const tech = clientFor(t, w.xTech);
    expect((await tech.get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await x.post(`/api/jobs/${id}/accept`, { targetOn: '2027-01-10' })).json()).toMatchObject({
      status: 'accepted',
      targetOn: '2027-01-10',
    });
    expect((await x.post(`/api/jobs/${id}/schedule`, { scheduledOn: '2027-01-09' })).json().status).toBe('scheduled');
    await putTechnicianOnJob(t, id, w.xTech, w.xAdmin);
    const asTech = await tech.get(`/api/jobs/${id}`);
    expect(asTech.statusCode).toBe(200);
    expect(asTech.json().abilities).toMatchObject({ start: true, accept: false, complete: false, cancel: false });
    expect(asTech.json().technicians.map((p: { name: string }) => p.name)).toEqual(['X Tech']);
    expect((await tech.post(`/api/jobs/${id}/on-site`, {})).json().job.status).toBe('in_progress');
    expect((await tech.post(`/api/jobs/${id}/revisit`, { reason: 'Panel locked' })).json().job.status).toBe('revisit');
    expect((await tech.post(`/api/jobs/${id}/on-site`, {})).json().job.status).toBe('in_progress');
    const blocked = await tech.post(`/api/jobs/${id}/performed`, performBody);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().details.fieldErrors).toEqual([
      { path: 'tasks.1.result', message: '"Test the alarm panel" needs a result.' },
      { path: 'tasks.1.photo', message: '"Test the alarm panel" needs a photo.' },
    ]);
    await t.db
      .update(jobTasks)
      .set({ result: 'pass', photos: 'optional' })
      .where(and(eq(jobTasks.jobId, id), eq(jobTasks.position, 1)));
    expect((await tech.post(`/api/jobs/${id}/performed`, performBody)).json().job.status).toBe('performed_need_docs');
    // The technician does not complete (the office uploads the documents).
    expect((await tech.post(`/api/jobs/${id}/complete`, { performedOn: '2026-11-30', documents: [] })).statusCode).toBe(400);
    const report = await uploadFor(t, w.xAdmin, w.engagementAX, 'report.txt', 'all good');
    expect(
      (await x.post(`/api/jobs/${id}/complete`, { performedOn: '2099-01-01', documents: [{ fileId: report, kind: 'report' }] })).statusCode,
    ).toBe(400);
    const done = await x.post(`/api/jobs/${id}/complete`, { performedOn: '2026-11-30', documents: [{ fileId: report, kind: 'report' }] });
    expect(done.json()).toMatchObject({ status: 'performed', performedOn: '2026-11-30' });
    // The job report generated at "performed" and the office's uploaded report.
    expect(done.json().documents.map((d: { side: string; kind: string }) => `${d.side}:${d.kind}`)).toEqual([
      'contractor:report',
      'contractor:report',
    ]);
    // The technician sees the company's documents, never the contractor's report.
    expect((await tech.get(`/api/jobs/${id}`)).json().documents).toEqual([]);
    expect((await a.post(`/api/jobs/${id}/send-back`, { reason: 'Photo of the panel missing' })).json()).toMatchObject({
      status: 'revisit',
      sendBackReason: 'Photo of the panel missing',
    });
    await x.post(`/api/jobs/${id}/on-site`, {});
    await x.post(`/api/jobs/${id}/complete`, {
      performedOn: '2026-11-30',
      documents: [{ fileId: await uploadFor(t, w.xAdmin, w.engagementAX), kind: 'invoice' }],
    });
    expect((await clientFor(t, w.aViewer).post(`/api/jobs/${id}/close`, {})).statusCode).toBe(403);
    expect((await a.post(`/api/jobs/${id}/close`, { note: 'Thanks' })).json().status).toBe('closed');
    expect((await a.post(`/api/jobs/${id}/archive`)).json().status).toBe('archived');
    const archived = await x.get(`/api/jobs/${id}`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().abilities).toMatchObject({ readOnly: true, complete: false, accept: false });
    const history = archived.json().history.map((h: { event: string }) => h.event);
    expect(history).toEqual([
      'accept',
      'schedule',
      'start',
      'require_revisit',
      'start',
      'perform',
      'complete',
      'send_back',
      'start',
      'complete',
      'close',
      'archive',
    ]);
    expect((await a.post(`/api/jobs/${id}/cancel`, { reason: 'Too late' })).statusCode).toBe(409);
  });

  it('rejects with a reason, and the company reassigns to another contractor, who gets the tasks and documents', async () => {
    const fileId = await uploadFor(t, w.aOwner, w.engagementAX, 'brief.txt', 'brief');
    const id = await createJob(t, w, { templateId, fileIds: [fileId] });
    expect((await clientFor(t, w.xOffice).post(`/api/jobs/${id}/reject`, {})).statusCode).toBe(400);
    expect((await clientFor(t, w.xOffice).post(`/api/jobs/${id}/reject`, { reason: 'No crew free' })).json().status).toBe('rejected');
    const reviewers = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.aOwner.userId), eq(notifications.type, 'job.rejected')));
    expect(reviewers.at(-1)?.body).toContain('No crew free');
    // Another contractor engaged by A, with its admin.
    const contractorZ = createId();
    const engagementAZ = createId();
    await t.db.insert(contractors).values({ id: contractorZ, name: `Zed Services ${w.suffix}` });
    await t.db.insert(engagements).values({ id: engagementAZ, organizationId: w.orgA, contractorId: contractorZ, status: 'active' });
    const zUser = createId();
    await t.db.insert(users).values({ id: zUser, email: `z-admin.${w.suffix}@example.test`, name: 'Z Admin', emailVerified: true });
    await t.db.insert(contractorMembers).values({ id: createId(), contractorId: contractorZ, userId: zUser, role: 'admin' });
    const zAdmin = {
      userId: zUser,
      email: `z-admin.${w.suffix}@example.test`,
      cookie: await signIn(t, `z-admin.${w.suffix}@example.test`),
      context: `contractor:${contractorZ}`,
    };
    const moved = await clientFor(t, w.aOwner).post(`/api/jobs/${id}/reassign`, { engagementId: engagementAZ });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'assigned', rejectReason: null, contractor: { id: contractorZ } });
    expect((await clientFor(t, w.xOffice).get(`/api/jobs/${id}`)).statusCode).toBe(404);
    const asZ = await clientFor(t, zAdmin).get(`/api/jobs/${id}`);
    expect(asZ.statusCode).toBe(200);
    expect(asZ.json().tasks).toHaveLength(2);
    expect(asZ.json().documents).toHaveLength(1);
    // Z reads the document; nothing of X's rejection (its reason, its people) is in Z's history.
    expect((await clientFor(t, zAdmin).get(`/api/files/${asZ.json().documents[0].file.id}/download`)).body).toBe('brief');
    expect(asZ.body).not.toContain('No crew free');
    expect(asZ.body).not.toContain('X Office');
    expect((await clientFor(t, w.aOwner).post(`/api/jobs/${id}/reassign`, {})).statusCode).toBe(409);
  });

  it('cancels any open job with a reason (company only), and tells the contractor', async () => {
    const id = await createJob(t, w);
    expect((await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await clientFor(t, w.aFinance).post(`/api/jobs/${id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await clientFor(t, w.aOwner).post(`/api/jobs/${id}/cancel`, {})).statusCode).toBe(400);
    const res = await clientFor(t, w.aOwner).post(`/api/jobs/${id}/cancel`, { reason: 'Site sold' });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Site sold' });
    const [change] = await t.db
      .select()
      .from(statusChanges)
      .where(and(eq(statusChanges.entityId, id), eq(statusChanges.event, 'cancel')));
    expect(change?.note).toBe('Site sold');
    expect((await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, {})).statusCode).toBe(409);
  });

  it(raceTitle('lets one of two people accepting the same job at once win; the other gets 409'), async () => {
    const id = await createJob(t, w);
    const [one, two] = await Promise.all([
      clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, {}),
      clientFor(t, w.xOffice).post(`/api/jobs/${id}/accept`, {}),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(loser.json().details.currentStatus).toBe('accepted');
    expect(
      await t.db
        .select()
        .from(statusChanges)
        .where(and(eq(statusChanges.entityId, id), eq(statusChanges.event, 'accept'))),
    ).toHaveLength(1);
  });

  it("bulk accepts and rejects, answering each job; another contractor's job is not found and untouched", async () => {
    const mine = [await createJob(t, w), await createJob(t, w)];
    await clientFor(t, w.xAdmin).post(`/api/jobs/${mine[1]}/accept`, {});
    const theirs = await clientFor(t, w.bOwner).post('/api/jobs', jobInput(w.engagementBY));
    const res = await clientFor(t, w.xAdmin).post('/api/desk/jobs/bulk-accept', {
      selection: { ids: [...mine, theirs.json().id] },
      targetOn: '2027-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().changed).toBe(1);
    expect(res.json().changedIds).toEqual([mine[0]]);
    const refused = res.json().refused.map((r: { id: string; reason: string; status: string | null }) => [r.id, r.reason, r.status]);
    expect(refused).toHaveLength(2);
    expect(refused).toEqual(
      expect.arrayContaining([
        [mine[1], 'wrong_state', 'accepted'],
        [theirs.json().id, 'not_found', null],
      ]),
    );
    expect(JSON.stringify(res.json())).not.toContain(theirs.json().siteName);
    expect((await clientFor(t, w.bOwner).get(`/api/jobs/${theirs.json().id}`)).json().status).toBe('assigned');
    const rejected = await clientFor(t, w.xAdmin).post('/api/desk/jobs/bulk-reject', {
      selection: { ids: [await createJob(t, w)] },
      reason: 'Out of area',
    });
    expect(rejected.json().changed).toBe(1);
  });

  it('lists jobs per side: staff their organization, contractors theirs, a technician only the assigned ones', async () => {
    const id = await createJob(t, w, { siteName: 'Listed Depot 42%' });
    const staff = await clientFor(t, w.aViewer).get('/api/jobs?q=depot 42%25&limit=5');
    expect(staff.json().items.map((j: { id: string }) => j.id)).toEqual([id]);
    expect((await clientFor(t, w.xOffice).get('/api/jobs?q=Listed Depot')).json().items).toHaveLength(1);
    expect((await clientFor(t, w.bOwner).get('/api/jobs?q=Listed Depot')).json().items).toEqual([]);
    const yJobs = (await clientFor(t, w.yAdmin).get('/api/jobs?limit=200')).json().items;
    expect(yJobs.filter((j: { contractor: { id: string } }) => j.contractor.id !== w.contractorY)).toEqual([]);
    expect((await clientFor(t, w.xTech).get('/api/jobs?q=Listed Depot')).json().items).toEqual([]);
    await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, {});
    await putTechnicianOnJob(t, id, w.xTech, w.xAdmin);
    expect((await clientFor(t, w.xTech).get('/api/jobs?q=Listed Depot')).json().items.map((j: { id: string }) => j.id)).toEqual([id]);
    expect((await clientFor(t, w.yTech).get('/api/jobs?q=Listed Depot')).json().items).toEqual([]);
    expect((await clientFor(t, w.aOwner).get('/api/jobs?status=archived&sort=created')).statusCode).toBe(200);
    expect((await clientFor(t, w.aOwner).get('/api/jobs?cursor=nonsense')).statusCode).toBe(400);
  });

  it('edits a job with If-Match, telling the contractor; a stale edit is 412', async () => {
    const id = await createJob(t, w);
    const owner = clientFor(t, w.aOwner);
    expect((await owner.patch(`/api/jobs/${id}`, { dueOn: '2027-03-01' })).statusCode).toBe(428);
    const edited = await owner.edit(`/api/jobs/${id}`, { dueOn: '2027-03-01', accessDetails: 'Ring the bell' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ dueOn: '2027-03-01', accessDetails: 'Ring the bell', version: 2 });
    const stale = await owner.request('PATCH', `/api/jobs/${id}`, { dueOn: '2027-04-01' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await owner.edit(`/api/jobs/${id}`, { poCurrency: null })).statusCode).toBe(400);
    expect((await clientFor(t, w.xAdmin).edit(`/api/jobs/${id}`, { dueOn: '2027-03-02' })).statusCode).toBe(403);
    const [told] = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, w.xOffice.userId), eq(notifications.type, 'job.edited'), eq(notifications.link, `/portal/jobs/${id}`)),
      );
    expect(told?.body).toBe('Changed: dueOn, accessDetails.');
  });
});
