import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractorMembers, jobSignoffs, jobSiteVisits, jobTaskPhotos, sitePreferences } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { insertSiteJob, performBody, photoPng, signatureBase64, uploadAs } from '../../test/site-work.fixtures.ts';
import { addTechnicianPersona } from '../../test/technicians.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, signIn, type World } from '../../test/world.ts';

type Method = 'POST' | 'PUT' | 'DELETE';

describe('site work offline: replays, removed technicians, preferences', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('replaying the offline queue twice applies each change once and answers the same', async () => {
    const job = await insertSiteJob(t, w);
    const tech = clientFor(t, w.xTech);
    const fileId = await uploadAs(t, w.xTech, photoPng);
    const queue: Array<{ key: string; method: Method; url: string; body?: unknown }> = [
      { key: 'q-1', method: 'POST', url: `/api/jobs/${job.id}/on-site`, body: { location: { latitude: 48.85, longitude: 2.35 } } },
      { key: 'q-2', method: 'PUT', url: `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, body: { result: 'pass', remarks: 'Fine' } },
      { key: 'q-3', method: 'PUT', url: `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, body: { result: 'na' } },
      { key: 'q-4', method: 'POST', url: `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, body: { fileId } },
      { key: 'q-5', method: 'POST', url: `/api/jobs/${job.id}/performed`, body: performBody },
    ];
    const send = (item: (typeof queue)[number]) =>
      tech.request(item.method, item.url, item.body, { headers: { 'idempotency-key': `${job.id}-${item.key}` } });
    const first: Array<Awaited<ReturnType<typeof send>>> = [];
    for (const item of queue) first.push(await send(item));
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200, 201, 200]);
    const audits = async () =>
      Number((await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, job.id)))[0]?.n ?? 0);
    const before = await audits();
    const second: Array<Awaited<ReturnType<typeof send>>> = [];
    for (const item of queue) second.push(await send(item));
    expect(second.map((r) => r.statusCode)).toEqual([200, 200, 200, 201, 200]);
    second.forEach((r, i) => {
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.json()).toEqual(first[i]!.json());
    });
    expect(await audits()).toBe(before);
    expect(await t.db.select().from(jobSiteVisits).where(eq(jobSiteVisits.jobId, job.id))).toHaveLength(1);
    expect(await t.db.select().from(jobTaskPhotos).where(eq(jobTaskPhotos.jobId, job.id))).toHaveLength(1);
    expect(await t.db.select().from(jobSignoffs).where(eq(jobSignoffs.jobId, job.id))).toHaveLength(1);
    // the same key with another body is refused, not applied
    const reused = await tech.request('PUT', queue[1]!.url, { result: 'fail' }, { headers: { 'idempotency-key': `${job.id}-q-2` } });
    expect(reused.statusCode).toBe(422);
    // a change the server refuses (the job moved on) comes back with the reason and the state
    const late = await tech.request('PUT', queue[2]!.url, { result: 'fail' }, { headers: { 'idempotency-key': `${job.id}-late` } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentStatus: 'performed_need_docs' } });
  });

  it('a job cancelled meanwhile: the queued "I\'m on site" is refused with the state', async () => {
    const job = await insertSiteJob(t, w);
    expect((await clientFor(t, w.aOwner).post(`/api/jobs/${job.id}/cancel`, { reason: 'Site closed' })).statusCode).toBe(200);
    const res = await clientFor(t, w.xTech).request('POST', `/api/jobs/${job.id}/on-site`, {}, { headers: { 'idempotency-key': 'k-c' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ details: { currentStatus: 'cancelled' } });
    expect(res.json().detail).toMatch(/cancelled/);
  });

  it('a technician removed by the contractor: the session ends, queued changes are refused, and signing in again changes nothing', async () => {
    const gone = await addTechnicianPersona(t, w.contractorX, 'gone-tech');
    const job = await insertSiteJob(t, w, { technicians: [gone] });
    const queued = () =>
      clientFor(t, gone).request('POST', `/api/jobs/${job.id}/on-site`, {}, { headers: { 'idempotency-key': 'removed-1' } });
    expect((await clientFor(t, gone).get(`/api/jobs/${job.id}/site`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).request('DELETE', `/api/technicians/${gone.technicianId}`)).statusCode).toBe(200);
    const refused = await queued();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toMatch(/[Ss]ign in/);
    // their sign-in links stop working too: no new session
    await expect(signIn(t, gone.email)).rejects.toThrow(/no session cookie/);
    expect(await t.db.select().from(jobSiteVisits).where(eq(jobSiteVisits.jobId, job.id))).toEqual([]);
  });

  it('a removed technician who also works elsewhere keeps a session, but their queued changes for the crew are refused (404)', async () => {
    const both = await addTechnicianPersona(t, w.contractorX, 'two-hats');
    await t.db.insert(contractorMembers).values({ id: createId(), contractorId: w.contractorY, userId: both.userId, role: 'office' });
    const job = await insertSiteJob(t, w, { technicians: [both] });
    expect((await clientFor(t, w.xAdmin).request('DELETE', `/api/technicians/${both.technicianId}`)).statusCode).toBe(200);
    const res = await clientFor(t, both).request('POST', `/api/jobs/${job.id}/on-site`, {}, { headers: { 'idempotency-key': 'hats-1' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('This job was not found.');
    expect((await clientFor(t, both).get(`/api/jobs/${job.id}/site`)).statusCode).toBe(404);
    expect(await t.db.select().from(jobSiteVisits).where(eq(jobSiteVisits.jobId, job.id))).toEqual([]);
  });

  it('preferences: a mobile number (validated) and a saved signature (a PNG of at most 1 MB), never applied by itself', async () => {
    const tech = clientFor(t, w.xTech);
    expect((await tech.get('/api/preferences')).json()).toEqual({ mobile: null, signature: null });
    const bad = await tech.request('PUT', '/api/preferences/mobile', { mobile: '07700 900123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors[0].path).toBe('body.mobile');
    expect((await tech.request('PUT', '/api/preferences/mobile', { mobile: 'x'.repeat(40) })).statusCode).toBe(400);
    const set = await tech.request('PUT', '/api/preferences/mobile', { mobile: '+44 (7700) 900-123' });
    expect(set.statusCode).toBe(200);
    expect(set.json().mobile).toBe('+447700900123');
    const notPng = await tech.request('PUT', '/api/preferences/signature', { signaturePng: Buffer.from('<svg/>').toString('base64') });
    expect(notPng.statusCode).toBe(400);
    expect(notPng.json().details.fieldErrors[0]).toEqual({ path: 'signaturePng', message: 'The signature must be a PNG image.' });
    const huge = Buffer.concat([Buffer.from(signatureBase64, 'base64'), Buffer.alloc(1024 * 1024 + 1)]).toString('base64');
    expect((await tech.request('PUT', '/api/preferences/signature', { signaturePng: huge })).statusCode).toBe(400);
    const saved = await tech.request('PUT', '/api/preferences/signature', { signaturePng: `data:image/png;base64,${signatureBase64}` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ mobile: '+447700900123', signature: { png: signatureBase64, savedAt: expect.any(String) } });
    // each person their own: the office member of the same contractor has none
    expect((await clientFor(t, w.xOffice).get('/api/preferences')).json()).toEqual({ mobile: null, signature: null });
    expect((await clientFor(t, w.aOwner).get('/api/preferences')).statusCode).toBe(403);
    // a saved signature is never applied: "performed" without one in the request is refused
    const job = await insertSiteJob(t, w, { status: 'in_progress' });
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'pass' });
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'pass' });
    await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: await uploadAs(t, w.xTech, photoPng) });
    const unsigned = await tech.post(`/api/jobs/${job.id}/performed`, { notes: 'Use my saved one' });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().details.fieldErrors[0].path).toBe('body.technician');
    const removed = await tech.request('DELETE', '/api/preferences/signature');
    expect(removed.json()).toEqual({ mobile: '+447700900123', signature: null });
    const cleared = await tech.request('PUT', '/api/preferences/mobile', { mobile: null });
    expect(cleared.json().mobile).toBeNull();
    const rows = await t.db
      .select()
      .from(sitePreferences)
      .where(and(eq(sitePreferences.userId, w.xTech.userId), eq(sitePreferences.contractorId, w.contractorX)));
    expect(rows).toHaveLength(1);
  });
});
