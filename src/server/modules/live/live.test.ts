import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseLiveEvent } from '../../access/live.raise.ts';
import { liveEvents } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createJob, putTechnicianOnJob } from '../../test/jobs.work.ts';
import { pruneLiveEvents } from './live.events.ts';
import { openSse, type SseStream } from '../../test/sse.client.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { createActiveContract, createMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type Persona, type World } from '../../test/world.ts';

let t: TestApp;
let base: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await t.app.close();
  await t.database.close();
});

async function connect(persona: Persona, options: { lastEventId?: string; query?: string } = {}): Promise<SseStream> {
  const stream = await openSse(`${base}/api/events${options.query ?? ''}`, { cookie: persona.cookie, lastEventId: options.lastEventId });
  streams.push(stream);
  expect(stream.status).toBe(200);
  await waitFor(() => stream.comments.includes('ready'), { message: 'the stream to be ready' });
  return stream;
}

const has = (stream: SseStream, subjectId: string, kind = 'status.changed') =>
  stream.messages().some((m) => m.subjectId === subjectId && m.kind === kind);

/** A 'user' event for each persona: once it arrives, every event raised before it has been delivered or refused. */
async function markEach(personas: Persona[]): Promise<string> {
  const marker = `marker-${Math.random().toString(36).slice(2)}`;
  await runInTransaction(t.db, async (tx) => {
    for (const p of personas)
      await raiseLiveEvent(tx, { audience: 'user', userId: p.userId, kind: 'test.marker', subjectType: 'marker', subjectId: marker });
  });
  return marker;
}

async function drained(pairs: Array<[SseStream, Persona]>): Promise<void> {
  const marker = await markEach(pairs.map(([, p]) => p));
  for (const [stream] of pairs) await waitFor(() => has(stream, marker, 'test.marker'), { message: 'the marker event' });
}

