import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, files, internalNotes, messages, notifications } from '../../db/schema/index.ts';
import { multipartBody, pngBytes } from '../../test/payments.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

let t: TestApp;
let w: World;

beforeEach(async () => {
  t = await getTestApp();
  w = await createWorld(t);
});

const thread = (world: World) => `/api/threads/${world.engagementAX}`;

async function countMessages(threadId: string): Promise<number> {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.threadId, threadId));
  return row?.n ?? 0;
}

async function upload(persona = w.aOwner, content: Buffer = pngBytes, engagementId = w.engagementAX) {
  return clientFor(t, persona).request('POST', `/api/files?engagementId=${engagementId}`, undefined, multipartBody('plan.png', content));
}

describe('messages', () => {
  it('carries a contractor message to the company: unread counts, a notification to the thread, mark read', async () => {
    const posted = await clientFor(t, w.xAdmin).post(`${thread(w)}/messages`, { body: 'Did you get my invoice?\nThanks' });
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({
      body: 'Did you get my invoice?\nThanks',
      side: 'contractor',
      mine: true,
      threadId: w.engagementAX,
    });

    const owner = clientFor(t, w.aOwner);
    const list = await owner.get('/api/threads');
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: w.engagementAX,
        unread: 1,
        counterpartName: `Contractor X ${w.suffix}`,
        abilities: { post: true, internalNotes: true },
      }),
    ]);
    expect((await owner.get('/api/threads/unread')).json()).toEqual({ unread: 1 });
    expect((await clientFor(t, w.xAdmin).get('/api/threads/unread')).json()).toEqual({ unread: 0 });

    const [note] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.aOwner.userId), eq(notifications.type, 'message.received')));
    expect(note?.link).toBe(`/app/messages/${w.engagementAX}`);
    const viewerNotes = await t.db.select().from(notifications).where(eq(notifications.userId, w.aViewer.userId));
    expect(viewerNotes).toEqual([]);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, posted.json().id));
    expect(audit?.action).toBe('message.posted');

    expect((await owner.post(`${thread(w)}/read`)).statusCode).toBe(200);
    expect((await owner.get('/api/threads/unread')).json()).toEqual({ unread: 0 });
    expect((await owner.get(thread(w))).json().unread).toBe(0);

    const answer = await owner.post(`${thread(w)}/messages`, { body: 'Yes, approved today.' });
    expect(answer.statusCode).toBe(201);
    expect((await clientFor(t, w.xOffice).get('/api/threads/unread')).json()).toEqual({ unread: 1 });
    const [toOffice] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.xOffice.userId), eq(notifications.type, 'message.received')));
    expect(toOffice?.link).toBe(`/portal/messages/${w.engagementAX}`);
  });

  it('refuses an empty message and one over 10,000 characters, naming the field, storing nothing', async () => {
    const client = clientFor(t, w.xAdmin);
    for (const body of ['', '   \n ', 'x'.repeat(10_001)]) {
      const res = await client.post(`${thread(w)}/messages`, { body });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe('body.body');
    }
    expect((await client.post(`${thread(w)}/messages`, { body: 'x'.repeat(10_000) })).statusCode).toBe(201);
    expect(await countMessages(w.engagementAX)).toBe(1);
  });

  it('stores script and image tags as text, exactly as written', async () => {
    const body = '<script>alert(1)</script><img src=x onerror="alert(2)"> & http://example.test';
    const res = await clientFor(t, w.xAdmin).post(`${thread(w)}/messages`, { body });
    expect(res.json().body).toBe(body);
    const page = await clientFor(t, w.aOwner).get(`${thread(w)}/messages`);
    expect(page.json().items[0].body).toBe(body);
  });

  it('carries attachments of the engagement; refuses a file of another engagement and one over the limit', async () => {
    const file = await upload();
    expect(file.statusCode).toBe(201);
    const res = await clientFor(t, w.aOwner).post(`${thread(w)}/messages`, { body: 'The plan', fileIds: [file.json().id] });
    expect(res.statusCode).toBe(201);
    expect(res.json().attachments).toEqual([expect.objectContaining({ id: file.json().id, mime: 'image/png' })]);

    const foreign = await upload(w.bOwner, pngBytes, w.engagementBY);
    const refused = await clientFor(t, w.aOwner).post(`${thread(w)}/messages`, { body: 'Sneaky', fileIds: [foreign.json().id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fieldErrors[0].path).toBe('fileIds');

    const [before] = await t.db.select({ n: sql<number>`count(*)::int` }).from(files).where(eq(files.organizationId, w.orgA));
    const big = await upload(w.aOwner, Buffer.concat([pngBytes, Buffer.alloc(300 * 1024, 7)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/larger than/);
    const [after] = await t.db.select({ n: sql<number>`count(*)::int` }).from(files).where(eq(files.organizationId, w.orgA));
    expect(after?.n).toBe(before?.n);
    expect(await countMessages(w.engagementAX)).toBe(1);
  });

  it("gives another engagement's people nothing: thread, messages, search, post, list, count", async () => {
    await clientFor(t, w.xAdmin).post(`${thread(w)}/messages`, { body: 'Secret figures' });
    for (const persona of [w.yAdmin, w.bOwner, w.yTech, w.xTech]) {
      const client = clientFor(t, persona);
      expect((await client.get(thread(w))).statusCode).toBe(404);
      expect((await client.get(`${thread(w)}/messages`)).statusCode).toBe(404);
      expect((await client.get(`${thread(w)}/messages?q=Secret`)).statusCode).toBe(404);
      expect((await client.post(`${thread(w)}/messages`, { body: 'In' })).statusCode).toBe(404);
      expect((await client.post(`${thread(w)}/read`)).statusCode).toBe(404);
      expect((await client.get('/api/threads')).body).not.toContain(w.engagementAX);
      expect((await client.get('/api/threads/unread')).json()).toEqual({ unread: 0 });
    }
    expect(await countMessages(w.engagementAX)).toBe(1);
  });

  it('pages a thread newest first with a cursor, filters by subject and searches the text', async () => {
    const client = clientFor(t, w.xAdmin);
    const job = await clientFor(t, w.aOwner).post('/api/jobs', {
      engagementId: w.engagementAX,
      siteName: 'Harbour Tower',
      siteAddress: '1 Quay',
      dueOn: '2027-01-01',
    });
    expect(job.statusCode).toBe(201);
    for (let i = 0; i < 7; i++) {
      const subject = i % 3 === 0 ? { kind: 'job', id: job.json().id } : undefined;
      expect((await client.post(`${thread(w)}/messages`, { body: `Message ${i} 100%_done`, subject })).statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(`${thread(w)}/messages?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.json().items.map((m: { body: string }) => m.body));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Message ${i} 100%_done`));

    const onJob = await client.get(`${thread(w)}/messages?subject=job:${job.json().id}`);
    expect(onJob.json().items.map((m: { body: string }) => m.body)).toEqual([6, 3, 0].map((i) => `Message ${i} 100%_done`));
    expect(onJob.json().items[0].subject).toEqual({ kind: 'job', id: job.json().id, label: expect.stringContaining('Harbour Tower') });
    const found = await client.get(`${thread(w)}/messages?q=${encodeURIComponent('ge 4 100%_')}`);
    expect(found.json().items.map((m: { body: string }) => m.body)).toEqual(['Message 4 100%_done']);
    expect((await client.get(`${thread(w)}/messages?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(7);
    expect((await client.get(`${thread(w)}/messages?subject=nonsense`)).statusCode).toBe(400);

    const foreignJob = await clientFor(t, w.bOwner).post('/api/jobs', {
      engagementId: w.engagementBY,
      siteName: 'Elsewhere',
      siteAddress: '2 Road',
      dueOn: '2027-01-01',
    });
    const wrong = await client.post(`${thread(w)}/messages`, { body: 'x', subject: { kind: 'job', id: foreignJob.json().id } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.fieldErrors[0].path).toBe('subject');
  });

  it('lets its author edit within 10 minutes with If-Match, and delete leaving a mark; the audit keeps the text', async () => {
    const author = clientFor(t, w.xAdmin);
    const posted = (await author.post(`${thread(w)}/messages`, { body: 'Typo hre' })).json();
    const url = `/api/messages/${posted.id}`;
    expect((await author.patch(url, { body: 'Typo here' })).statusCode).toBe(428);
    expect((await clientFor(t, w.xOffice).request('PATCH', url, { body: 'Not mine' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(
      403,
    );
    const edited = await author.request('PATCH', url, { body: 'Typo here' }, { headers: { 'if-match': '"1"' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Typo here', version: 2, editedAt: expect.any(String) });
    expect((await author.request('PATCH', url, { body: 'Again' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(412);

    await t.db
      .update(messages)
      .set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(messages.id, posted.id));
    const late = await author.request('PATCH', url, { body: 'Too late' }, { headers: { 'if-match': '"2"' } });
    expect(late.statusCode).toBe(403);
    expect(late.json().detail).toMatch(/10 minutes/);

    expect((await clientFor(t, w.aOwner).request('DELETE', url)).statusCode).toBe(403);
    const deleted = await author.request('DELETE', url);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ body: '', deletedAt: expect.any(String), abilities: { edit: false, delete: false } });
    const page = await clientFor(t, w.aOwner).get(`${thread(w)}/messages`);
    expect(page.json().items[0]).toMatchObject({ id: posted.id, body: '', deletedAt: expect.any(String) });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, posted.id), eq(auditEvents.action, 'message.deleted')));
    expect(audit?.before).toMatchObject({ body: 'Typo here' });
  });

  it('replays a post sent twice with one Idempotency-Key', async () => {
    const client = clientFor(t, w.xAdmin);
    const send = () =>
      client.request('POST', `${thread(w)}/messages`, { body: 'Once only' }, { headers: { 'idempotency-key': `msg-${w.suffix}` } });
    const first = await send();
    const second = await send();
    expect(second.json().id).toBe(first.json().id);
    expect(await countMessages(w.engagementAX)).toBe(1);
  });
});

describe('internal notes', () => {
  it('are for staff only: contractors and technicians get 404, the audit trail and counts show them nothing', async () => {
    const owner = clientFor(t, w.aOwner);
    const note = await owner.post(`${thread(w)}/notes`, { body: 'Slow payer, watch the invoices' });
    expect(note.statusCode).toBe(201);
    expect((await owner.get(`${thread(w)}/notes`)).json().items).toEqual([
      expect.objectContaining({ body: 'Slow payer, watch the invoices' }),
    ]);
    expect((await clientFor(t, w.aViewer).post(`${thread(w)}/notes`, { body: 'no' })).statusCode).toBe(403);
    expect((await owner.post(`${thread(w)}/notes`, { body: '' })).statusCode).toBe(400);

    for (const persona of [w.xAdmin, w.xOffice, w.xTech, w.yAdmin, w.bOwner]) {
      const client = clientFor(t, persona);
      expect((await client.get(`${thread(w)}/notes`)).statusCode).toBe(404);
      expect((await client.post(`${thread(w)}/notes`, { body: 'mine' })).statusCode).toBe(404);
      for (const url of ['/api/audit-events', '/api/threads', '/api/threads/unread', '/api/notifications', `${thread(w)}/messages`]) {
        const res = await client.get(url);
        expect(res.body, `${url} for ${persona.email}`).not.toContain('Slow payer');
        expect(res.body).not.toContain(note.json().id);
      }
    }
    const rows = await t.db.select().from(internalNotes).where(eq(internalNotes.engagementId, w.engagementAX));
    expect(rows).toHaveLength(1);
  });
});
