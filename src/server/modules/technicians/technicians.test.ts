import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, sessions, technicianAccreditations, technicians } from '../../db/schema/index.ts';
import { lastEmailTo } from '../../test/mailbox.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { addTechnicianPersona } from '../../test/technicians.fixtures.ts';
import { clientFor, cookieHeader, createWorld, type World } from '../../test/world.ts';

function uploadBody(text: string) {
  const boundary = '----portico-technicians';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="licence.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('technicians', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('adds a technician: in the crew at once, invited by email, audited; the link signs them in', async () => {
    const email = `tia.${w.suffix}@crew.test`;
    const res = await clientFor(t, w.xAdmin).post('/api/technicians', { name: 'Tia Tech', email, mobile: '+61 400 123 456' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Tia Tech',
      email,
      mobile: '+61 400 123 456',
      status: 'invited',
      accreditations: [],
      abilities: { edit: true, remove: true, addAccreditation: true },
    });
    const id = res.json().id;
    const [row] = await t.db.select().from(technicians).where(eq(technicians.id, id));
    expect(row).toMatchObject({ contractorId: w.contractorX, removedAt: null });
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);
    expect(actions).toEqual(['technician.added']);

    const { email: mail, token } = await lastEmailTo(t, email);
    expect(mail?.subject).toContain('Join');
    const accepted = await clientFor(t, null).post('/api/invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    const tia = { userId: row!.userId, email, cookie: cookieHeader(accepted.headers['set-cookie']), context: `technician:${id}` };
    const me = await clientFor(t, tia).get('/api/me');
    expect(me.json().current).toBe(`technician:${id}`);
    expect((await clientFor(t, w.xAdmin).get(`/api/technicians/${id}`)).json().status).toBe('active');
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const admin = clientFor(t, w.xAdmin);
    const before = await t.db.select({ n: count() }).from(technicians).where(eq(technicians.contractorId, w.contractorX));
    for (const body of [
      { name: 'No Mail' },
      { name: 'Bad Mobile', email: `bm.${w.suffix}@crew.test`, mobile: 'call me maybe' },
      { name: 'x'.repeat(121), email: `long.${w.suffix}@crew.test` },
      { name: 'Extra', email: `ex.${w.suffix}@crew.test`, role: 'admin' },
    ]) {
      const res = await admin.post('/api/technicians', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.fieldErrors.length).toBeGreaterThan(0);
    }
    const after = await t.db.select({ n: count() }).from(technicians).where(eq(technicians.contractorId, w.contractorX));
    expect(after).toEqual(before);
    const twice = await admin.post('/api/technicians', { name: 'X Tech', email: w.xTech.email });
    expect(twice.statusCode).toBe(409);
  });

  it('lets only admins manage the crew; office members and technicians see it read-only or not at all', async () => {
    const office = clientFor(t, w.xOffice);
    expect((await office.post('/api/technicians', { name: 'Nope', email: `nope.${w.suffix}@crew.test` })).statusCode).toBe(403);
    const list = await office.get('/api/technicians');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((i: { abilities: { edit: boolean } }) => !i.abilities.edit)).toBe(true);
    const techId = w.xTech.context.replace('technician:', '');
    expect((await office.edit(`/api/technicians/${techId}`, { mobile: '0400 000 000' })).statusCode).toBe(403);
    expect((await clientFor(t, w.xTech).get('/api/technicians')).json().items.map((i: { id: string }) => i.id)).toEqual([techId]);
    expect((await clientFor(t, w.yAdmin).get(`/api/technicians/${techId}`)).statusCode).toBe(404);
  });

  it('pages the crew and searches it by name or email', async () => {
    const admin = clientFor(t, w.xAdmin);
    for (const name of ['Page One', 'Page Two', 'Page Three'])
      expect(
        (await admin.post('/api/technicians', { name, email: `${name.replace(' ', '.').toLowerCase()}.${w.suffix}@crew.test` })).statusCode,
      ).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await admin.get(`/api/technicians?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    const found = (await admin.get('/api/technicians?q=page%20t')).json().items.map((i: { name: string }) => i.name);
    expect(found.sort()).toEqual(['Page Three', 'Page Two']);
    expect((await admin.get('/api/technicians?q=%25')).json().items).toEqual([]);
  });

  it('edits with a version: 428 without If-Match, 412 when stale, audited', async () => {
    const admin = clientFor(t, w.xAdmin);
    const created = (await admin.post('/api/technicians', { name: 'Ed It', email: `edit.${w.suffix}@crew.test` })).json();
    const url = `/api/technicians/${created.id}`;
    expect((await admin.patch(url, { mobile: '0400 111 222' })).statusCode).toBe(428);
    const edited = await admin.edit(url, { mobile: '0400 111 222', name: 'Ed Ited' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ mobile: '0400 111 222', name: 'Ed Ited', version: created.version + 1 });
    const stale = await admin.request('PATCH', url, { mobile: null }, { headers: { 'if-match': `"${created.version}"` } });
    expect(stale.statusCode).toBe(412);
    expect((await admin.edit(url, {})).statusCode).toBe(400);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'technician.updated')));
    expect(audit[0]?.before).toMatchObject({ name: 'Ed It', mobile: null });
  });

  it('removes a technician: sessions end at once, sign-in links and invitations refused, gone from the crew', async () => {
    const admin = clientFor(t, w.xAdmin);
    const gone = await addTechnicianPersona(t, w.contractorX, 'gone-tech');
    const goneClient = clientFor(t, gone);
    expect((await goneClient.get('/api/me')).statusCode).toBe(200);
    // a sign-in link asked for before the removal, and a pending invitation
    expect((await clientFor(t, null).post('/api/auth/sign-in/magic-link', { email: gone.email })).statusCode).toBe(200);
    const { token: linkToken } = await lastEmailTo(t, gone.email);
    expect(linkToken).toBeDefined();
    await admin.post('/api/invitations/technician', { name: 'Gone Tech', email: gone.email });
    const { token: inviteToken } = await lastEmailTo(t, gone.email);

    const removed = await admin.request('DELETE', `/api/technicians/${gone.technicianId}`);
    expect(removed.statusCode).toBe(200);
    // the very next request: no session (the cache was dropped at commit)
    expect((await goneClient.get('/api/me')).statusCode).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, gone.userId))).toEqual([]);
    const redeem = await clientFor(t, null).post('/api/magic-link/redeem', { token: linkToken });
    expect(redeem.statusCode).toBeGreaterThanOrEqual(400);
    expect(redeem.statusCode).toBeLessThan(500);
    const accept = await clientFor(t, null).post('/api/invitations/accept', { token: inviteToken });
    expect(accept.statusCode).toBe(410);
    expect(accept.json().detail).toContain('withdrawn');
    // asking for a new link sends nothing
    const emailsBefore = (await lastEmailTo(t, gone.email)).email?.id;
    expect((await clientFor(t, null).post('/api/auth/sign-in/magic-link', { email: gone.email })).statusCode).toBe(200);
    expect((await lastEmailTo(t, gone.email)).email?.id).toBe(emailsBefore);
    expect((await admin.get(`/api/technicians/${gone.technicianId}`)).statusCode).toBe(404);
    expect((await admin.get('/api/technicians')).json().items.map((i: { id: string }) => i.id)).not.toContain(gone.technicianId);
    expect((await admin.request('DELETE', `/api/technicians/${gone.technicianId}`)).statusCode).toBe(404);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, gone.technicianId), eq(auditEvents.action, 'technician.removed')));
    expect(audit?.after).toMatchObject({ status: 'removed', sessionsEnded: 1 });
    const [pending] = await t.db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.email, gone.email), eq(invitations.kind, 'technician')));
    expect(pending?.n).toBe(1);

    // added again: back in the crew, with a fresh invitation
    const again = await admin.post('/api/technicians', { name: 'Back Again', email: gone.email });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(gone.technicianId);
  });

  it('keeps accreditations per technician: add with a scan, edit with a version, remove; only own files attach', async () => {
    const admin = clientFor(t, w.xAdmin);
    const techId = (await admin.post('/api/technicians', { name: 'Acc Red', email: `acc.${w.suffix}@crew.test` })).json().id;
    const upload = await admin.request('POST', '/api/files', undefined, uploadBody('licence scan'));
    expect(upload.statusCode).toBe(201);
    const added = await admin.post(`/api/technicians/${techId}/accreditations`, {
      type: 'working_at_heights',
      number: 'WAH-1',
      expiresOn: '2027-03-01',
      fileId: upload.json().id,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      type: 'working_at_heights',
      number: 'WAH-1',
      expiresOn: '2027-03-01',
      file: { id: upload.json().id },
    });
    const id = added.json().id;

    const bad = await admin.post(`/api/technicians/${techId}/accreditations`, { type: 'juggling', expiresOn: '2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.fieldErrors.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.expiresOn', 'body.type']);
    const otherFile = await clientFor(t, w.aOwner).request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, uploadBody('a'));
    const foreign = await admin.post(`/api/technicians/${techId}/accreditations`, { type: 'first_aid', fileId: otherFile.json().id });
    expect(foreign.statusCode).toBe(400);

    const url = `/api/accreditations/${id}`;
    expect((await admin.patch(url, { number: 'WAH-2' })).statusCode).toBe(428);
    const edited = await admin.edit(url, { number: 'WAH-2', expiresOn: null });
    expect(edited.json()).toMatchObject({ number: 'WAH-2', expiresOn: null, version: 2 });
    expect((await admin.request('PATCH', url, { number: 'x' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await clientFor(t, w.xOffice).edit(url, { number: 'WAH-3' })).statusCode).toBe(403);
    expect((await clientFor(t, w.yAdmin).get(url)).statusCode).toBe(404);

    const detail = (await admin.get(`/api/technicians/${techId}`)).json();
    expect(detail.accreditations.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await admin.request('DELETE', url)).statusCode).toBe(200);
    expect(await t.db.select().from(technicianAccreditations).where(eq(technicianAccreditations.id, id))).toEqual([]);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action).sort();
    expect(actions).toEqual(['accreditation.added', 'accreditation.removed', 'accreditation.updated']);
  });
});