describe('GET /api/events', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(t);
  });

  it('answers with an event stream, a retry hint, and refuses without a session', async () => {
    const stream = await connect(w.aOwner);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.retry).toBeGreaterThan(0);
    stream.close();
    const anonymous = await openSse(`${base}/api/events`);
    expect(anonymous.status).toBe(401);
    const bad = await openSse(`${base}/api/events?since=abc`, { cookie: w.aOwner.cookie });
    expect(bad.status).toBe(400);
  });

  it("delivers an engagement's status change to both parties and to nobody else", async () => {
    const [owner, xAdmin, yAdmin, bOwner, xTech] = await Promise.all(
      [w.aOwner, w.xAdmin, w.yAdmin, w.bOwner, w.xTech].map((p) => connect(p)),
    );
    const contractId = await createActiveContract(t, w);
    const milestoneId = await createMilestone(t, w, contractId);
    const submitted = await clientFor(t, w.xAdmin).post(`/api/milestones/${milestoneId}/submit`, { note: 'Done.', links: [] });
    expect(submitted.statusCode, submitted.body).toBe(200);
    await waitFor(() => has(owner!, milestoneId) && has(xAdmin!, contractId), { message: 'both parties to hear' });
    await drained([
      [yAdmin!, w.yAdmin],
      [bOwner!, w.bOwner],
      [xTech!, w.xTech],
    ]);
    for (const outsider of [yAdmin!, bOwner!, xTech!]) {
      const leaked = outsider.messages().filter((m) => m.kind !== 'test.marker');
      expect(leaked).toEqual([]);
    }
    // ids and kinds only, never content
    const event = owner!.messages().find((m) => m.subjectId === milestoneId)!;
    expect(Object.keys(event).sort()).toEqual(['id', 'kind', 'subjectId', 'subjectType']);
    expect(owner!.events.find((e) => e.data.includes(milestoneId))?.id).toBe(String(event.id));
  });

  it('gives a technician only the events of jobs assigned to them, and staff-only events never reach a contractor', async () => {
    const assigned = await createJob(t, w);
    const other = await createJob(t, w);
    await putTechnicianOnJob(t, assigned, w.xTech, w.xAdmin);
    const [tech, xAdmin, owner] = await Promise.all([connect(w.xTech), connect(w.xAdmin), connect(w.aOwner)]);
    for (const id of [other, assigned]) {
      const res = await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, { targetOn: '2027-01-10' });
      expect(res.statusCode, res.body).toBe(200);
    }
    await runInTransaction(t.db, (tx) =>
      raiseLiveEvent(tx, {
        audience: 'staff',
        organizationId: w.orgA,
        contractorId: w.contractorX,
        kind: 'note.created',
        subjectType: 'note',
        subjectId: 'internal-1',
      }),
    );
    await waitFor(() => has(tech!, assigned) && has(xAdmin!, other) && has(owner!, 'internal-1', 'note.created'), {
      message: 'the job events',
    });
    await drained([
      [tech!, w.xTech],
      [xAdmin!, w.xAdmin],
    ]);
    expect(has(tech!, other)).toBe(false);
    expect(has(xAdmin!, 'internal-1', 'note.created')).toBe(false);
    expect(has(tech!, 'internal-1', 'note.created')).toBe(false);
  });

  it('sends a notification to its recipient only, and nothing for a rolled-back change', async () => {
    const [xAdmin, xOffice] = await Promise.all([connect(w.xAdmin), connect(w.xOffice)]);
    await runInTransaction(t.db, (tx) =>
      raiseLiveEvent(tx, { audience: 'user', userId: w.xAdmin.userId, kind: 'gone', subjectType: 'x', subjectId: 'rolled-back' }).then(
        () => {
          throw new Error('roll back');
        },
      ),
    ).catch(() => undefined);
    const contractId = await createActiveContract(t, w);
    const milestoneId = await createMilestone(t, w, contractId);
    // submitting notifies A's reviewers; approving notifies X's members
    expect((await clientFor(t, w.xAdmin).post(`/api/milestones/${milestoneId}/submit`, { note: 'Done.', links: [] })).statusCode).toBe(200);
    expect((await clientFor(t, w.aOwner).post(`/api/milestones/${milestoneId}/approve`, {})).statusCode).toBe(200);
    await waitFor(() => xAdmin!.messages().some((m) => m.kind === 'notification.created'), { message: "X's notification" });
    await drained([
      [xAdmin!, w.xAdmin],
      [xOffice!, w.xOffice],
    ]);
    const notifications = await t.db.query.notifications.findMany({ where: (n, { eq }) => eq(n.userId, w.xAdmin.userId) });
    const heard = xAdmin!
      .messages()
      .filter((m) => m.kind === 'notification.created')
      .map((m) => m.subjectId);
    for (const id of heard) expect(notifications.map((n) => n.id)).toContain(id);
    const officeNotes = xOffice!
      .messages()
      .filter((m) => m.kind === 'notification.created')
      .map((m) => m.subjectId);
    for (const id of officeNotes) expect(heard).not.toContain(id);
    expect(has(xAdmin!, 'rolled-back', 'gone')).toBe(false);
  });

  it('catches up from Last-Event-ID (and from ?since=) with what the person may see, and resets when too far behind', async () => {
    const first = await connect(w.xAdmin);
    const contractId = await createActiveContract(t, w);
    await waitFor(() => has(first, contractId), { message: 'the first event' });
    const lastId = String(first.messages().at(-1)!.id);
    first.close();
    const missed = await createMilestone(t, w, contractId);
    expect((await clientFor(t, w.xAdmin).post(`/api/milestones/${missed}/submit`, { note: 'x', links: [] })).statusCode).toBe(200);
    await runInTransaction(t.db, (tx) =>
      raiseLiveEvent(tx, { audience: 'staff', organizationId: w.orgA, kind: 'note.created', subjectType: 'note', subjectId: 'internal-2' }),
    );
    const again = await connect(w.xAdmin, { lastEventId: lastId });
    expect(has(again, missed)).toBe(true);
    expect(has(again, contractId)).toBe(false);
    expect(has(again, 'internal-2', 'note.created')).toBe(false);
    const bySince = await connect(w.xAdmin, { query: `?since=${lastId}` });
    expect(has(bySince, missed)).toBe(true);
    const stranger = await connect(w.yAdmin, { lastEventId: lastId });
    expect(stranger.messages().filter((m) => m.subjectId === missed)).toEqual([]);
    // the last event seen has left the window (older than a day): refetch everything
    await t.db
      .update(liveEvents)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(liveEvents.id, Number(lastId)));
    const tooOld = await connect(w.xAdmin, { lastEventId: lastId });
    expect(tooOld.events.some((e) => e.event === 'reset')).toBe(true);
    // and the hourly prune removes it
    await pruneLiveEvents(t.db);
    expect(
      await t.db
        .select()
        .from(liveEvents)
        .where(eq(liveEvents.id, Number(lastId))),
    ).toEqual([]);
    expect((await t.db.select().from(liveEvents).where(eq(liveEvents.subjectId, missed))).length).toBeGreaterThan(0);
  });

  it('closes a stream when its session ends', async () => {
    const scratch = await createWorld(t);
    const stream = await connect(scratch.xOffice);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: scratch.xOffice.cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(out.statusCode, out.body).toBe(200);
    await waitFor(() => stream.ended, { message: 'the stream to close' });
    const refused = await openSse(`${base}/api/events`, { cookie: scratch.xOffice.cookie });
    expect(refused.status).toBe(401);
  });
});
