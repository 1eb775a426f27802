import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import { addTechnicianPersona, assignJob, insertJob } from '../../test/technicians.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type Persona, type World } from '../../test/world.ts';

let t: TestApp;
let w: World;
let tech: Persona & { technicianId: string };
let assigned: { id: string };
let other: { id: string };

beforeEach(async () => {
  t = await getTestApp();
  w = await createWorld(t);
  tech = await addTechnicianPersona(t, w.contractorX, 'msg-tech');
  const scene = { organizationId: w.orgA, contractorId: w.contractorX, engagementId: w.engagementAX, createdByUserId: w.aOwner.userId };
  assigned = await insertJob(t, { ...scene, siteName: 'Assigned Site' });
  other = await insertJob(t, { ...scene, siteName: 'Other Site' });
  await assignJob(t, assigned, {
    organizationId: w.orgA,
    contractorId: w.contractorX,
    technicianId: tech.technicianId,
    byUserId: w.xAdmin.userId,
  });
});

const url = (world: World) => `/api/threads/${world.engagementAX}/messages`;

describe("technicians' job messages", () => {
  it('see and write only the messages about jobs assigned to them', async () => {
    const owner = clientFor(t, w.aOwner);
    await owner.post(url(w), { body: 'General talk' });
    await owner.post(url(w), { body: 'About the assigned job', subject: { kind: 'job', id: assigned.id } });
    await owner.post(url(w), { body: 'About another job', subject: { kind: 'job', id: other.id } });

    const client = clientFor(t, tech);
    const page = await client.get(url(w));
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((m: { body: string }) => m.body)).toEqual(['About the assigned job']);
    expect((await client.get('/api/threads/unread')).json()).toEqual({ unread: 1 });
    const [told] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, tech.userId), eq(notifications.type, 'message.received')));
    expect(told?.link).toBe(`/tech/jobs/${assigned.id}`);

    const noSubject = await client.post(url(w), { body: 'Hello' });
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json().details.fieldErrors[0].path).toBe('subject');
    const otherJob = await client.post(url(w), { body: 'Hello', subject: { kind: 'job', id: other.id } });
    expect(otherJob.statusCode).toBe(400);
    const ok = await client.post(url(w), { body: 'On my way', subject: { kind: 'job', id: assigned.id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ side: 'contractor', subject: { kind: 'job', id: assigned.id } });
    // The contractor's office and the company both hear of it.
    expect((await clientFor(t, w.xOffice).get('/api/threads/unread')).json().unread).toBe(3);
    expect((await owner.get('/api/threads/unread')).json().unread).toBe(1);
    const officeTold = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.xOffice.userId), eq(notifications.type, 'message.received')));
    expect(officeTold.length).toBeGreaterThan(0);

    expect((await client.get(`/api/threads/${w.engagementAX}/notes`)).statusCode).toBe(404);
    expect((await client.get('/api/threads')).json().items).toEqual([expect.objectContaining({ id: w.engagementAX })]);
    expect((await client.get(`/api/threads?jobId=${assigned.id}`)).json().items).toEqual([expect.objectContaining({ id: w.engagementAX })]);
    expect((await client.get(`/api/threads?jobId=${other.id}`)).json().items).toEqual([]);
  });
});
